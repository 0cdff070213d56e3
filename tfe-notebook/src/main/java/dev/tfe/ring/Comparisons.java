package dev.tfe.ring;

/**
 * Comparisons in the clear, on ring elements read as signed 64-bit integers: the kernels the
 * plaintext protocol uses as the oracle of SecureNN's maximum, argmax and max pooling. They are
 * written independently of SecureNN's comparison tree (a linear scan, direct window loops), so
 * that the conformance tests compare two different computations.
 *
 * <p>Ties: argmax returns the lowest index among equal maxima, as NumPy and TensorFlow do.
 */
public final class Comparisons {
  private Comparisons() {}

  /** The sizes around {@code axis}: {@code [outer, n, inner]}. */
  private static int[] split(int[] shape, int axis, String op) {
    int ax = axis < 0 ? shape.length + axis : axis;
    if (ax < 0 || ax >= shape.length) {
      throw new IllegalArgumentException(op + ": axis " + axis + " out of range for shape " + Shapes.str(shape));
    }
    int outer = 1;
    for (int i = 0; i < ax; i++) {
      outer *= shape[i];
    }
    int inner = 1;
    for (int i = ax + 1; i < shape.length; i++) {
      inner *= shape[i];
    }
    return new int[] {outer, shape[ax], inner, ax};
  }

  /** {@code shape} without axis {@code ax}. */
  public static int[] without(int[] shape, int ax) {
    int[] s = new int[shape.length - 1];
    for (int i = 0, j = 0; i < shape.length; i++) {
      if (i != ax) {
        s[j++] = shape[i];
      }
    }
    return s;
  }

  /** The signed maximum over one axis, removing it. */
  public static RingTensor max(RingTensor x, int axis) {
    int[] sp = split(x.shape(), axis, "max");
    int outer = sp[0];
    int n = sp[1];
    int inner = sp[2];
    if (n == 0) {
      throw new IllegalArgumentException("max over an empty axis of shape " + Shapes.str(x.shape()));
    }
    long[] d = x.data();
    long[] r = new long[outer * inner];
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        long best = d[o * n * inner + i];
        for (int k = 1; k < n; k++) {
          best = Math.max(best, d[(o * n + k) * inner + i]);
        }
        r[o * inner + i] = best;
      }
    }
    return RingTensor.of(r, without(x.shape(), sp[3]));
  }

  /**
   * The position of the signed maximum over one axis, lowest index on ties: as an index (the axis
   * removed) or, with {@code oneHot}, as 0/1 of the input's shape with a single 1 per line.
   */
  public static RingTensor argmax(RingTensor x, int axis, boolean oneHot) {
    int[] sp = split(x.shape(), axis, "argmax");
    int outer = sp[0];
    int n = sp[1];
    int inner = sp[2];
    if (n == 0) {
      throw new IllegalArgumentException("argmax over an empty axis of shape " + Shapes.str(x.shape()));
    }
    long[] d = x.data();
    long[] idx = new long[outer * inner];
    long[] hot = oneHot ? new long[d.length] : null;
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        int best = 0;
        for (int k = 1; k < n; k++) {
          if (d[(o * n + k) * inner + i] > d[(o * n + best) * inner + i]) {
            best = k;
          }
        }
        idx[o * inner + i] = best;
        if (hot != null) {
          hot[(o * n + best) * inner + i] = 1;
        }
      }
    }
    return oneHot ? RingTensor.of(hot, x.shape()) : RingTensor.of(idx, without(x.shape(), sp[3]));
  }

  /**
   * Max pooling of an NHWC tensor: the signed maximum of the cells of each window that fall
   * inside the input (padding cells are ignored, as in TensorFlow), shape {@code [N, outH, outW, C]}.
   */
  public static RingTensor maxPool(RingTensor x, ConvGeometry g) {
    int[] s = x.shape();
    if (s.length != 4 || s[0] != g.batch() || s[1] != g.height() || s[2] != g.width() || s[3] != g.channels()) {
      throw new IllegalArgumentException("maxPool: input " + Shapes.str(s) + " does not match the geometry " + g);
    }
    long[] d = x.data();
    int c = g.channels();
    long[] r = new long[g.batch() * g.outH() * g.outW() * c];
    int o = 0;
    for (int n = 0; n < g.batch(); n++) {
      for (int i = 0; i < g.outH(); i++) {
        for (int j = 0; j < g.outW(); j++) {
          for (int ch = 0; ch < c; ch++) {
            long best = Long.MIN_VALUE;
            boolean any = false;
            for (int a = 0; a < g.kernelH(); a++) {
              int y = i * g.strideH() + a - g.padTop();
              for (int b = 0; b < g.kernelW(); b++) {
                int xx = j * g.strideW() + b - g.padLeft();
                if (y >= 0 && y < g.height() && xx >= 0 && xx < g.width()) {
                  long v = d[((n * g.height() + y) * g.width() + xx) * c + ch];
                  best = any ? Math.max(best, v) : v;
                  any = true;
                }
              }
            }
            if (!any) {
              throw new IllegalArgumentException("maxPool: a window has no cell inside the input: " + g);
            }
            r[o++] = best;
          }
        }
      }
    }
    return RingTensor.of(r, g.batch(), g.outH(), g.outW(), c);
  }
}
