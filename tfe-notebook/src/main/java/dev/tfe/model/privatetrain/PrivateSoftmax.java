package dev.tfe.model.privatetrain;

import dev.tfe.fixedpoint.FixedPointConfig;
import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.Tensor;

/**
 * Softmax over the last axis of private logits {@code [N, K]}, written over the protocol's exact
 * comparisons: subtract each row's maximum ({@code reduceMax}, exact, so every input of the
 * exponential is at most 0 and one of them is 0), exponentiate ({@link PrivateExp}, clipped only
 * below: the inputs are at most 0 exactly), sum the row
 * ({@code S} in {@code [1 - K eps, K]}, so the reciprocal's range is guaranteed by construction),
 * take {@code 1/S} ({@link PrivateReciprocal}) and multiply.
 *
 * <p>Error bound for every input ({@link #errorBound}): with {@code e_k = E_k + a_k},
 * {@code |a_k| <= eps} the exponential's bound, and {@code S = T + b}, {@code |b| <= K eps},
 * {@code T >= 1}: {@code |e_k/S - E_k/T| <= (1 + K) eps / (1 - K eps)}, plus the reciprocal's
 * bound and three units of {@code 2^-f} for the broadcast and the final product. At 20 fractional
 * bits and 10 classes: about 1.8e-2 in the worst case (the errors of the exponentials all have
 * the same sign and largely cancel: the agreement test measures 1e-3). Refuses configurations
 * where {@code K eps >= 1/2}.
 */
final class PrivateSoftmax {
  private final int classes;
  private final PrivateExp exp;
  private final PrivateReciprocal reciprocal;
  private final double bound;

  PrivateSoftmax(FixedPointConfig config, int classes) {
    if (classes < 2) {
      throw new IllegalArgumentException("softmax needs at least 2 classes, got " + classes);
    }
    this.classes = classes;
    this.exp = new PrivateExp(config);
    double eps = exp.errorBound();
    if (classes * eps >= 0.5) {
      throw new IllegalArgumentException("softmax over " + classes + " classes at " + config + " would be too coarse ("
          + classes + " x " + eps + " >= 0.5); use more fractional bits, e.g. FixedPointConfig.of(20, 11)");
    }
    this.reciprocal = new PrivateReciprocal(config, 1 - classes * eps, classes);
    this.bound = (1 + classes) * eps / (1 - classes * eps) + reciprocal.errorBound() + 3 * config.resolution();
  }

  /** The largest difference from the exact softmax, for every input. */
  double errorBound() {
    return bound;
  }

  Tensor apply(Protocol p, Tensor z) {
    int[] shape = z.shape();
    if (shape.length != 2 || shape[1] != classes) {
      throw new IllegalArgumentException("softmax expects [N, " + classes + "], got " + java.util.Arrays.toString(shape));
    }
    int n = shape[0];
    Tensor max = p.reduceMax(z, 1);
    Tensor shifted = p.transpose(p.add(p.transpose(z, 1, 0), p.neg(max)), 1, 0);
    Tensor e = exp.applyNonPositive(p, shifted);
    Tensor sum = p.reduceSum(e, 1);
    Tensor inv = reciprocal.apply(p, sum);
    Tensor spread = p.matmul(p.reshape(inv, n, 1), Constants.fill(p, 1, 1, classes));
    return p.mul(e, spread);
  }
}
