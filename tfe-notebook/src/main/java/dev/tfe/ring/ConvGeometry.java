package dev.tfe.ring;

/**
 * The geometry of a 2-D window op (convolution or pooling) on NHWC tensors, with TensorFlow's
 * padding rules: {@code VALID} uses only full windows; {@code SAME} gives {@code ceil(in/stride)}
 * outputs and pads {@code max((out-1)*stride + k - in, 0)} zeros, the smaller half on top/left.
 */
public record ConvGeometry(
    int batch, int height, int width, int channels,
    int kernelH, int kernelW, int strideH, int strideW,
    int padTop, int padLeft, int outH, int outW) {

  /** Padding modes, as in TensorFlow and Keras. */
  public enum Padding {
    SAME,
    VALID;

    /** Parses "same"/"valid" in any case, with an error that lists the choices. */
    public static Padding parse(String s) {
      for (Padding p : values()) {
        if (p.name().equalsIgnoreCase(s)) {
          return p;
        }
      }
      throw new IllegalArgumentException("unknown padding '" + s + "'; use SAME or VALID");
    }
  }

  /** The geometry of a window {@code kh x kw} with strides over an input of shape [N,H,W,C]. */
  public static ConvGeometry of(int[] inputShape, int kh, int kw, int sh, int sw, Padding padding) {
    if (inputShape.length != 4) {
      throw new IllegalArgumentException("expected an NHWC input of rank 4, got shape " + Shapes.str(inputShape));
    }
    if (kh <= 0 || kw <= 0 || sh <= 0 || sw <= 0) {
      throw new IllegalArgumentException("window " + kh + "x" + kw + " and strides " + sh + "x" + sw + " must be positive");
    }
    int n = inputShape[0];
    int h = inputShape[1];
    int w = inputShape[2];
    int c = inputShape[3];
    int oh;
    int ow;
    int pt;
    int pl;
    if (padding == Padding.VALID) {
      if (kh > h || kw > w) {
        throw new IllegalArgumentException(
            "window " + kh + "x" + kw + " is larger than the input " + h + "x" + w + " with VALID padding");
      }
      oh = (h - kh) / sh + 1;
      ow = (w - kw) / sw + 1;
      pt = 0;
      pl = 0;
    } else {
      oh = (h + sh - 1) / sh;
      ow = (w + sw - 1) / sw;
      pt = Math.max((oh - 1) * sh + kh - h, 0) / 2;
      pl = Math.max((ow - 1) * sw + kw - w, 0) / 2;
    }
    return new ConvGeometry(n, h, w, c, kh, kw, sh, sw, pt, pl, oh, ow);
  }

  /** Rows of the im2col matrix: one per output position, {@code N*outH*outW}. */
  public int patchRows() {
    return batch * outH * outW;
  }

  /** Columns of the im2col matrix: {@code kh*kw*C}, ordered (row in window, column, channel). */
  public int patchCols() {
    return kernelH * kernelW * channels;
  }

  /** The attributes that describe this geometry, in the order {@link #fromInts} reads them. */
  public int[] toInts() {
    return new int[] {batch, height, width, channels, kernelH, kernelW, strideH, strideW, padTop, padLeft, outH, outW};
  }

  public static ConvGeometry fromInts(int[] g) {
    return new ConvGeometry(g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7], g[8], g[9], g[10], g[11]);
  }

  /** For each output position, how many window cells fall inside the input (for averages). */
  public long[] validCounts() {
    long[] r = new long[outH * outW];
    for (int i = 0; i < outH; i++) {
      for (int j = 0; j < outW; j++) {
        int cnt = 0;
        for (int a = 0; a < kernelH; a++) {
          for (int b = 0; b < kernelW; b++) {
            int y = i * strideH + a - padTop;
            int x = j * strideW + b - padLeft;
            if (y >= 0 && y < height && x >= 0 && x < width) {
              cnt++;
            }
          }
        }
        r[i * outW + j] = cnt;
      }
    }
    return r;
  }
}
