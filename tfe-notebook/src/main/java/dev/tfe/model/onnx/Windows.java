package dev.tfe.model.onnx;

import dev.tfe.model.layers.Padding;
import java.util.Arrays;

/**
 * Maps the explicit padding of ONNX convolutions and pooling ({@code pads = [top, left, bottom,
 * right]}, or {@code auto_pad}) to this library's {@link Padding}: no padding is {@code VALID}; the
 * pads TensorFlow's {@code SAME} would add on this input size are {@code SAME}; anything else is
 * refused, saying which pads would do.
 */
final class Windows {
  private Windows() {}

  /** The checked kernel, strides and padding of a 2-D window node on an {@code h x w} input. */
  record Window(int kh, int kw, int sh, int sw, Padding padding) {
    int outH(int h) {
      return padding.outputSize(h, kh, sh);
    }

    int outW(int w) {
      return padding.outputSize(w, kw, sw);
    }
  }

  /**
   * Reads {@code kernel_shape}, {@code strides}, {@code dilations}, {@code pads}, {@code auto_pad}
   * and {@code ceil_mode}, with {@code extraPads} (from a preceding Pad node) added to the pads.
   */
  static Window read(Node n, int h, int w, long[] kernel, long[] extraPads) {
    if (kernel == null || kernel.length != 2) {
      throw n.refuse("kernel_shape " + Arrays.toString(kernel) + " is not 2-D; only 2-D windows over [N, C, H, W] "
          + "images are supported");
    }
    int kh = (int) kernel[0];
    int kw = (int) kernel[1];
    long[] strides = n.ints("strides");
    int sh = strides == null ? 1 : (int) strides[0];
    int sw = strides == null ? 1 : (int) strides[1];
    long[] dilations = n.ints("dilations");
    if (dilations != null && Arrays.stream(dilations).anyMatch(d -> d != 1)) {
      throw n.refuse("dilations " + Arrays.toString(dilations) + " are not supported (no dilated windows here); "
          + "use dilation=1");
    }
    String autoPad = n.s("auto_pad", "NOTSET");
    long[] pads = n.ints("pads") == null ? new long[4] : n.ints("pads").clone();
    if (extraPads != null) {
      for (int i = 0; i < 4; i++) {
        pads[i] += extraPads[i];
      }
    }
    Padding padding;
    switch (autoPad) {
      case "NOTSET" -> padding = explicit(n, h, w, kh, kw, sh, sw, pads);
      case "VALID" -> padding = extraPads == null ? Padding.VALID : explicit(n, h, w, kh, kw, sh, sw, pads);
      case "SAME_UPPER" -> {
        if (extraPads != null) {
          throw n.refuse("a Pad node before a window with auto_pad=SAME_UPPER is not supported; export without the Pad");
        }
        padding = Padding.SAME;
      }
      default -> throw n.refuse("auto_pad=" + autoPad + " is not supported (SAME_LOWER pads more at the top-left than "
          + "TensorFlow's SAME); use explicit pads or auto_pad SAME_UPPER or VALID");
    }
    if (n.i("ceil_mode", 0) != 0) {
      long[] p = padding == Padding.VALID ? new long[4] : new long[] {padding.padBefore(h, kh, sh),
          padding.padBefore(w, kw, sw), padding.padAfter(h, kh, sh), padding.padAfter(w, kw, sw)};
      if (ceilSize(h, p[0], p[2], kh, sh) != padding.outputSize(h, kh, sh)
          || ceilSize(w, p[1], p[3], kw, sw) != padding.outputSize(w, kw, sw)) {
        throw n.refuse("ceil_mode=1 gives a larger output than floor rounding on this " + h + "x" + w + " input; "
            + "export with ceil_mode=False");
      }
    }
    return new Window(kh, kw, sh, sw, padding);
  }

  /** The output length with ceil rounding, as PyTorch computes it. */
  private static long ceilSize(int in, long padBefore, long padAfter, int k, int s) {
    long out = (in + padBefore + padAfter - k + s - 1) / s + 1;
    // a last window that would start in the bottom or right padding is dropped
    return (out - 1) * s >= in + padBefore ? out - 1 : out;
  }

  private static Padding explicit(Node n, int h, int w, int kh, int kw, int sh, int sw, long[] pads) {
    if (Arrays.stream(pads).allMatch(p -> p == 0)) {
      if (h < kh || w < kw) {
        throw n.refuse("its " + kh + "x" + kw + " window does not fit the " + h + "x" + w + " input");
      }
      return Padding.VALID;
    }
    Padding s = Padding.SAME;
    long[] same = {s.padBefore(h, kh, sh), s.padBefore(w, kw, sw), s.padAfter(h, kh, sh), s.padAfter(w, kw, sw)};
    if (Arrays.equals(pads, same)) {
      return Padding.SAME;
    }
    throw n.refuse("pads [top, left, bottom, right] = " + Arrays.toString(pads) + " on its " + h + "x" + w
        + " input are neither none nor TensorFlow's SAME padding " + Arrays.toString(same) + ", the two this library "
        + "has; export the layer with padding=0, or with the SAME pads (for PyTorch: nn.ZeroPad2d((left, right, top, "
        + "bottom)) = ((" + same[1] + ", " + same[3] + ", " + same[0] + ", " + same[2] + ")) before it, padding=0)");
  }
}
