package dev.tfe.kernel.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.Gson;

import picocli.CommandLine.ParameterException;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KernelInstallerTest {

    @Test
    void parsesOptions() {
        KernelInstaller.Options o = KernelInstallCommand.parse(
                "--prefix", "/tmp/p", "--name", "tfe-dev", "--jvm-arg", "-Xmx2g", "--dry-run");
        assertEquals(KernelInstaller.Scope.PREFIX, o.scope());
        assertEquals(Path.of("/tmp/p"), o.prefix());
        assertEquals("tfe-dev", o.name());
        assertEquals(List.of("-Xmx2g"), o.jvmArgs());
        assertTrue(o.dryRun());
        assertEquals(KernelInstaller.Scope.SYS_PREFIX, KernelInstallCommand.parse("--sys-prefix").scope());
        assertEquals(KernelInstaller.Options.defaults(), KernelInstallCommand.parse());
        assertEquals(KernelInstaller.Options.defaults(), KernelInstallCommand.parse("--user"));
    }

    @Test
    void badOptionsSayWhatIsWrong() {
        assertRefused("kernel name 'bad name' may use only letters", "--name", "bad name");
        assertRefused("Missing required parameter for option '--prefix' (DIR)", "--prefix");
        assertRefused("Unknown option: '--global'", "--global");
        assertRefused("mutually exclusive", "--user", "--prefix", "/tmp/p");
    }

    private static void assertRefused(String message, String... args) {
        ParameterException e = assertThrows(ParameterException.class, () -> KernelInstallCommand.parse(args));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    @SuppressWarnings("unchecked")
    void kernelJsonRunsJavaWithTheVectorModuleThisClasspathAndTheConnectionFile() {
        KernelSpec spec = KernelSpec.forThisJvm(List.of("-Xmx1g"), "Java (tfe-java)");
        Map<String, Object> json = new Gson().fromJson(spec.toJson(), Map.class);
        List<String> argv = (List<String>) json.get("argv");
        assertTrue(argv.get(0).endsWith("/bin/java"), argv.get(0));
        int cp = argv.indexOf("-cp");
        List<String> expected = new java.util.ArrayList<>(KernelSpec.jvmArgsFor(Runtime.version().feature()));
        expected.add("-Xmx1g");
        assertEquals(expected, argv.subList(1, cp));
        assertTrue(expected.containsAll(List.of("--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED")));
        String classpath = argv.get(cp + 1);
        assertTrue(classpath.contains("jupyter-jvm-basekernel"), classpath);
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            assertTrue(Path.of(entry).isAbsolute(), entry);
            assertFalse(entry.endsWith("-tests.jar") || entry.endsWith("test-classes"), "a test entry in the kernel's class path: " + entry);
        }
        assertEquals(List.of(KernelSpec.MAIN_CLASS, "{connection_file}"), argv.subList(cp + 2, argv.size()));
        assertEquals("Java (tfe-java)", json.get("display_name"));
        assertEquals("java", json.get("language"));
        assertEquals("message", json.get("interrupt_mode"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void kernelJsonGivesTheKernelOneOpenMpThreadAsTheTfeScriptDoes() {
        Map<String, Object> json = new Gson().fromJson(KernelSpec.forThisJvm(List.of(), "T").toJson(), Map.class);
        assertEquals(Map.of("OMP_NUM_THREADS", "1"), json.get("env"));
    }

    @Test
    void java17GetsNoOptionItDoesNotKnowAndNewerJavasAllowUnsafeForNd4j() {
        assertFalse(KernelSpec.jvmArgsFor(17).stream().anyMatch(a -> a.startsWith("--sun-misc-unsafe-memory-access")));
        assertTrue(KernelSpec.jvmArgsFor(25).contains("--sun-misc-unsafe-memory-access=allow"));
    }

    @Test
    void aClassPathWithoutTheKernelIsRefusedWithWhatToDo(@TempDir Path tmp) throws Exception {
        // what ./tfe used to pass: kernel-ext's tests jar instead of its main jar
        Path testsJar = tmp.resolve("kernel-ext-0.1.0-SNAPSHOT-tests.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(testsJar))) {
            out.putNextEntry(new java.util.jar.JarEntry("dev/tfe/kernel/TfeKernelTest.class"));
            out.closeEntry();
        }
        KernelSpec spec = new KernelSpec(Path.of("/usr/bin/java"), List.of(), List.of(testsJar), Map.of(), "T");
        KernelInstaller.Options o = new KernelInstaller.Options(KernelInstaller.Scope.PREFIX, tmp.resolve("p"),
                "tfe-java-t", "T", List.of(), false);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KernelInstaller.install(o, spec));
        assertTrue(e.getMessage().contains(KernelSpec.MAIN_CLASS) && e.getMessage().contains("./tfe build"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("p")), "nothing is installed");
        KernelSpec.forThisJvm(List.of(), "T").checkClasspath(); // the real class path passes
    }

    @Test
    void installsIntoAPrefix(@TempDir Path tmp) throws Exception {
        KernelInstaller.Options o = new KernelInstaller.Options(KernelInstaller.Scope.PREFIX, tmp, "tfe-java-t", "T",
                List.of(), false);
        KernelSpec spec = KernelSpec.forThisJvm(List.of(), "T");
        Path dir = KernelInstaller.install(o, spec);
        Path expected = tmp.resolve("share/jupyter/kernels/tfe-java-t");
        assertEquals(expected.toRealPath(), dir.toRealPath());
        assertEquals(spec.toJson(), Files.readString(expected.resolve("kernel.json")));
        assertEquals(expected, KernelInstaller.kernelDir(o, Optional.empty()));
    }
}
