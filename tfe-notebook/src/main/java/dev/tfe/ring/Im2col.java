package dev.tfe.ring;

/**
 * The im2col transform (Chellapilla, Puri and Simard, "High performance convolutional neural
 * networks for document processing", 2006): unrolls every window of an NHWC tensor into one row,
 * so that a convolution becomes a matrix product with the kernel reshaped to
 * {@code [kh*kw*C, Cout]}. It is linear, so each party applies it to its shares locally.
 */
public final class Im2col {
  private Im2col() {}

  /** The {@code [N*outH*outW, kh*kw*C]} patch matrix of {@code x}, zero-padded. */
  public static RingTensor apply(RingTensor x, ConvGeometry g) {
    int[] s = x.shape();
    if (s.length != 4 || s[0] != g.batch() || s[1] != g.height() || s[2] != g.width() || s[3] != g.channels()) {
      throw new IllegalArgumentException("im2col: input " + Shapes.str(s) + " does not match the geometry " + g);
    }
    long[] in = x.data();
    int c = g.channels();
    int cols = g.patchCols();
    long[] out = new long[g.patchRows() * cols];
    int row = 0;
    for (int n = 0; n < g.batch(); n++) {
      int base = n * g.height() * g.width() * c;
      for (int i = 0; i < g.outH(); i++) {
        for (int j = 0; j < g.outW(); j++) {
          int o = row * cols;
          for (int a = 0; a < g.kernelH(); a++) {
            int y = i * g.strideH() + a - g.padTop();
            for (int b = 0; b < g.kernelW(); b++) {
              int xx = j * g.strideW() + b - g.padLeft();
              if (y >= 0 && y < g.height() && xx >= 0 && xx < g.width()) {
                System.arraycopy(in, base + (y * g.width() + xx) * c, out, o, c);
              }
              o += c;
            }
          }
          row++;
        }
      }
    }
    return RingTensor.of(out, g.patchRows(), cols);
  }
}
