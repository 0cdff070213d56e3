package dev.tfe.launcher;

import dev.tfe.protocol.ComparisonConformanceTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * The core's comparison suite (SecureNN's DReLU, ReLU, maximum, argmax, max pooling against the
 * plaintext oracle, exactly), unchanged, over party processes: SecureNN's kernels and their
 * attributes travel in the plans like every other op. Skipped by {@code -DexcludedGroups=processes}.
 */
@Tag("processes")
class ProcessComparisonConformanceTest extends ComparisonConformanceTest {
  private static Cluster cluster;

  @BeforeAll
  static void startParties() {
    cluster = ProcessSuites.start();
  }

  @AfterAll
  static void stopParties() throws java.io.IOException {
    ProcessSuites.stop(cluster, "server2", 20);
  }
}
