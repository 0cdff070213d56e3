package dev.tfe.launcher;

import dev.tfe.api.Tfe;
import dev.tfe.protocol.ComparisonConformanceTest;
import dev.tfe.testing.TestTfe;
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
    long runs = java.nio.file.Files.readAllLines(cluster.logs().get("server2")).stream()
        .filter(l -> l.contains("] run ") && l.contains(" done in ")).count();
    cluster.close();
    Processes.assertNoneLeft();
    org.junit.jupiter.api.Assertions.assertTrue(runs >= 20, "the third server's process took part: " + runs + " runs");
  }
}
