package dev.tfe.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tfe.launcher.net.RoundTrace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A round of known hand-off times, written as two processes' {@link RoundTrace} files, splits into
 * exactly those parts, and the parts add up to the round.
 */
class RoundSplitTest {
  @Test
  void oneRoundSplitsIntoItsHandOffs(@TempDir Path dir) {
    RoundTrace s0 = new RoundTrace("server0", dir);
    RoundTrace s1 = new RoundTrace("server1", dir);
    // run 2, server0 computes step 1 until t=1000 ns, then sends its batch to server1
    s0.record("compute", 2, 1, "server0", "server0", 0, 1_000, 0);
    s0.record("encode", 2, 1, "server0", "server1", 2_000, 5_000, 0);
    s0.record("write", 2, 1, "server0", "server1", 5_000, 6_000, 9_000);
    s1.record("arrive", 2, 1, "server0", "server1", 59_000, 1, 0);
    // server1 waited from 40000 (before the arrival), had it at 70000, decoded it by 74000, computed step 2
    s1.record("recv", 2, 1, "server0", "server1", 40_000, 70_000, 74_000);
    s1.record("compute", 2, 2, "server1", "server1", 76_000, 80_000, 0);
    // run 1 (warm-up) is left out
    s1.record("compute", 1, 2, "server1", "server1", 0, 1, 0);
    s0.flush();
    s1.flush();
    assertEquals(2, RoundSplit.lastRun(dir));
    RoundSplit split = RoundSplit.read(dir, 1);
    assertEquals(1, split.rounds());
    @SuppressWarnings("unchecked")
    Map<String, Double> parts = (Map<String, Double>) split.toJson().get("parts_us_median");
    assertEquals(3.0, parts.get("encode"), 1e-9);
    assertEquals(4.0, parts.get("send"), 1e-9);
    assertEquals(50.0, parts.get("wire"), 1e-9);
    assertEquals(0.0, parts.get("receiver_busy"), 1e-9);
    assertEquals(11.0, parts.get("wake_up"), 1e-9);
    assertEquals(4.0, parts.get("decode"), 1e-9);
    assertEquals(4.0, parts.get("compute"), 1e-9);
    double sum = parts.values().stream().mapToDouble(Double::doubleValue).sum();
    assertEquals(79.0, (Double) split.toJson().get("round_us_median"), 1e-9);
    assertEquals(79.0, sum, 1e-9);
    assertEquals(3.0, parts.get("scheduling"), 1e-9); // 1000 to 2000, 74000 to 76000
    assertEquals(1, Files.exists(dir.resolve("server0.trace")) ? 1 : 0);
  }
}
