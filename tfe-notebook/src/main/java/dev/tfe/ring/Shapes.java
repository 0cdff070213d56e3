package dev.tfe.ring;

import java.util.Arrays;

/** Small helpers for tensor shapes: sizes, validation and readable messages. */
public final class Shapes {
  private Shapes() {}

  /** Number of elements of a shape; throws on a negative dimension or on overflow of int. */
  public static int size(int... shape) {
    long n = 1;
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
      }
      n *= d;
      if (n > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has more than 2^31-1 elements");
      }
    }
    return (int) n;
  }

  /** The shape as text, e.g. {@code [128, 784]}. */
  public static String str(int... shape) {
    return Arrays.toString(shape);
  }

  /** Throws an {@link IllegalArgumentException} naming {@code what} unless the shapes are equal. */
  public static void requireSame(String what, int[] a, int[] b) {
    if (!Arrays.equals(a, b)) {
      throw new IllegalArgumentException(
          what + ": shapes differ, " + str(a) + " vs " + str(b) + "; reshape or broadcast one operand first");
    }
  }

  /** Shape {@code [a.length]} etc.: a copy that callers may keep. */
  /**
   * The shape without its leading 1s ({@code [1, 1, n]} becomes {@code [n]}), for broadcasting: a
   * bias row of shape {@code [1, n]} broadcasts like one of shape {@code [n]}.
   */
  public static int[] withoutLeadingOnes(int[] shape) {
    int i = 0;
    while (i < shape.length - 1 && shape[i] == 1) {
      i++;
    }
    return java.util.Arrays.copyOfRange(shape, i, shape.length);
  }

  public static int[] copy(int[] shape) {
    return shape.clone();
  }
}
