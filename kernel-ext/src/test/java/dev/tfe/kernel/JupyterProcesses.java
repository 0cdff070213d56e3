package dev.tfe.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What the tests that drive this kernel from Debian's Python share: whether that Python can
 * import the Jupyter modules a test needs, and which kernel processes a test run left behind.
 * Also used by the notebooks module (through kernel-ext's test jar).
 */
public final class JupyterProcesses {
  /** Debian's Python, which sees Debian's Jupyter packages; {@code -Dtfe.python} overrides it. */
  public static final String PYTHON = System.getProperty("tfe.python", "/usr/bin/python3");

  private JupyterProcesses() {}

  /** Whether {@link #PYTHON} exists and imports all {@code modules} within a minute. */
  public static boolean canImport(String... modules) throws InterruptedException {
    if (!Files.isExecutable(Path.of(PYTHON))) {
      return false;
    }
    try {
      Process p = new ProcessBuilder(PYTHON, "-c", "import " + String.join(", ", modules))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Kernels started by one test run (their connection files live in its runtime directory),
   * after waiting up to 20 s for them to exit; empty when none is left.
   */
  public static List<ProcessHandle> kernelsOf(Path runtime) throws InterruptedException {
    String dir = runtime.toString();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    List<ProcessHandle> found;
    do {
      found = ProcessHandle.allProcesses()
          .filter(p -> p.info().arguments().map(args -> Arrays.stream(args).anyMatch(a -> a.startsWith(dir)))
              .orElse(false))
          .collect(Collectors.toList());
      if (!found.isEmpty()) {
        Thread.sleep(500);
      }
    } while (!found.isEmpty() && System.nanoTime() < deadline);
    return found;
  }
}
