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
 * // or, to compare with a baseline under the same machine load:
 * List<Measurement> ms = h.measureInterleaved(List.of(
 *     new BenchHarness.Timed("plain", 5, 20, plain), new BenchHarness.Timed("pond", 5, 20, pond)), 5);
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

  /** A body to time: {@code warmups} untimed runs, then {@code reps} timed ones. */
  public record Timed(String name, int warmups, int reps, Runnable body) {
    public Timed {
      if (warmups < 0 || reps < 1) {
        throw new IllegalArgumentException("measure " + name + ": need warmups >= 0 and reps >= 1, got " + warmups + ", " + reps);
      }
    }
  }

  /**
   * Runs {@code body} {@code warmups} times untimed, then {@code reps} times timed.
   *
   * @throws IllegalArgumentException if {@code warmups < 0} or {@code reps < 1}
   */
  public Measurement measure(String name, int warmups, int reps, Runnable body) {
    return measureInterleaved(List.of(new Timed(name, warmups, reps, body)), 1).get(0);
  }

  /**
   * Times several bodies that are to be compared, interleaved: after all warm-ups, the timed
   * repetitions run in {@code rounds} rounds, each round running a share of every body's
   * repetitions in turn. A change in machine load (other processes, frequency scaling) then
   * falls on all of them alike instead of on whichever ran at the wrong moment.
   *
   * @return one measurement per body, in order
   */
  public List<Measurement> measureInterleaved(List<Timed> bodies, int rounds) {
    if (rounds < 1) {
      throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
    }
    if (progress != null && bodies.size() > 1) {
      progress.printf("  timing %d bodies interleaved in %d rounds...%n", bodies.size(), rounds);
    }
    for (Timed t : bodies) {
      for (int i = 0; i < t.warmups(); i++) {
        t.body().run();
      }
    }
    System.gc();
    List<double[]> times = new ArrayList<>();
    for (Timed t : bodies) {
      times.add(new double[t.reps()]);
    }
    int[] done = new int[bodies.size()];
    for (int round = 1; round <= rounds; round++) {
      for (int b = 0; b < bodies.size(); b++) {
        Timed t = bodies.get(b);
        int upTo = (int) ((long) t.reps() * round / rounds);
        for (; done[b] < upTo; done[b]++) {
          long t0 = System.nanoTime();
          t.body().run();
          times.get(b)[done[b]] = (System.nanoTime() - t0) / 1e6;
        }
      }
    }
    List<Measurement> out = new ArrayList<>();
    for (int b = 0; b < bodies.size(); b++) {
      Timed t = bodies.get(b);
      Measurement m = Measurement.of(t.warmups(), times.get(b));
      out.add(m);
      if (progress != null) {
        progress.printf("  %-44s %4d warm-ups, %4d reps: median %s ms%n", t.name(), t.warmups(), t.reps(), BenchReport.ms(m.medianMs()));
      }
    }
    return out;
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
