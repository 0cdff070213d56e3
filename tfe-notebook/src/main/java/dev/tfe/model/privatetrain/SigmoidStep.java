package dev.tfe.model.privatetrain;

import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.Tensor;

/**
 * The logistic function on shares ({@link Protocol#sigmoid}: within {@code OddActivation}'s bound,
 * 3e-4 at 16 fractional bits, for every input) and its derivative {@code s (1 - s)}: backward
 * {@code dx = g s (1 - s)}, two products. Followed by binary cross-entropy, the loss fuses the two
 * into {@code s - y} instead (see {@link PrivateLoss}).
 */
final class SigmoidStep implements TrainableStep {
  private Tensor s;

  @Override
  public Tensor forward(Protocol p, Tensor x, boolean training) {
    s = p.sigmoid(x);
    return s;
  }

  /** The output of the last forward pass. */
  Tensor output() {
    return s;
  }

  @Override
  public Tensor backward(Protocol p, Tensor g, boolean needInput) {
    Tensor slope = p.mul(s, p.sub(Constants.fill(p, 1, s.shape()), s));
    return p.mul(g, slope);
  }
}
