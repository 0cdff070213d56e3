package dev.tfe.model.privatetrain;

import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.Tensor;

/**
 * ReLU on shares, keeping its derivative: forward {@code b = DReLU(x)} (one comparison) and
 * {@code y = select(b, x, 0) = x b} (SecureNN's Algorithm 7 split in two, Wagh, Gupta and
 * Chandran, PoPETs 2019); backward {@code dx = select(b, g, 0)}, one exact product with the same
 * bits, no new comparison. Both are exact (no truncation). DReLU(0) = 1, so at exactly zero the
 * gradient passes, where the plaintext twin blocks it; inputs are exactly 0 only by chance.
 */
final class ReluStep implements TrainableStep {
  private Tensor bits;

  @Override
  public Tensor forward(Protocol p, Tensor x, boolean training) {
    if (!training) {
      return p.relu(x);
    }
    bits = p.drelu(x);
    return p.select(bits, x, Constants.fill(p, 0, x.shape()));
  }

  @Override
  public Tensor backward(Protocol p, Tensor g, boolean needInput) {
    return p.select(bits, g, Constants.fill(p, 0, g.shape()));
  }
}
