package dev.tfe.launcher.netns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code ip} and {@code tc} with a bounded wait; a failure says which command and why. */
final class Shell {
  private static final long TIMEOUT_SECONDS = 20;

  private Shell() {}

  /** Runs {@code cmd}; returns its standard output, or throws with its error output. */
  static String run(List<String> cmd) {
    Result r = tryRun(cmd);
    if (r.code != 0) {
      throw new IllegalStateException("'" + String.join(" ", cmd) + "' failed (exit " + r.code + "): " + r.output.strip());
    }
    return r.output;
  }

  /** Runs {@code cmd} and returns its exit code and output (standard error included). */
  static Result tryRun(List<String> cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getOutputStream().close();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(124, "timed out after " + TIMEOUT_SECONDS + " s");
      }
      return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new Result(127, "cannot run " + cmd.get(0) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted while running " + cmd));
    }
  }

  record Result(int code, String output) {}
}
