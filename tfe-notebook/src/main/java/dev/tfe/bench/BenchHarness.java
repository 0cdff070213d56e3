package dev.tfe.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A small timing harness for benchmark programs: runs a body a number of untimed warm-up times,
 * then times each of a number of repetitions with {@link System#nanoTime()}, and reports order
 * statistics ({@link Measurement}). It also collects {@link BenchResult} rows for a
 * {@link BenchReport}.
 *
 * <p>Usage, for a new case:
 *
 * <pre>{@code
 * BenchHarness h = new BenchHarness(System.err);
 * Measurement m = h.measure("pond matmul 128x784", 5, 20, () -> BenchHarness.sink(runOnce()));
 * h.add("pond private matmul 128x784 * 784x128", "pond, in-process", false, m, Map.of("bytes", bytes));
 * }</pre>
 *
 * <p>Timed bodies should hand their result to {@link #sink} so that the JIT cannot discard the
 * work. This is a plain wall-clock harness, not JMH: good for milliseconds-scale bodies and for
 * comparing implementations run side by side in one JVM.
 */
public final class BenchHarness {
  private static volatile long sinkValue;
  private final PrintStream progress;
  private final List<BenchResult> results = new ArrayList<>();

  /** A harness that prints one progress line per measurement to {@code progress} (may be null). */
  public BenchHarness(PrintStream progress) {
    this.progress = progress;
  }

  /**
   * Runs {@code body} {@code warmups} times untimed, then {@code reps} times timed.
   *
   * @throws IllegalArgumentException if {@code warmups < 0} or {@code reps < 1}
   */
  public Measurement measure(String name, int warmups, int reps, Runnable body) {
    if (warmups < 0 || reps < 1) {
      throw new IllegalArgumentException("measure " + name + ": need warmups >= 0 and reps >= 1, got " + warmups + ", " + reps);
    }
    if (progress != null) {
      progress.printf("  %-44s %d warm-ups, %d reps ...", name, warmups, reps);
      progress.flush();
    }
    for (int i = 0; i < warmups; i++) {
      body.run();
    }
    System.gc();
    double[] times = new double[reps];
    for (int i = 0; i < reps; i++) {
      long t0 = System.nanoTime();
      body.run();
      times[i] = (System.nanoTime() - t0) / 1e6;
    }
    Measurement m = Measurement.of(warmups, times);
    if (progress != null) {
      progress.printf(" median %s ms%n", BenchReport.ms(m.medianMs()));
    }
    return m;
  }

  /** Adds a result row; see {@link BenchResult} for the meaning of group and baseline. */
  public BenchResult add(String group, String impl, boolean baseline, Measurement stats, Map<String, Object> params) {
    BenchResult r = new BenchResult(group, impl, baseline, stats, params);
    results.add(r);
    return r;
  }

  /** The rows added so far, in order. */
  public List<BenchResult> results() {
    return Collections.unmodifiableList(results);
  }

  /** Consumes a value so that the computation producing it cannot be removed as dead code. */
  public static void sink(long value) {
    sinkValue ^= value;
  }

  /** Consumes an array's first element and length (see {@link #sink(long)}). */
  public static void sink(long[] values) {
    sinkValue ^= values.length == 0 ? 0 : values[0] + values.length;
  }

  /** Consumes an object's identity hash (see {@link #sink(long)}). */
  public static void sink(Object value) {
    sinkValue ^= System.identityHashCode(value);
  }
}
