package dev.tfe.model.privatetrain;

import dev.tfe.fixedpoint.FixedPointConfig;
import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.Tensor;

/**
 * {@code 1/s} for {@code s} known to lie in {@code [lo, hi]} (with {@code lo > 0}) by
 * Newton-Raphson, {@code y <- y (2 - s y)}, so that the relative error {@code e = 1 - s y}
 * squares each iteration (as CrypTen's {@code reciprocal}, Knott et al., NeurIPS 2021). The start
 * is the minimax line {@code y0 = c1 (lo + hi - s)} with {@code c1 = 8 / (4 lo hi + (lo + hi)^2)}:
 * {@code 1 - s y0} is a parabola in {@code s}, equal to {@code e0 = 1 - c1 lo hi} at both ends and
 * to {@code -e0} at the middle, so {@code |e0|} is the smallest a line can reach (0.51 on the
 * softmax's {@code [0.98, 10]}, against 0.82 for the best constant: five iterations instead of
 * seven). It costs one product by a public constant. Two products per iteration.
 *
 * <p>The range cannot be checked on a private input; the caller must guarantee it (the softmax
 * does: its denominator is a sum of {@code K} exponentials one of which is {@code e^0}, so it lies
 * in {@code [1 - K eps, K]}). Within the range the error is at most {@link #errorBound}:
 * {@code e^(2^i)/s} for {@code i} iterations, where {@code e} is {@code e0} plus the start's
 * rounding ({@code hi} times 3 units of {@code 2^-f}: the constants' encodings and the
 * product's truncation), plus two units of {@code 2^-f} of rounding per iteration (Newton's step
 * corrects earlier rounding, so it does not accumulate). Outside the range it diverges, which is
 * why this class is package-private.
 */
final class PrivateReciprocal {
  private final double lo;
  private final double hi;
  private final double slope;
  private final int iterations;
  private final double bound;

  PrivateReciprocal(FixedPointConfig config, double lo, double hi) {
    if (!(lo > 0 && hi >= lo && hi < config.maxValue() / 2 && 1 / lo < config.maxValue() / 2)) {
      throw new IllegalArgumentException("reciprocal: the range [" + lo + ", " + hi + "] must be positive and its values and "
          + "reciprocals within half the fixed-point range (" + config.maxValue() + ")");
    }
    this.lo = lo;
    this.hi = hi;
    this.slope = 8 / (4 * lo * hi + (lo + hi) * (lo + hi));
    double e0 = 1 - slope * lo * hi + 3 * hi * config.resolution();
    int i = 0;
    double e = e0;
    while (e / lo > config.resolution()) {
      e = e * e;
      i++;
    }
    this.iterations = i;
    this.bound = e / lo + (2.0 * i + 2) * config.resolution();
  }

  double errorBound() {
    return bound;
  }

  int iterations() {
    return iterations;
  }

  /** {@code 1/s}, for {@code s} in {@code [lo, hi]} (not checked: see the class comment). */
  Tensor apply(Protocol p, Tensor s) {
    int[] shape = s.shape();
    Tensor two = Constants.fill(p, 2, shape);
    Tensor y = Constants.scale(p, p.sub(Constants.fill(p, lo + hi, shape), s), slope);
    for (int i = 0; i < iterations; i++) {
      y = p.mul(y, p.sub(two, p.mul(s, y)));
    }
    return y;
  }
}
