package dev.tfe.protocol;

import java.util.Arrays;

/**
 * Pearson's chi-square statistics that the privacy tests compare with loose bounds: a histogram
 * against the uniform distribution, and two histograms against each other (the same distribution
 * under two different inputs).
 */
public final class ChiSquare {
  private ChiSquare() {}

  /** Chi-square of histogram {@code h} against uniform ({@code h.length - 1} degrees of freedom). */
  public static double uniform(long[] h) {
    double e = Arrays.stream(h).sum() / (double) h.length;
    double c = 0;
    for (long x : h) {
      c += (x - e) * (x - e) / e;
    }
    return c;
  }

  /** Chi-square of two histograms over the same bins against one common distribution; empty bins skipped. */
  public static double twoSample(long[] a, long[] b) {
    double na = Arrays.stream(a).sum();
    double nb = Arrays.stream(b).sum();
    double c = 0;
    for (int i = 0; i < a.length; i++) {
      double tot = a[i] + b[i];
      if (tot == 0) {
        continue;
      }
      double ea = tot * na / (na + nb);
      double eb = tot * nb / (na + nb);
      c += (a[i] - ea) * (a[i] - ea) / ea + (b[i] - eb) * (b[i] - eb) / eb;
    }
    return c;
  }
}
