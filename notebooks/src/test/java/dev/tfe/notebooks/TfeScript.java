package dev.tfe.notebooks;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the project's {@code ./tfe} script as a user does, from the built tree, on the Java that
 * runs the tests ({@code JAVA_HOME} set to it, so a test run on Temurin 25 installs a kernel for
 * Temurin 25). {@code TFE_NO_BUILD=1}: the script fails rather than start a Maven build inside
 * this one when the jars are stale.
 */
final class TfeScript {
    private TfeScript() {
    }

    /** What a run of the script printed and how it ended. */
    record Result(int exitCode, String stdout, String stderr) {
        String describe() {
            return "exit " + exitCode + "\n--- stdout:\n" + stdout + "\n--- stderr:\n" + stderr;
        }
    }

    /** The repository's root: the parent of this module. */
    static Path root() {
        String basedir = System.getProperty("basedir");
        Path module = basedir != null ? Path.of(basedir) : Path.of("").toAbsolutePath();
        return module.toAbsolutePath().getParent();
    }

    /**
     * Runs {@code ./tfe args...} in {@code dir} and waits for it, killing it after the timeout.
     *
     * @param dir     the working directory
     * @param timeout how long it may take, in seconds
     * @param args    the script's arguments
     * @return exit code and output
     */
    static Result run(Path dir, long timeout, String... args) throws IOException, InterruptedException {
        return run(dir, timeout, Map.of(), args);
    }

    /**
     * Runs {@code ./tfe args...} in {@code dir} with {@code env} added to its environment, as {@link
     * #run(Path, long, String...)} does.
     */
    static Result run(Path dir, long timeout, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(root().resolve("tfe").toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("tfe-script", ".out");
        Path err = Files.createTempFile("tfe-script", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
            pb.environment().put("TFE_NO_BUILD", "1");
            pb.environment().put("TFE_JAVA_OPTS", "-Xmx1g");
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(timeout, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("./tfe " + String.join(" ", args) + " did not finish in " + timeout + " s:\n"
                        + Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8));
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
