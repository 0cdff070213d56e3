package dev.tfe.model.privatetrain;

import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.Tensor;
import dev.tfe.ring.ConvGeometry.Padding;
import dev.tfe.ring.RingTensor;
import java.util.List;

/**
 * Conv2D (stride 1, VALID; kernel {@code [kh, kw, Cin, Cout]}) on shares, forward and backward,
 * with convolutions only (each through im2col and one Beaver product), so any protocol's
 * {@code conv2d} serves:
 * <ul>
 *   <li>{@code dW[a, b, ci, co] = sum over n, i, j of x[n, i+a, j+b, ci] g[n, i, j, co]}: the
 *       convolution of {@code x} seen as {@code [Cin, H, W, N]} with {@code g} seen as the kernel
 *       {@code [oh, ow, N, Cout]};</li>
 *   <li>{@code db = sum of g} over batch and positions;</li>
 *   <li>{@code dx}: the VALID convolution of {@code g} padded by {@code k - 1} on every side with
 *       the kernel flipped in space and its channels swapped (the "full" convolution). Padding
 *       and flipping are products with public 0/1 matrices, truncated once each (one unit of
 *       error each).</li>
 * </ul>
 * As the plaintext {@link dev.tfe.model.layers.Conv2D}'s backward pass.
 */
final class ConvStep implements TrainableStep {
  private final PrivateVariable kernel;
  private final PrivateVariable bias;
  private Tensor w;
  private Tensor b;
  private Tensor x;
  private List<Tensor> gradients = List.of();

  ConvStep(PrivateVariable kernel, PrivateVariable bias) {
    this.kernel = kernel;
    this.bias = bias;
  }

  @Override
  public Tensor forward(Protocol p, Tensor input, boolean training) {
    x = input;
    w = kernel.read(p);
    b = bias.read(p);
    return p.add(p.conv2d(input, w, 1, 1, Padding.VALID), b);
  }

  @Override
  public Tensor backward(Protocol p, Tensor g, boolean needInput) {
    int[] k = w.shape();
    int[] gs = g.shape();
    Tensor xt = p.transpose(x, 3, 1, 2, 0);
    Tensor gk = p.transpose(g, 1, 2, 0, 3);
    Tensor dw = p.transpose(p.conv2d(xt, gk, 1, 1, Padding.VALID), 1, 2, 0, 3);
    Tensor db = p.reduceSum(p.reshape(g, -1, gs[3]), 0);
    gradients = List.of(dw, db);
    if (!needInput) {
      return null;
    }
    Tensor padded = pad(p, g, k[0] - 1, k[1] - 1);
    return p.conv2d(padded, flip(p, w), 1, 1, Padding.VALID);
  }

  /** {@code g} {@code [N, h, w, C]} with {@code ph} rows and {@code pw} columns of zeros on each side. */
  private static Tensor pad(Protocol p, Tensor g, int ph, int pw) {
    int[] s = g.shape();
    int h = s[1];
    int wd = s[2];
    int hh = h + 2 * ph;
    int ww = wd + 2 * pw;
    long one = p.fixedPoint().encode(1.0, "padding");
    long[] m = new long[h * wd * hh * ww];
    for (int i = 0; i < h; i++) {
      for (int j = 0; j < wd; j++) {
        m[(i * wd + j) * hh * ww + (i + ph) * ww + (j + pw)] = one;
      }
    }
    Tensor rows = p.reshape(p.transpose(g, 0, 3, 1, 2), s[0] * s[3], h * wd);
    Tensor out = p.matmul(rows, p.defineConstant(RingTensor.of(m, h * wd, hh * ww)));
    return p.transpose(p.reshape(out, s[0], s[3], hh, ww), 0, 2, 3, 1);
  }

  /** The kernel flipped in both spatial axes, as {@code [kh, kw, Cout, Cin]}. */
  private static Tensor flip(Protocol p, Tensor w) {
    int[] k = w.shape();
    int taps = k[0] * k[1];
    long one = p.fixedPoint().encode(1.0, "flip");
    long[] r = new long[taps * taps];
    for (int t = 0; t < taps; t++) {
      r[t * taps + (taps - 1 - t)] = one;
    }
    Tensor flipped = p.matmul(p.defineConstant(RingTensor.of(r, taps, taps)), p.reshape(w, taps, k[2] * k[3]));
    return p.transpose(p.reshape(flipped, k[0], k[1], k[2], k[3]), 0, 1, 3, 2);
  }

  @Override
  public List<PrivateVariable> parameters() {
    return List.of(kernel, bias);
  }

  @Override
  public List<Tensor> values() {
    return List.of(w, b);
  }

  @Override
  public List<Tensor> gradients() {
    return gradients;
  }
}
