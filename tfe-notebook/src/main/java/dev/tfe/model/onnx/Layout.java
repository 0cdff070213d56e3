package dev.tfe.model.onnx;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * PyTorch's NCHW layout against this library's NHWC. An image activation {@code [C, H, W]} of the
 * ONNX graph is held by the library as {@code [H, W, C]}; once flattened, the library's vector
 * lists the same values in another order, recorded as a permutation {@code perm} with
 * {@code library[i] = onnx[perm[i]]} ({@code null} when both orders agree). A following Dense
 * layer takes its weight rows in that order, so it computes what the ONNX model computes.
 */
final class Layout {
  private Layout() {}

  /** The permutation of a flattened NHWC {@code [h, w, c]} image against its NCHW flattening; null if the same. */
  static int[] nhwcToNchw(int c, int h, int w) {
    if (c == 1 || h * w == 1) {
      return null;
    }
    int[] perm = new int[c * h * w];
    int i = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        for (int ch = 0; ch < c; ch++) {
          perm[i++] = (ch * h + y) * w + x;
        }
      }
    }
    return perm;
  }

  /** Whether two permutations are equal, {@code null} standing for the identity. */
  static boolean same(int[] a, int[] b) {
    if (a == null || b == null) {
      int[] p = a == null ? b : a;
      if (p == null) {
        return true;
      }
      for (int i = 0; i < p.length; i++) {
        if (p[i] != i) {
          return false;
        }
      }
      return true;
    }
    return Arrays.equals(a, b);
  }

  /** The rows of {@code m} in library order: row {@code i} is row {@code perm[i]} of {@code m}. */
  static INDArray rows(INDArray m, int[] perm) {
    if (perm == null) {
      return m;
    }
    INDArray out = m.dup('c');
    for (int i = 0; i < perm.length; i++) {
      out.putRow(i, m.getRow(perm[i]));
    }
    return out;
  }

  /** The entries of vector {@code v} in library order. */
  static INDArray entries(INDArray v, int[] perm) {
    if (perm == null) {
      return v;
    }
    INDArray out = v.dup('c');
    for (int i = 0; i < perm.length; i++) {
      out.putScalar(i, v.getDouble(perm[i]));
    }
    return out;
  }

  /** A PyTorch convolution weight {@code [Cout, Cin, kh, kw]} as this library's kernel {@code [kh, kw, Cin, Cout]}. */
  static INDArray kernel(INDArray oihw) {
    return oihw.permute(2, 3, 1, 0).dup('c');
  }
}
