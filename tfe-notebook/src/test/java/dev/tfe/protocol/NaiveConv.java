package dev.tfe.protocol;

import dev.tfe.ring.ConvGeometry;
import dev.tfe.ring.ConvGeometry.Padding;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Direct-loop convolution and pooling in doubles, as an independent reference. */
final class NaiveConv {
  private NaiveConv() {}

  static double[] conv2d(INDArray x, INDArray k, int stride, Padding pad) {
    int[] xs = shape(x);
    int[] ks = shape(k);
    ConvGeometry g = ConvGeometry.of(xs, ks[0], ks[1], stride, stride, pad);
    double[] out = new double[g.batch() * g.outH() * g.outW() * ks[3]];
    int o = 0;
    for (int n = 0; n < g.batch(); n++) {
      for (int i = 0; i < g.outH(); i++) {
        for (int j = 0; j < g.outW(); j++) {
          for (int co = 0; co < ks[3]; co++) {
            double s = 0;
            for (int a = 0; a < ks[0]; a++) {
              for (int b = 0; b < ks[1]; b++) {
                int y = i * stride + a - g.padTop();
                int xx = j * stride + b - g.padLeft();
                if (y < 0 || y >= xs[1] || xx < 0 || xx >= xs[2]) {
                  continue;
                }
                for (int c = 0; c < xs[3]; c++) {
                  s += x.getDouble(n, y, xx, c) * k.getDouble(a, b, c, co);
                }
              }
            }
            out[o++] = s;
          }
        }
      }
    }
    return out;
  }

  static double[] avgPool(INDArray x, int pool, int stride, Padding pad) {
    int[] xs = shape(x);
    ConvGeometry g = ConvGeometry.of(xs, pool, pool, stride, stride, pad);
    double[] out = new double[g.batch() * g.outH() * g.outW() * xs[3]];
    int o = 0;
    for (int n = 0; n < g.batch(); n++) {
      for (int i = 0; i < g.outH(); i++) {
        for (int j = 0; j < g.outW(); j++) {
          for (int c = 0; c < xs[3]; c++) {
            double s = 0;
            int cnt = 0;
            for (int a = 0; a < pool; a++) {
              for (int b = 0; b < pool; b++) {
                int y = i * stride + a - g.padTop();
                int xx = j * stride + b - g.padLeft();
                if (y >= 0 && y < xs[1] && xx >= 0 && xx < xs[2]) {
                  s += x.getDouble(n, y, xx, c);
                  cnt++;
                }
              }
            }
            out[o++] = s / cnt;
          }
        }
      }
    }
    return out;
  }

  /** Max pooling in doubles; window cells in the padding are ignored (TensorFlow's rule). */
  static double[] maxPool(INDArray x, int kh, int kw, int sh, int sw, Padding pad) {
    int[] xs = shape(x);
    ConvGeometry g = ConvGeometry.of(xs, kh, kw, sh, sw, pad);
    double[] out = new double[g.batch() * g.outH() * g.outW() * xs[3]];
    int o = 0;
    for (int n = 0; n < g.batch(); n++) {
      for (int i = 0; i < g.outH(); i++) {
        for (int j = 0; j < g.outW(); j++) {
          for (int c = 0; c < xs[3]; c++) {
            double m = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < kh; a++) {
              for (int b = 0; b < kw; b++) {
                int y = i * sh + a - g.padTop();
                int xx = j * sw + b - g.padLeft();
                if (y >= 0 && y < xs[1] && xx >= 0 && xx < xs[2]) {
                  m = Math.max(m, x.getDouble(n, y, xx, c));
                }
              }
            }
            out[o++] = m;
          }
        }
      }
    }
    return out;
  }

  private static int[] shape(INDArray a) {
    long[] s = a.shape();
    int[] r = new int[s.length];
    for (int i = 0; i < s.length; i++) {
      r[i] = (int) s[i];
    }
    return r;
  }
}
