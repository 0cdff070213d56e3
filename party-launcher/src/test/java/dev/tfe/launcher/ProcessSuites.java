package dev.tfe.launcher;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.api.Tfe;
import dev.tfe.testing.TestTfe;
import java.io.IOException;
import java.nio.file.Files;

/**
 * Runs a core test suite, unchanged, over party processes: one shared local cluster, and every
 * {@code Tfe} the suite makes through {@link TestTfe} a fresh session on it.
 */
final class ProcessSuites {
  private ProcessSuites() {}

  /** Starts the cluster and points {@link TestTfe} at it. */
  static Cluster start() {
    Cluster cluster = Cluster.launchLocal();
    TestTfe.use(() -> {
      Tfe tfe = Tfe.local();
      tfe.useRuntime(cluster.newRuntime());
      return tfe;
    });
    return cluster;
  }

  /**
   * Restores {@link TestTfe}, checks from {@code party}'s log that its process ran at least
   * {@code minRuns} runs, stops the cluster and checks that no process is left.
   */
  static void stop(Cluster cluster, String party, int minRuns) throws IOException {
    TestTfe.reset();
    long runs = Files.readAllLines(cluster.logs().get(party)).stream()
        .filter(l -> l.contains("] run ") && l.contains(" done in ")).count();
    cluster.close();
    Processes.assertNoneLeft();
    assertTrue(runs >= minRuns, party + "'s process ran the suite's programs: " + runs + " runs");
  }
}
