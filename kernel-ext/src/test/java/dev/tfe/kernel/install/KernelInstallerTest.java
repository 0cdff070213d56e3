package dev.tfe.kernel.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KernelInstallerTest {

    @Test
    void parsesOptions() {
        KernelInstaller.Options o = KernelInstaller.Options.parse(
                List.of("--prefix", "/tmp/p", "--name", "tfe-dev", "--jvm-arg", "-Xmx2g", "--dry-run"));
        assertEquals(KernelInstaller.Scope.PREFIX, o.scope());
        assertEquals(Path.of("/tmp/p"), o.prefix());
        assertEquals("tfe-dev", o.name());
        assertEquals(List.of("-Xmx2g"), o.jvmArgs());
        assertTrue(o.dryRun());
        assertEquals(KernelInstaller.Scope.SYS_PREFIX, KernelInstaller.Options.parse(List.of("--sys-prefix")).scope());
        assertEquals(KernelInstaller.Options.defaults(), KernelInstaller.Options.parse(List.of()));
        assertThrows(IllegalArgumentException.class, () -> KernelInstaller.Options.parse(List.of("--name", "bad name")));
        assertThrows(IllegalArgumentException.class, () -> KernelInstaller.Options.parse(List.of("--prefix")));
        assertThrows(IllegalArgumentException.class, () -> KernelInstaller.Options.parse(List.of("--global")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void kernelJsonRunsJavaWithTheVectorModuleThisClasspathAndTheConnectionFile() {
        KernelSpec spec = KernelSpec.forThisJvm(List.of("-Xmx1g"), "Java (tfe-java)");
        Map<String, Object> json = new Gson().fromJson(spec.toJson(), Map.class);
        List<String> argv = (List<String>) json.get("argv");
        assertTrue(argv.get(0).endsWith("/bin/java"), argv.get(0));
        assertEquals(List.of("--add-modules", "jdk.incubator.vector", "-Xss4m", "-Xmx1g", "-cp"), argv.subList(1, 6));
        assertTrue(argv.get(6).contains("jupyter-jvm-basekernel"), argv.get(6));
        for (String entry : argv.get(6).split(java.io.File.pathSeparator)) {
            assertTrue(Path.of(entry).isAbsolute(), entry);
        }
        assertEquals(List.of(KernelSpec.MAIN_CLASS, "{connection_file}"), argv.subList(7, 9));
        assertEquals("Java (tfe-java)", json.get("display_name"));
        assertEquals("java", json.get("language"));
        assertEquals("message", json.get("interrupt_mode"));
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
