package dev.tfe.fixedpoint;

import dev.tfe.ring.RingTensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Encodes reals to ring tensors and decodes them back under a {@link FixedPointConfig}.
 *
 * <p>Encoding rounds to the nearest multiple of {@code 2^-f} and throws a
 * {@link FixedPointOverflowException} naming the value and its position when a value is not
 * finite or its magnitude reaches {@code 2^integralBits}. Decoding reads the ring element as a
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
    if (!Double.isFinite(x) || Math.abs(x) > max) {
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
      r[i] = encode(values[i], what + "[" + i + "]");
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
      r[i] = decode(d[i], what + "[" + i + "]");
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
