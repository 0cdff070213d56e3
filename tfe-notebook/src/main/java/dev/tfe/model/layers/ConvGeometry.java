package dev.tfe.model.layers;

/**
 * The geometry of a 2-D sliding window over an NHWC image: input size, window, strides, padding
 * (TensorFlow's convention, see {@link Padding}), and the resulting output size and leading pads.
 *
 * <p>It also provides im2col and its adjoint col2im, the lowering of a convolution to one matrix
 * product (Chellapilla, Puri and Simard, "High Performance Convolutional Neural Networks for
 * Document Processing", 2006): every output position becomes one row holding its receptive field
 * in {@code (i, j, c)} order, which is the row-major order of a {@code [kh, kw, Cin, Cout]}
 * kernel reshaped to {@code [kh * kw * Cin, Cout]}. Padding cells read as zero.
 */
public final class ConvGeometry {
  public final int inH;
  public final int inW;
  public final int channels;
  public final int windowH;
  public final int windowW;
  public final int strideH;
  public final int strideW;
  public final Padding padding;
  public final int outH;
  public final int outW;
  public final int padTop;
  public final int padLeft;

  private ConvGeometry(int inH, int inW, int channels, int windowH, int windowW, int strideH, int strideW,
      Padding padding) {
    if (windowH <= 0 || windowW <= 0 || strideH <= 0 || strideW <= 0 || channels <= 0) {
      throw new IllegalArgumentException("window, strides and channels must be positive: window "
          + windowH + "x" + windowW + ", strides " + strideH + "x" + strideW + ", channels " + channels);
    }
    this.inH = inH;
    this.inW = inW;
    this.channels = channels;
    this.windowH = windowH;
    this.windowW = windowW;
    this.strideH = strideH;
    this.strideW = strideW;
    this.padding = padding;
    this.outH = padding.outputSize(inH, windowH, strideH);
    this.outW = padding.outputSize(inW, windowW, strideW);
    this.padTop = padding.padBefore(inH, windowH, strideH);
    this.padLeft = padding.padBefore(inW, windowW, strideW);
  }

  /** The geometry of a {@code windowH x windowW} window sliding with these strides over {@code inH x inW x channels}. */
  public static ConvGeometry of(int inH, int inW, int channels, int windowH, int windowW, int strideH, int strideW,
      Padding padding) {
    return new ConvGeometry(inH, inW, channels, windowH, windowW, strideH, strideW, padding);
  }

  /** Number of columns of the im2col matrix: {@code windowH * windowW * channels}. */
  public int patchSize() {
    return windowH * windowW * channels;
  }

  /** Number of output positions per image: {@code outH * outW}. */
  public int positions() {
    return outH * outW;
  }

  /**
   * Lowers {@code n} NHWC images (row-major {@code [n, inH, inW, channels]}) to the row-major
   * matrix {@code [n * outH * outW, windowH * windowW * channels]}.
   */
  public double[] im2col(double[] images, int n) {
    checkLength(images.length, (long) n * inH * inW * channels, "images");
    int patch = patchSize();
    double[] cols = new double[Math.multiplyExact(n * positions(), patch)];
    int row = 0;
    for (int b = 0; b < n; b++) {
      int imageBase = b * inH * inW * channels;
      for (int oy = 0; oy < outH; oy++) {
        for (int ox = 0; ox < outW; ox++, row++) {
          int dst = row * patch;
          for (int i = 0; i < windowH; i++) {
            int y = oy * strideH - padTop + i;
            if (y < 0 || y >= inH) {
              dst += windowW * channels;
              continue;
            }
            for (int j = 0; j < windowW; j++, dst += channels) {
              int x = ox * strideW - padLeft + j;
              if (x >= 0 && x < inW) {
                System.arraycopy(images, imageBase + (y * inW + x) * channels, cols, dst, channels);
              }
            }
          }
        }
      }
    }
    return cols;
  }

  /**
   * The adjoint of {@link #im2col}: adds every column entry back onto the image cell it was read
   * from (cells read by several windows accumulate), giving row-major {@code [n, inH, inW, channels]}.
   */
  public double[] col2im(double[] cols, int n) {
    int patch = patchSize();
    checkLength(cols.length, (long) n * positions() * patch, "columns");
    double[] images = new double[n * inH * inW * channels];
    int row = 0;
    for (int b = 0; b < n; b++) {
      int imageBase = b * inH * inW * channels;
      for (int oy = 0; oy < outH; oy++) {
        for (int ox = 0; ox < outW; ox++, row++) {
          int src = row * patch;
          for (int i = 0; i < windowH; i++) {
            int y = oy * strideH - padTop + i;
            if (y < 0 || y >= inH) {
              src += windowW * channels;
              continue;
            }
            for (int j = 0; j < windowW; j++, src += channels) {
              int x = ox * strideW - padLeft + j;
              if (x >= 0 && x < inW) {
                int dst = imageBase + (y * inW + x) * channels;
                for (int c = 0; c < channels; c++) {
                  images[dst + c] += cols[src + c];
                }
              }
            }
          }
        }
      }
    }
    return images;
  }

  private static void checkLength(long actual, long expected, String what) {
    if (actual != expected) {
      throw new IllegalArgumentException(what + ": expected " + expected + " values, got " + actual);
    }
  }

  @Override
  public String toString() {
    return inH + "x" + inW + "x" + channels + " -> " + outH + "x" + outW + " (window " + windowH + "x" + windowW
        + ", strides " + strideH + "x" + strideW + ", " + padding + ")";
  }
}
