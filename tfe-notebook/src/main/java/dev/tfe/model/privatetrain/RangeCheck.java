package dev.tfe.model.privatetrain;

import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.Tensor;
import java.util.List;

/**
 * Overflow detection on shares: counts the elements of private tensors whose magnitude reaches
 * {@code bound}, by two exact comparisons per element ({@code [x - bound >= 0] + [-x - bound >= 0]}),
 * summed into one private count that is revealed to the model owner alone. A weight that has
 * wrapped around the ring reads as a huge number and is counted too, so training that went wrong
 * in fixed point is reported instead of continuing silently.
 */
final class RangeCheck {
  private RangeCheck() {}

  /** The number of elements of {@code tensors} with {@code |x| >= bound}, as a private tensor {@code [1]}. */
  static Tensor countAbove(Protocol p, List<Tensor> tensors, double bound) {
    Tensor total = null;
    for (Tensor t : tensors) {
      Tensor flat = p.reshape(t, 1, -1);
      Tensor b = Constants.fill(p, bound, flat.shape());
      Tensor over = p.add(p.drelu(p.sub(flat, b)), p.drelu(p.sub(p.neg(flat), b)));
      Tensor count = p.reduceSum(over, 1);
      total = total == null ? count : p.add(total, count);
    }
    return total;
  }
}
