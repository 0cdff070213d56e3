package dev.tfe.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.tfe.kernel.install.KernelInstaller;
import dev.tfe.kernel.install.KernelSpec;

/**
 * Runs {@code src/test/python/test_kernel.py} (jupyter_kernel_test's protocol checks plus this
 * kernel's own) against the kernel, installed into a temporary prefix. Skipped when Debian's
 * Python cannot import jupyter_kernel_test; no kernel process outlives it.
 */
@Tag("jupyter")
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class JupyterConformanceTest {
    /** Debian's Python (a pyenv shim on the PATH cannot see Debian's packages); -Dtfe.python overrides. */
    private static final long RUN_TIMEOUT_MINUTES = 6;
    private static final String KERNEL_NAME = "tfe-java-test";

    @Test
    void kernelPassesJupyterKernelTests(@TempDir Path tmp) throws Exception {
        assumeTrue(JupyterProcesses.canImport("jupyter_kernel_test", "jupyter_client"),
                JupyterProcesses.PYTHON + " cannot import jupyter_kernel_test and jupyter_client"
                        + " (Debian: apt-get install python3-jupyter-kernel-test python3-jupyter-client)");
        Path prefix = tmp.resolve("prefix");
        List<String> jvmArgs = List.of("-Xmx1g");
        KernelInstaller.install(
                new KernelInstaller.Options(KernelInstaller.Scope.PREFIX, prefix, KERNEL_NAME, "Java (tfe-java test)",
                        jvmArgs, false),
                KernelSpec.forThisJvm(jvmArgs, "Java (tfe-java test)"));

        Path runtime = tmp.resolve("runtime");
        Path log = tmp.resolve("unittest.log");
        ProcessBuilder pb = new ProcessBuilder(JupyterProcesses.PYTHON, "-m", "unittest", "-v", "test_kernel")
                .directory(pythonTests().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = pb.environment();
        env.put("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
        env.put("JUPYTER_DATA_DIR", tmp.resolve("data").toString());
        env.put("JUPYTER_CONFIG_DIR", tmp.resolve("config").toString());
        env.put("JUPYTER_RUNTIME_DIR", runtime.toString());
        env.put("TFE_KERNEL_NAME", KERNEL_NAME);
        env.put("JupyterProcesses.PYTHONDONTWRITEBYTECODE", "1");
        env.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");

        Process python = pb.start();
        boolean finished = false;
        try {
            finished = python.waitFor(RUN_TIMEOUT_MINUTES, TimeUnit.MINUTES);
        } finally {
            if (!finished) {
                python.descendants().forEach(ProcessHandle::destroyForcibly);
                python.destroyForcibly();
                python.waitFor(30, TimeUnit.SECONDS);
            }
        }
        List<ProcessHandle> leftovers = JupyterProcesses.kernelsOf(runtime);
        for (ProcessHandle kernel : leftovers) {
            kernel.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output);
        assertTrue(finished, "the Python conformance tests did not finish in " + RUN_TIMEOUT_MINUTES + " minutes:\n" + output);
        assertEquals(0, python.exitValue(), output);
        assertTrue(output.contains("\nOK"), output);
        assertTrue(leftovers.isEmpty(), "kernels left running: "
                + leftovers.stream().map(p -> String.valueOf(p.pid())).collect(Collectors.joining(", ")));
    }

    private static Path pythonTests() {
        String basedir = System.getProperty("basedir");
        Path module = basedir != null ? Path.of(basedir) : Path.of("").toAbsolutePath();
        return module.resolve("src/test/python");
    }
}
