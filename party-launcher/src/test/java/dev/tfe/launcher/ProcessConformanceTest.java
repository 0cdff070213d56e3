package dev.tfe.launcher;

import dev.tfe.protocol.ConformanceTest;
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
    cluster = ProcessSuites.start();
  }

  @AfterAll
  static void stopParties() throws java.io.IOException {
    ProcessSuites.stop(cluster, "server0", 36);
  }
}
