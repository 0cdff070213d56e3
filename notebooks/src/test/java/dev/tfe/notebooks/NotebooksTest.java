package dev.tfe.notebooks;

import dev.tfe.kernel.JupyterProcesses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.tfe.kernel.install.KernelInstaller;
import dev.tfe.kernel.install.KernelSpec;

/**
 * Executes each tutorial notebook of this module headless (nbclient, through
 * {@code src/test/python/run_notebook.py}) on the tfe-java kernel installed into a temporary
 * prefix, and asserts on the outputs. Skipped when Debian's Python cannot import nbclient; no
 * kernel or party process outlives a test. Prints each notebook's wall time;
 * {@code -Dtfe.notebooks.out=DIR} keeps the executed notebooks in DIR.
 */
@Tag("jupyter")
class NotebooksTest {
    /** Debian's Python (a pyenv shim on the PATH cannot see Debian's packages); -Dtfe.python overrides. */
    private static final String KERNEL_NAME = "tfe-java";
    private static final int CELL_TIMEOUT_SECONDS = 600;
    private static final long RUN_TIMEOUT_MINUTES = 15;


    @TempDir
    static Path tmp;

    @BeforeAll
    static void installKernel() throws Exception {
        assumeTrue(JupyterProcesses.canImport("nbclient", "nbformat"), JupyterProcesses.PYTHON + " cannot import nbclient and nbformat"
                + " (Debian: apt-get install python3-nbclient python3-nbformat)");
        List<String> jvmArgs = List.of("-Xmx2g");
        KernelInstaller.install(
                new KernelInstaller.Options(KernelInstaller.Scope.PREFIX, tmp.resolve("prefix"), KERNEL_NAME,
                        "Java (tfe-java test)", jvmArgs, false),
                KernelSpec.forThisJvm(jvmArgs, "Java (tfe-java test)"));
    }

    @Test
    @Timeout(value = 16, unit = TimeUnit.MINUTES)
    void privatePredictionMnist() throws Exception {
        NotebookOutputs out = execute("private-prediction-mnist");
        String text = out.text();
        assertTrue(text.contains("plaintext accuracy: "), text);
        List<Double> accuracy = out.percentagesAfter("private accuracy:");
        List<Double> processes = out.percentagesAfter("private accuracy (processes):");
        List<Double> agreement = out.percentagesAfter("agreement:");
        assertEquals(1, accuracy.size(), text);
        assertEquals(1, processes.size(), text);
        assertEquals(2, agreement.size(), "in-process and over processes:\n" + text);
        assertTrue(accuracy.get(0) > 85, "private accuracy " + accuracy);
        agreement.forEach(a -> assertTrue(a >= 99.5, "agreement " + agreement + "\n" + text));
        assertTrue(text.contains("runtime: party processes"), "%parties after %launch local:\n" + text);
        assertTrue(text.contains("back to in-process threads"), text);
        assertFalse(text.contains("java.io.PrintStream@"), "a cell shows printf's result:\n" + text);
        expectRichOutputs(out, "image/svg+xml", "image/png");
    }

    @Test
    @Timeout(value = 16, unit = TimeUnit.MINUTES)
    void protocols() throws Exception {
        NotebookOutputs out = execute("protocols");
        String text = out.text();
        assertTrue(text.contains("bob learns x * y"), text);
        assertTrue(text.contains("pond       matmul") && text.contains("securenn   matmul"), text);
        assertTrue(text.contains("relu(x) revealed to bob"), text);
        assertTrue(text.contains("private dot product: 6.5000 (plaintext: 6.5000)"), text);
        assertFalse(text.contains("java.io.PrintStream@"), "a cell shows printf's result:\n" + text);
    }

    @Test
    @Timeout(value = 16, unit = TimeUnit.MINUTES)
    void profiling() throws Exception {
        NotebookOutputs out = execute("profiling");
        String text = out.text();
        assertTrue(text.contains("private prediction of 100 digits"), text);
        assertTrue(text.contains("op kind") && text.contains("server0"), text);
        assertTrue(text.contains("trace written"), text);
        expectRichOutputs(out, "image/svg+xml", "image/png");
    }

    /** Asserts that the notebook shows these MIME types (the library's renderers at work). */
    private static void expectRichOutputs(NotebookOutputs out, String... mimes) {
        for (String mime : mimes) {
            assertTrue(out.hasMime(mime), "no " + mime + " output");
        }
    }

    /** Runs a notebook and returns its outputs, after checking it raised no error. */
    private static NotebookOutputs execute(String name) throws Exception {
        Path source = notebooks().resolve(name + ".ipynb");
        Path target = tmp.resolve(name + ".out.ipynb");
        Path runtime = tmp.resolve("runtime-" + name);
        Path log = tmp.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(JupyterProcesses.PYTHON, python().resolve("run_notebook.py").toString(), KERNEL_NAME,
                source.toString(), target.toString(), Integer.toString(CELL_TIMEOUT_SECONDS))
                .directory(notebooks().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = pb.environment();
        env.put("JUPYTER_PATH", tmp.resolve("prefix/share/jupyter").toString());
        env.put("JUPYTER_DATA_DIR", tmp.resolve("data").toString());
        env.put("JUPYTER_CONFIG_DIR", tmp.resolve("config").toString());
        env.put("JUPYTER_RUNTIME_DIR", runtime.toString());
        env.put("JupyterProcesses.PYTHONDONTWRITEBYTECODE", "1");
        env.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        long start = System.nanoTime();
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
            JupyterProcesses.kernelsOf(runtime).forEach(k -> {
                k.descendants().forEach(ProcessHandle::destroyForcibly);
                k.destroyForcibly();
            });
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        String keep = System.getProperty("tfe.notebooks.out");
        if (keep != null && Files.exists(target)) {
            Files.createDirectories(Path.of(keep));
            Files.copy(target, Path.of(keep, name + ".ipynb"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        System.out.printf("notebook %s: %.1f s%n", name, (System.nanoTime() - start) / 1e9);
        assertTrue(finished, name + " did not finish in " + RUN_TIMEOUT_MINUTES + " minutes:\n" + output);
        assertEquals(0, python.exitValue(), output);
        NotebookOutputs out = new NotebookOutputs(Files.readString(target, StandardCharsets.UTF_8));
        assertTrue(out.errors().isEmpty(), name + ": " + out.errors() + "\n" + out.text());
        assertFalse(out.text().isEmpty(), name + " printed nothing");
        return out;
    }

    private static Path module() {
        String basedir = System.getProperty("basedir");
        return basedir != null ? Path.of(basedir) : Path.of("").toAbsolutePath();
    }

    private static Path notebooks() {
        return module();
    }

    private static Path python() {
        return module().resolve("src/test/python");
    }
}
