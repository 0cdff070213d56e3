package dev.tfe.model.privatetrain;

import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.Tensor;
import dev.tfe.ring.ConvGeometry.Padding;

/**
 * Max or average pooling over non-overlapping {@code ph x pw} windows (stride equal to the pool,
 * VALID, the input divisible), forward and backward on shares. The windows are a permutation of
 * the input ({@code [N, H/ph, ph, W/pw, pw, C]} transposed to {@code [ph pw, M]}), local:
 * <ul>
 *   <li>max: the one-hot mask of each window's maximum ({@code argmaxOneHot}, SecureNN's
 *       Algorithm 9 as a tournament), the output {@code sum(mask * window)}, and backward the
 *       gradient routed to the maximum, {@code mask * g}; each a Beaver product (8 bytes per
 *       element each way, where a select by a reshaped mask would cost a new comparison, about
 *       500 bytes) and one truncation (one unit);</li>
 *   <li>average: the protocol's {@code avgPool2d}; backward {@code g / (ph pw)} spread over the
 *       window.</li>
 * </ul>
 * Spreading {@code g} over a window is a product with a public row of ones (one truncation, one
 * unit). As the plaintext {@link dev.tfe.model.layers.Pooling2D}'s backward pass.
 */
final class PoolStep implements TrainableStep {
  private static final int[] TO_WINDOWS = {2, 4, 0, 1, 3, 5};
  private static final int[] FROM_WINDOWS = {2, 3, 0, 4, 1, 5};
  private final boolean max;
  private final int ph;
  private final int pw;
  private int[] in;
  private Tensor mask;

  PoolStep(boolean max, int ph, int pw) {
    this.max = max;
    this.ph = ph;
    this.pw = pw;
  }

  @Override
  public Tensor forward(Protocol p, Tensor x, boolean training) {
    in = x.shape();
    if (in[1] % ph != 0 || in[2] % pw != 0) {
      throw new IllegalArgumentException("private training pools non-overlapping windows only: " + ph + "x" + pw
          + " does not divide the input " + java.util.Arrays.toString(in));
    }
    if (!max) {
      return p.avgPool2d(x, ph, pw, ph, pw, Padding.VALID);
    }
    if (!training) {
      return p.maxPool2d(x, ph, pw, ph, pw, Padding.VALID);
    }
    Tensor windows = p.reshape(p.transpose(p.reshape(x, in[0], in[1] / ph, ph, in[2] / pw, pw, in[3]), TO_WINDOWS),
        ph * pw, -1);
    mask = p.argmaxOneHot(windows, 0);
    Tensor picked = p.mul(mask, windows);
    return p.reshape(p.reduceSum(picked, 0), in[0], in[1] / ph, in[2] / pw, in[3]);
  }

  @Override
  public Tensor backward(Protocol p, Tensor g, boolean needInput) {
    int m = g.shape()[0] * g.shape()[1] * g.shape()[2] * g.shape()[3];
    int k = ph * pw;
    Tensor spread = p.transpose(p.matmul(p.reshape(g, m, 1), Constants.fill(p, max ? 1 : 1.0 / k, 1, k)), 1, 0);
    Tensor routed = max ? p.mul(mask, spread) : spread;
    Tensor back = p.transpose(p.reshape(routed, ph, pw, in[0], in[1] / ph, in[2] / pw, in[3]), FROM_WINDOWS);
    return p.reshape(back, in);
  }
}
