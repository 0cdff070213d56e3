package dev.tfe.model.layers;

import java.util.Locale;

/**
 * How a sliding window (convolution or pooling) treats the borders, with TensorFlow's
 * conventions (see the TensorFlow guide "Convolution" in {@code tf.nn}):
 *
 * <ul>
 *   <li>{@link #VALID}: no padding; windows lie entirely inside the input, so the output size is
 *       {@code floor((in - k) / s) + 1}.</li>
 *   <li>{@link #SAME}: the output size is {@code ceil(in / s)}; the input is padded with
 *       {@code total = max((out - 1) * s + k - in, 0)} zeros (ignored cells for pooling), of which
 *       {@code floor(total / 2)} go before and the rest after, so an odd total pads one more
 *       cell at the bottom and right.</li>
 * </ul>
 */
public enum Padding {
  VALID,
  SAME;

  /**
   * The output length along one axis, or -1 if {@code in} is -1 (unknown).
   *
   * @throws IllegalArgumentException if a {@code VALID} window does not fit in the input
   */
  public int outputSize(int in, int window, int stride) {
    if (in < 0) {
      return -1;
    }
    if (this == SAME) {
      return (in + stride - 1) / stride;
    }
    if (in < window) {
      throw new IllegalArgumentException(
          "a window of " + window + " does not fit in an input of " + in + " with VALID padding");
    }
    return (in - window) / stride + 1;
  }

  /** The number of padding cells before the first input cell (top or left). */
  public int padBefore(int in, int window, int stride) {
    if (this == VALID) {
      return 0;
    }
    return totalPad(in, window, stride) / 2;
  }

  /** The number of padding cells after the last input cell (bottom or right). */
  public int padAfter(int in, int window, int stride) {
    if (this == VALID) {
      return 0;
    }
    int total = totalPad(in, window, stride);
    return total - total / 2;
  }

  private int totalPad(int in, int window, int stride) {
    int out = outputSize(in, window, stride);
    return Math.max((out - 1) * stride + window - in, 0);
  }

  /** Parses {@code "same"} or {@code "valid"}, case-insensitively. */
  public static Padding parse(String s) {
    try {
      return valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown padding '" + s + "'; expected SAME or VALID", e);
    }
  }
}
