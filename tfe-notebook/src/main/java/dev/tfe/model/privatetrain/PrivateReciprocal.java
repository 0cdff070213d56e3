package dev.tfe.model.privatetrain;

import dev.tfe.fixedpoint.FixedPointConfig;
import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.Tensor;

/**
 * {@code 1/s} for {@code s} known to lie in {@code [lo, hi]} (with {@code lo > 0}) by
 * Newton-Raphson, {@code y <- y (2 - s y)}, from the constant {@code y0 = 2/(lo + hi)}, so that
 * the relative error {@code e = 1 - s y} starts at most {@code (hi - lo)/(hi + lo)} and squares
 * each iteration (as CrypTen's {@code reciprocal}, Knott et al., NeurIPS 2021, with a start that
 * needs no exponential). Two products per iteration.
 *
 * <p>The range cannot be checked on a private input; the caller must guarantee it (the softmax
 * does: its denominator is a sum of {@code K} exponentials one of which is {@code e^0}, so it lies
 * in {@code [1 - K eps, K]}). Within the range the error is at most {@link #errorBound}:
 * {@code e0^(2^i)/s} for {@code i} iterations plus two units of {@code 2^-f} of rounding per
 * iteration (Newton's step corrects earlier rounding, so it does not accumulate), at most
 * {@code 2^-f / lo + 4 2^-f}. Outside the range it diverges, which is why this class is
 * package-private.
 */
final class PrivateReciprocal {
  private final double lo;
  private final double hi;
  private final int iterations;
  private final double bound;

  PrivateReciprocal(FixedPointConfig config, double lo, double hi) {
    if (!(lo > 0 && hi >= lo && hi < config.maxValue() / 2 && 1 / lo < config.maxValue() / 2)) {
      throw new IllegalArgumentException("reciprocal: the range [" + lo + ", " + hi + "] must be positive and its values and "
          + "reciprocals within half the fixed-point range (" + config.maxValue() + ")");
    }
    this.lo = lo;
    this.hi = hi;
    double e0 = (hi - lo) / (hi + lo);
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
    Tensor y = Constants.fill(p, 2 / (lo + hi), shape);
    for (int i = 0; i < iterations; i++) {
      y = p.mul(y, p.sub(two, p.mul(s, y)));
    }
    return y;
  }
}
