package dev.tfe.model.layers;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Naive, loop-by-loop references for the forward passes (written directly from the definitions). */
final class Reference {
  private Reference() {}

  /** Direct convolution, NHWC, TensorFlow padding, pad cells zero. */
  static double[][][][] conv2d(INDArray x, INDArray k, INDArray b, int sh, int sw, Padding p) {
    int n = (int) x.size(0);
    int h = (int) x.size(1);
    int w = (int) x.size(2);
    int cin = (int) x.size(3);
    int kh = (int) k.size(0);
    int kw = (int) k.size(1);
    int cout = (int) k.size(3);
    int oh = p.outputSize(h, kh, sh);
    int ow = p.outputSize(w, kw, sw);
    int pt = p.padBefore(h, kh, sh);
    int pl = p.padBefore(w, kw, sw);
    double[][][][] y = new double[n][oh][ow][cout];
    for (int b0 = 0; b0 < n; b0++) {
      for (int oy = 0; oy < oh; oy++) {
        for (int ox = 0; ox < ow; ox++) {
          for (int co = 0; co < cout; co++) {
            double s = b.getDouble(co);
            for (int i = 0; i < kh; i++) {
              for (int j = 0; j < kw; j++) {
                int yy = oy * sh - pt + i;
                int xx = ox * sw - pl + j;
                if (yy < 0 || yy >= h || xx < 0 || xx >= w) {
                  continue;
                }
                for (int ci = 0; ci < cin; ci++) {
                  s += x.getDouble(b0, yy, xx, ci) * k.getDouble(i, j, ci, co);
                }
              }
            }
            y[b0][oy][ox][co] = s;
          }
        }
      }
    }
    return y;
  }

  /** Direct max ({@code max = true}) or average pooling; padding cells take no part. */
  static double[][][][] pool(INDArray x, int ph, int pw, int sh, int sw, Padding p, boolean max) {
    int n = (int) x.size(0);
    int h = (int) x.size(1);
    int w = (int) x.size(2);
    int c = (int) x.size(3);
    int oh = p.outputSize(h, ph, sh);
    int ow = p.outputSize(w, pw, sw);
    int pt = p.padBefore(h, ph, sh);
    int pl = p.padBefore(w, pw, sw);
    double[][][][] y = new double[n][oh][ow][c];
    for (int b0 = 0; b0 < n; b0++) {
      for (int oy = 0; oy < oh; oy++) {
        for (int ox = 0; ox < ow; ox++) {
          for (int ch = 0; ch < c; ch++) {
            double acc = max ? Double.NEGATIVE_INFINITY : 0;
            int count = 0;
            for (int i = 0; i < ph; i++) {
              for (int j = 0; j < pw; j++) {
                int yy = oy * sh - pt + i;
                int xx = ox * sw - pl + j;
                if (yy < 0 || yy >= h || xx < 0 || xx >= w) {
                  continue;
                }
                double v = x.getDouble(b0, yy, xx, ch);
                acc = max ? Math.max(acc, v) : acc + v;
                count++;
              }
            }
            y[b0][oy][ox][ch] = max ? acc : acc / count;
          }
        }
      }
    }
    return y;
  }

  static void assertSame(double[][][][] expected, INDArray actual, double tol) {
    org.junit.jupiter.api.Assertions.assertArrayEquals(
        new long[] {expected.length, expected[0].length, expected[0][0].length, expected[0][0][0].length},
        actual.shape(), "shape");
    for (int a = 0; a < expected.length; a++) {
      for (int b = 0; b < expected[0].length; b++) {
        for (int c = 0; c < expected[0][0].length; c++) {
          for (int d = 0; d < expected[0][0][0].length; d++) {
            org.junit.jupiter.api.Assertions.assertEquals(expected[a][b][c][d], actual.getDouble(a, b, c, d), tol,
                "at " + a + "," + b + "," + c + "," + d);
          }
        }
      }
    }
  }
}
