package dev.tfe.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The networks benchmark's warm-up stops once latency no longer improves, and not before. */
@Timeout(60)
class WarmUpTest {
  @Test
  void steadyLatencyIsWarmAfterTwoWindows() {
    AtomicInteger runs = new AtomicInteger();
    int made = NetworksBenchmark.warmUp(() -> {
      runs.incrementAndGet();
      return 5.0;
    }, 0);
    assertEquals(16, made, "two windows of 8 runs compared");
    assertEquals(made, runs.get());
  }

  @Test
  void improvingLatencyKeepsWarmingUntilItSettles() {
    AtomicInteger runs = new AtomicInteger();
    // halves every 8 runs for 40 runs (a JIT at work), then flat at 1 ms
    int made = NetworksBenchmark.warmUp(() -> {
      int i = runs.getAndIncrement();
      return i < 40 ? 64.0 / (1 << (i / 8)) : 1.0;
    }, 0);
    assertTrue(made >= 48, "still improving by half per window before run 40; made " + made);
    assertTrue(made <= 64, "flat after run 40, so warm within two more windows; made " + made);
  }

  @Test
  void aMinimumTimeIsHonouredEvenWhenLatencyIsFlat() {
    long t0 = System.nanoTime();
    NetworksBenchmark.warmUp(() -> {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return 10.0;
    }, 0.5);
    assertTrue((System.nanoTime() - t0) / 1e9 >= 0.5, "warmed for at least the minimum time");
  }
}
