package dev.tfe.model.layers;

/**
 * Average pooling over NHWC images: each output is the mean of the inputs in its window, per
 * channel. As in {@code tf.nn.avg_pool2d}, with {@code SAME} padding the mean is over the cells
 * inside the image only (padding is not counted). Backward spreads each output gradient evenly
 * over the cells of its window.
 */
public final class AveragePooling2D extends Pooling2D {

  /** A {@code poolH x poolW} window moving with these strides. */
  public AveragePooling2D(int poolH, int poolW, int strideH, int strideW, Padding padding) {
    super(poolH, poolW, strideH, strideW, padding);
  }

  /** Rebuilds a layer from its {@link #config()}. */
  public static AveragePooling2D fromConfig(LayerConfig c) {
    int[] p = c.getIntArray("pool");
    int[] s = c.getIntArray("strides");
    return new AveragePooling2D(p[0], p[1], s[0], s[1], Padding.parse(c.getString("padding")));
  }

  @Override
  public String type() {
    return "avg_pool2d";
  }

  @Override
  double[] pool(ConvGeometry g, double[] x, int n) {
    return sweep(g, x, n, false);
  }

  @Override
  double[] unpool(ConvGeometry g, double[] grad, int n) {
    return sweep(g, grad, n, true);
  }

  /** Forward ({@code adjoint = false}: image to means) or backward (output gradients spread back). */
  private static double[] sweep(ConvGeometry g, double[] src, int n, boolean adjoint) {
    int c = g.channels;
    double[] out = new double[adjoint ? n * g.inH * g.inW * c : n * g.outH * g.outW * c];
    int o = 0;
    for (int b = 0; b < n; b++) {
      int base = b * g.inH * g.inW * c;
      for (int oy = 0; oy < g.outH; oy++) {
        int y0 = firstRow(g, oy);
        int ya = Math.max(y0, 0);
        int yb = Math.min(y0 + g.windowH, g.inH);
        for (int ox = 0; ox < g.outW; ox++, o += c) {
          int x0 = firstCol(g, ox);
          int xa = Math.max(x0, 0);
          int xb = Math.min(x0 + g.windowW, g.inW);
          double scale = 1.0 / ((yb - ya) * (xb - xa));
          for (int y = ya; y < yb; y++) {
            for (int xx = xa; xx < xb; xx++) {
              int cell = base + (y * g.inW + xx) * c;
              for (int ch = 0; ch < c; ch++) {
                if (adjoint) {
                  out[cell + ch] += src[o + ch] * scale;
                } else {
                  out[o + ch] += src[cell + ch] * scale;
                }
              }
            }
          }
        }
      }
    }
    return out;
  }
}
