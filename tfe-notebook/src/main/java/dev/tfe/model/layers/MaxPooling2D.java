package dev.tfe.model.layers;

/**
 * Max pooling over NHWC images: each output is the largest input in its window, per channel
 * ({@code tf.nn.max_pool2d} semantics; {@code SAME} padding cells are ignored, never zero).
 * Backward routes each output gradient to the input that was the maximum (the first one in
 * row-major window order on ties).
 */
public final class MaxPooling2D extends Pooling2D {
  private int[] argmax;

  /** A {@code poolH x poolW} window moving with these strides. */
  public MaxPooling2D(int poolH, int poolW, int strideH, int strideW, Padding padding) {
    super(poolH, poolW, strideH, strideW, padding);
  }

  /** Rebuilds a layer from its {@link #config()}. */
  public static MaxPooling2D fromConfig(LayerConfig c) {
    int[] p = c.getIntArray("pool");
    int[] s = c.getIntArray("strides");
    return new MaxPooling2D(p[0], p[1], s[0], s[1], Padding.parse(c.getString("padding")));
  }

  @Override
  public String type() {
    return "max_pool2d";
  }

  @Override
  double[] pool(ConvGeometry g, double[] x, int n) {
    int c = g.channels;
    double[] out = new double[n * g.outH * g.outW * c];
    argmax = new int[out.length];
    int o = 0;
    for (int b = 0; b < n; b++) {
      int base = b * g.inH * g.inW * c;
      for (int oy = 0; oy < g.outH; oy++) {
        int y0 = firstRow(g, oy);
        for (int ox = 0; ox < g.outW; ox++, o += c) {
          int x0 = firstCol(g, ox);
          java.util.Arrays.fill(out, o, o + c, Double.NEGATIVE_INFINITY);
          for (int y = Math.max(y0, 0); y < Math.min(y0 + g.windowH, g.inH); y++) {
            for (int xx = Math.max(x0, 0); xx < Math.min(x0 + g.windowW, g.inW); xx++) {
              int src = base + (y * g.inW + xx) * c;
              for (int ch = 0; ch < c; ch++) {
                if (x[src + ch] > out[o + ch]) {
                  out[o + ch] = x[src + ch];
                  argmax[o + ch] = src + ch;
                }
              }
            }
          }
        }
      }
    }
    return out;
  }

  @Override
  double[] unpool(ConvGeometry g, double[] grad, int n) {
    double[] dx = new double[n * g.inH * g.inW * g.channels];
    for (int i = 0; i < grad.length; i++) {
      dx[argmax[i]] += grad[i];
    }
    return dx;
  }
}
