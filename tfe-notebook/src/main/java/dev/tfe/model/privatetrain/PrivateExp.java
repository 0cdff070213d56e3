package dev.tfe.model.privatetrain;

import dev.tfe.fixedpoint.FixedPointConfig;
import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.Tensor;

/**
 * The exponential of non-positive inputs by the limit {@code e^d = lim (1 + d/n)^n}, as in
 * CrypTen's {@code exp} (Knott et al., NeurIPS 2021, section 4): one truncation by the public
 * {@code 1/n} and {@code log2 n} squarings. Inputs are first clipped to {@code [-L, 0]}
 * ({@code L = 16}) with an exact comparison, so every input, however large, gets a bounded
 * answer: above 0 it is treated as 0 (the softmax subtracts the maximum first, so its inputs never
 * are), below {@code -L} as {@code -L} ({@code e^-16 < 1.2e-7}).
 *
 * <p>Error over all inputs at most {@link #errorBound}: the limit's own error
 * {@code max over [-L, 0] of e^d - (1 + d/n)^n} (found on a grid of step 1e-4; about
 * {@code 0.27/n}), plus {@code e^-L} for the clipping, plus the fixed-point rounding: one unit
 * ({@code 2^-f}) for {@code d/n}, doubled by each squaring of a value in {@code [0, 1]} plus one
 * unit for its truncation, so at most {@code (2n - 1) 2^-f}. {@code n} is the power of two that
 * minimises the sum: 256 at 20 fractional bits (bound 1.6e-3), 128 at 16 (6.0e-3).
 */
final class PrivateExp {
  /** Inputs below {@code -CLIP} count as {@code -CLIP}. */
  static final double CLIP = 16;

  private final int n;
  private final int squarings;
  private final double bound;

  PrivateExp(FixedPointConfig config) {
    if (config.fractionalBits() < 12 || config.maxValue() < CLIP) {
      throw new IllegalArgumentException("the private exponential needs at least 12 fractional bits and values up to "
          + CLIP + ", got " + config + "; use FixedPointConfig.of(20, 11) for private training");
    }
    double best = Double.MAX_VALUE;
    int bestN = 0;
    for (int k = 4; k <= 12; k++) {
      int cand = 1 << k;
      double e = limitError(cand) + Math.exp(-CLIP) + (2.0 * cand - 1) * config.resolution();
      if (cand >= CLIP && e < best) {
        best = e;
        bestN = cand;
      }
    }
    this.n = bestN;
    this.squarings = Integer.numberOfTrailingZeros(bestN);
    this.bound = best;
  }

  /** The largest error of {@link #apply} over every input. */
  double errorBound() {
    return bound;
  }

  /** The {@code n} of {@code (1 + d/n)^n}. */
  int steps() {
    return n;
  }

  /** {@code max over d in [-CLIP, 0] of e^d - (1 + d/n)^n}, on a grid, with the grid's slack (slope at most 1, step 1e-4). */
  static double limitError(int n) {
    double worst = 0;
    for (int i = 0; i <= CLIP * 10_000; i++) {
      double d = -i / 10_000.0;
      worst = Math.max(worst, Math.abs(Math.exp(d) - Math.pow(1 + d / n, n)));
    }
    return worst + 1e-4;
  }

  /** {@code e^min(0, max(x, -CLIP))}, elementwise. */
  Tensor apply(Protocol p, Tensor x) {
    int[] shape = x.shape();
    Tensor d = p.maximum(x, Constants.fill(p, -CLIP, shape));
    return limit(p, p.select(p.less(d, Constants.fill(p, 0, shape)), d, Constants.fill(p, 0, shape)));
  }

  /**
   * {@code e^max(x, -CLIP)} for inputs the caller knows to be at most 0 exactly (as the softmax's
   * {@code z - max z}, computed with exact comparisons): one comparison fewer than {@link #apply},
   * same bound. A positive input would not be clipped, so this is package-private.
   */
  Tensor applyNonPositive(Protocol p, Tensor x) {
    return limit(p, p.maximum(x, Constants.fill(p, -CLIP, x.shape())));
  }

  /** {@code (1 + d/n)^n} for {@code d} in {@code [-CLIP, 0]}. */
  private Tensor limit(Protocol p, Tensor d) {
    int[] shape = d.shape();
    Tensor a = p.add(Constants.scale(p, d, 1.0 / n), Constants.fill(p, 1, shape));
    for (int i = 0; i < squarings; i++) {
      a = p.square(a);
    }
    return a;
  }
}
