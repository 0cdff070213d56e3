package dev.tfe.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.kernel.JupyterProcesses;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.tfe.json.Json;
import dev.tfe.kernel.JupyterProcesses;

/**
 * The tfe-java kernel as a user installs it, {@code ./tfe kernel install --prefix DIR}, and
 * notebooks executed through that kernelspec with nbclient (Debian's {@code /usr/bin/python3},
 * {@code src/test/python/run_notebook.py}), as {@code jupyter nbconvert --execute} does. The
 * kernel's name is read from the installed kernelspec; no kernel process outlives a run.
 */
final class InstalledKernel {
    private static final long INSTALL_TIMEOUT_SECONDS = 180;
    private final Path prefix;
    private final String name;
    private final Path kernelJson;

    private InstalledKernel(Path prefix, String name, Path kernelJson) {
        this.prefix = prefix;
        this.name = name;
        this.kernelJson = kernelJson;
    }

    /**
     * For a test class's {@code @BeforeAll}: skips the class when Debian's nbclient and nbformat are
     * missing, else installs the kernel into {@code prefix} as {@link #install} does.
     */
    static InstalledKernel installOrSkip(Path prefix) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(JupyterProcesses.canImport("nbclient", "nbformat"),
                JupyterProcesses.PYTHON + " cannot import nbclient and nbformat"
                        + " (Debian: apt-get install python3-nbclient python3-nbformat)");
        return install(prefix);
    }

    /** Installs the kernel into {@code prefix} through the tfe script and checks it landed there. */
    static InstalledKernel install(Path prefix) throws Exception {
        TfeScript.Result r = TfeScript.run(TfeScript.root(), INSTALL_TIMEOUT_SECONDS,
                "kernel", "install", "--prefix", prefix.toString());
        assertEquals(0, r.exitCode(), "./tfe kernel install --prefix " + prefix + "\n" + r.describe());
        Path kernels = prefix.resolve("share/jupyter/kernels");
        List<Path> specs;
        try (Stream<Path> dirs = Files.list(kernels)) {
            specs = dirs.filter(d -> Files.exists(d.resolve("kernel.json"))).toList();
        }
        assertEquals(1, specs.size(), "one kernelspec in " + kernels + ": " + specs);
        Path dir = specs.get(0);
        return new InstalledKernel(prefix, dir.getFileName().toString(), dir.resolve("kernel.json"));
    }

    /** The kernelspec's name, as Jupyter knows it. */
    String name() {
        return name;
    }

    /** The installed kernel.json, parsed. */
    @SuppressWarnings("unchecked")
    Map<String, Object> kernelJson() throws Exception {
        return (Map<String, Object>) Json.parse(Files.readString(kernelJson, StandardCharsets.UTF_8));
    }

    /**
     * Executes a notebook through this kernelspec and returns its outputs, after checking that
     * the run finished; the executed copy is {@code target}.
     *
     * @param source      the notebook
     * @param target      where the executed notebook goes
     * @param workDir     the kernel's working directory
     * @param cellTimeout seconds per cell
     * @param runTimeout  minutes for the whole notebook
     */
    NotebookOutputs execute(Path source, Path target, Path workDir, int cellTimeout, long runTimeout) throws Exception {
        Path scratch = Files.createTempDirectory(target.getParent(), "jupyter");
        Path runtime = scratch.resolve("runtime");
        Path log = scratch.resolve("run.log");
        Path script = TfeScript.root().resolve("notebooks/src/test/python/run_notebook.py");
        ProcessBuilder pb = new ProcessBuilder(JupyterProcesses.PYTHON, script.toString(), name, source.toString(),
                target.toString(), Integer.toString(cellTimeout))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = pb.environment();
        env.put("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
        env.put("JUPYTER_DATA_DIR", scratch.resolve("data").toString());
        env.put("JUPYTER_CONFIG_DIR", scratch.resolve("config").toString());
        env.put("JUPYTER_RUNTIME_DIR", runtime.toString());
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        env.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        Process python = pb.start();
        boolean finished = false;
        try {
            finished = python.waitFor(runTimeout, TimeUnit.MINUTES);
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
        assertTrue(finished, source.getFileName() + " did not finish in " + runTimeout + " minutes:\n" + output);
        assertEquals(0, python.exitValue(), output);
        return new NotebookOutputs(Files.readString(target, StandardCharsets.UTF_8));
    }

    /**
     * A notebook (nbformat 4.5) of code cells for this kernel, as JSON.
     *
     * @param kernelName the kernelspec's name
     * @param cells      each cell's code
     */
    static String notebookJson(String kernelName, List<String> cells) {
        List<Map<String, Object>> list = new java.util.ArrayList<>();
        for (String code : cells) {
            Map<String, Object> cell = new java.util.LinkedHashMap<>();
            cell.put("cell_type", "code");
            cell.put("execution_count", null);
            cell.put("id", "cell-" + (list.size() + 1));
            cell.put("metadata", Map.of());
            cell.put("outputs", List.of());
            cell.put("source", code);
            list.add(cell);
        }
        Map<String, Object> nb = new java.util.LinkedHashMap<>();
        nb.put("cells", list);
        nb.put("metadata", Map.of("kernelspec", Map.of("name", kernelName, "display_name", kernelName, "language", "java")));
        nb.put("nbformat", 4);
        nb.put("nbformat_minor", 5);
        return new com.google.gson.GsonBuilder().serializeNulls().setPrettyPrinting().create().toJson(nb);
    }
}
