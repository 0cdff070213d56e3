package dev.tfe.model.layers;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Small conversions between ND4J arrays and Java arrays used by the layers, the models and the
 * data sets. Everything is {@code DOUBLE} and row-major ({@code 'c'} order).
 */
public final class NdArrays {
  private NdArrays() {}

  /** {@code a} itself if it is already a {@code DOUBLE}, {@code 'c'}-ordered, non-view array; else a converted copy. */
  public static INDArray toDoubleC(INDArray a) {
    INDArray d = a.dataType() == DataType.DOUBLE ? a : a.castTo(DataType.DOUBLE);
    if (d.ordering() != 'c' || d.isView()) {
      d = d.dup('c');
    }
    return d;
  }

  /** The elements of {@code a} in row-major order, as a new array. */
  public static double[] toDoubles(INDArray a) {
    INDArray c = a.castTo(DataType.DOUBLE).dup('c');
    return c.data().asDouble();
  }

  /** A {@code DOUBLE} array of this shape wrapping a copy of {@code data} (row-major). */
  public static INDArray fromDoubles(double[] data, long... shape) {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    if (n != data.length) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(shape) + " needs " + n + " values, got " + data.length);
    }
    return Nd4j.create(data, shape, DataType.DOUBLE);
  }

  /** The per-example shape of a batch: its shape without the leading batch dimension. */
  public static int[] exampleShape(INDArray batch) {
    long[] s = batch.shape();
    if (s.length == 0) {
      throw new ShapeMismatchException("expected a batch (rank >= 1), got a scalar");
    }
    int[] e = new int[s.length - 1];
    for (int i = 1; i < s.length; i++) {
      e[i - 1] = Math.toIntExact(s[i]);
    }
    return e;
  }

  /** Renders a per-example shape as a batch shape, for example {@code [N, 28, 28, 1]}; {@code -1} prints as {@code ?}. */
  public static String batchShape(int[] example) {
    StringBuilder b = new StringBuilder("[N");
    for (int d : example) {
      b.append(", ").append(d < 0 ? "?" : Integer.toString(d));
    }
    return b.append(']').toString();
  }

  /** The product of the dimensions, or -1 if one is unknown. */
  public static int size(int[] shape) {
    int n = 1;
    for (int d : shape) {
      if (d < 0) {
        return -1;
      }
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  /** An input-shape error of {@code layer}: "{layer}: expected input {expected}, got {actual}". */
  static ShapeMismatchException mismatch(Layer layer, String expected, int[] actual) {
    return new ShapeMismatchException(layer + ": expected input " + expected + ", got " + batchShape(actual));
  }
}
