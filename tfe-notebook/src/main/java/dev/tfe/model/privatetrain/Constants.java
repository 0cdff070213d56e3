package dev.tfe.model.privatetrain;

import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.Tensor;
import dev.tfe.ring.RingTensor;
import dev.tfe.ring.Shapes;
import java.util.Arrays;

/** Public constants of a given shape, encoded at the protocol's fixed-point scale. */
final class Constants {
  private Constants() {}

  /** Every element {@code value}. */
  static Tensor fill(Protocol p, double value, int... shape) {
    long[] v = new long[Shapes.size(shape)];
    Arrays.fill(v, p.fixedPoint().encode(value, "constant"));
    return p.defineConstant(RingTensor.of(v, shape));
  }

  /** {@code x * k} for a public real {@code k}: a local product and one truncation. */
  static Tensor scale(Protocol p, Tensor x, double k) {
    return p.mul(x, fill(p, k, x.shape()));
  }
}
