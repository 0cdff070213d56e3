package dev.tfe.bench;

/**
 * Timing statistics of one benchmarked body: order statistics of the per-repetition wall times,
 * in milliseconds. Medians rather than means, since a shared machine produces long-tailed
 * outliers (garbage collection, other processes) that a mean would fold in.
 *
 * @param warmups untimed runs before measuring (JIT compilation, caches, native loading)
 * @param reps timed runs
 * @param medianMs median wall time of one run
 * @param minMs fastest run
 * @param p90Ms 90th percentile (nearest rank)
 * @param maxMs slowest run
 */
public record Measurement(int warmups, int reps, double medianMs, double minMs, double p90Ms, double maxMs) {
  /** Statistics of the given run times (milliseconds, in any order; the array is sorted in place). */
  public static Measurement of(int warmups, double[] timesMs) {
    if (timesMs.length == 0) {
      throw new IllegalArgumentException("a measurement needs at least one timed repetition");
    }
    java.util.Arrays.sort(timesMs);
    int n = timesMs.length;
    double median = n % 2 == 1 ? timesMs[n / 2] : (timesMs[n / 2 - 1] + timesMs[n / 2]) / 2;
    double p90 = timesMs[Math.min(n - 1, (int) Math.ceil(0.9 * n) - 1)];
    return new Measurement(warmups, n, median, timesMs[0], p90, timesMs[n - 1]);
  }
}
