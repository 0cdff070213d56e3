package dev.tfe.fixedpoint;

import dev.tfe.ring.RingTensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Encodes reals to ring tensors and decodes them back under a {@link FixedPointConfig}.
 *
 * <p>Encoding rounds to the nearest multiple of {@code 2^-f}; it throws a
 * {@link NotFiniteValueException} for NaN or an infinity and a {@link FixedPointOverflowException}
 * when a magnitude exceeds the range, each naming the value and its position (row and column). Decoding reads the ring element as a
 * signed 64-bit integer and divides by {@code 2^f}; it throws when the element lies outside the
 * encodable range, which is how an overflow inside a computation becomes visible.
 */
public final class FixedPoint {
  private final FixedPointConfig config;

  public FixedPoint(FixedPointConfig config) {
    this.config = config;
  }

  public FixedPointConfig config() {
    return config;
  }

  /** Encodes one real. */
  public long encode(double x, String what) {
    double max = config.maxValue();
    if (!Double.isFinite(x)) {
      throw new NotFiniteValueException(what + " is " + x + ": a private or fixed-point value must be a finite "
          + "number; clean the data first (e.g. replace NaN and infinities, or drop those rows)");
    }
    if (Math.abs(x) > max) {
      throw new FixedPointOverflowException(
          what + " = " + x + " does not fit the fixed-point range (|x| <= " + max + " with "
              + config.integralBits() + " integral bits); scale the data down or raise integral bits "
              + "(FixedPointConfig.of(fractional, integral))");
    }
    return Math.round(x * config.scale());
  }

  /** Encodes values of the given shape. */
  public RingTensor encode(double[] values, int[] shape, String what) {
    long[] r = new long[values.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = encode(values[i], what + position(i, shape));
    }
    return RingTensor.of(r, shape);
  }

  /** Encodes an ND4J array (any floating type), keeping its shape. */
  public RingTensor encode(INDArray array, String what) {
    double[] v = array.dup('c').castTo(DataType.DOUBLE).data().asDouble();
    long[] s = array.shape();
    int[] shape = new int[s.length];
    for (int i = 0; i < s.length; i++) {
      shape[i] = Math.toIntExact(s[i]);
    }
    return encode(v, shape, what);
  }

  /**
   * The position of the {@code flat}-th element (row-major) of a tensor of this shape, e.g.
   * {@code [3, 512]} for a matrix, so an error names the row (the example) and the column.
   */
  public static String position(int flat, int[] shape) {
    if (shape.length == 0) {
      return "";
    }
    long size = 1;
    for (int d : shape) {
      size *= d;
    }
    if (size != 0 && (flat < 0 || flat >= size)) {
      return "[" + flat + "]";
    }
    int[] index = new int[shape.length];
    int rest = flat;
    for (int d = shape.length - 1; d >= 0; d--) {
      index[d] = shape[d] == 0 ? 0 : rest % shape[d];
      rest = shape[d] == 0 ? rest : rest / shape[d];
    }
    StringBuilder sb = new StringBuilder("[");
    for (int d = 0; d < index.length; d++) {
      sb.append(d == 0 ? "" : ", ").append(index[d]);
    }
    return sb.append(']').toString();
  }

  /** Decodes one ring element, throwing if it is out of the encodable range. */
  public double decode(long v, String what) {
    long bound = config.bound();
    if (v >= bound || v <= -bound) {
      throw new FixedPointOverflowException(
          what + " overflowed the fixed-point range (|x| < 2^" + config.integralBits()
              + "): the computation produced a value too large to represent; scale the inputs down "
              + "or raise integral bits");
    }
    return (double) v / config.scale();
  }

  /** Decodes a tensor to doubles, row-major. */
  public double[] decode(RingTensor t, String what) {
    long[] d = t.data();
    double[] r = new double[d.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = decode(d[i], what + position(i, t.shape()));
    }
    return r;
  }

  /** Decodes a tensor to an ND4J double array of the same shape. */
  public INDArray decodeToNd4j(RingTensor t, String what) {
    int[] s = t.shape();
    long[] ls = new long[s.length];
    for (int i = 0; i < s.length; i++) {
      ls[i] = s[i];
    }
    return Nd4j.create(decode(t, what), ls, DataType.DOUBLE);
  }
}
