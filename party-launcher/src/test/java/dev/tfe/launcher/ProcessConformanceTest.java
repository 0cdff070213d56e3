package dev.tfe.launcher;

import dev.tfe.api.Tfe;
import dev.tfe.protocol.ConformanceTest;
import dev.tfe.testing.TestTfe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * The core's conformance suite, unchanged, over party processes: every program of the suite
 * runs on one JVM per server talking over ZeroMQ, each test case in a fresh session of one
 * shared cluster. Skipped by {@code -DexcludedGroups=processes}.
 */
@Tag("processes")
class ProcessConformanceTest extends ConformanceTest {
  private static Cluster cluster;

  @BeforeAll
  static void startParties() {
    cluster = Cluster.launchLocal();
    TestTfe.use(() -> {
      Tfe tfe = Tfe.local();
      tfe.useRuntime(cluster.newRuntime());
      return tfe;
    });
  }

  @AfterAll
  static void stopParties() throws java.io.IOException {
    TestTfe.reset();
    long runs = java.nio.file.Files.readAllLines(cluster.logs().get("server0")).stream()
        .filter(l -> l.contains("] run ") && l.contains(" done in ")).count();
    cluster.close();
    Processes.assertNoneLeft();
    org.junit.jupiter.api.Assertions.assertTrue(runs >= 36, "server0's process ran the suite's programs: " + runs + " runs");
  }
}
