package dev.tfe.kernel.install;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs Jupyter's and Python's command-line tools, if they are installed. Prefers Debian's
 * {@code /usr/bin/jupyter} and {@code /usr/bin/python3} over whatever is first on the PATH
 * (on developer machines that may be a pyenv shim that cannot see Debian's packages).
 */
public final class JupyterTool {
    private static final long PROBE_TIMEOUT_SECONDS = 30;

    private JupyterTool() {
    }

    /**
     * A working {@code jupyter} command with the {@code kernelspec} subcommand.
     *
     * @return its path, or empty if there is none
     */
    public static Optional<String> find() {
        for (String candidate : candidates("jupyter")) {
            if (run(List.of(candidate, "kernelspec", "--version"), PROBE_TIMEOUT_SECONDS).isPresent()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Python's {@code sys.prefix}, where {@code --sys-prefix} installs go.
     *
     * @return the prefix, {@code /usr} if no Python answers
     */
    public static String pythonSysPrefix() {
        for (String python : candidates("python3")) {
            Optional<String> out = run(List.of(python, "-c", "import sys; print(sys.prefix)"), PROBE_TIMEOUT_SECONDS);
            if (out.isPresent() && !out.get().isBlank()) {
                return out.get().strip();
            }
        }
        return "/usr";
    }

    /**
     * Runs a command and returns its output (standard output and error together) if it exits 0
     * in time; a command still running at the timeout is killed.
     *
     * @param command        the command and its arguments
     * @param timeoutSeconds how long to wait
     * @return the output, or empty if the command is missing, fails or times out
     */
    public static Optional<String> run(List<String> command, long timeoutSeconds) {
        Path log = null;
        Process process = null;
        try {
            log = Files.createTempFile("tfe-jupyter-tool", ".log");
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                return Optional.empty();
            }
            return process.exitValue() == 0 ? Optional.of(Files.readString(log, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (process != null && process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException e) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    private static List<String> candidates(String tool) {
        List<String> out = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        List<String> dirs = new ArrayList<>(List.of("/usr/bin"));
        dirs.addAll(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        for (String dir : dirs) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, tool);
            try {
                if (Files.isExecutable(p) && seen.add(p.toRealPath())) {
                    out.add(p.toString());
                }
            } catch (IOException e) {
                // a broken link is no candidate
            }
        }
        return out;
    }
}
