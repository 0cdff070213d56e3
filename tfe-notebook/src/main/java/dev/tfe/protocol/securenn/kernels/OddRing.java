package dev.tfe.protocol.securenn.kernels;

import dev.tfe.ring.RingTensor;
import dev.tfe.ring.Shapes;

/**
 * Arithmetic in the odd ring Z_(2^64 - 1), on Java {@code long}s read as unsigned integers in
 * {@code [0, 2^64 - 1)}. SecureNN (Wagh, Gupta and Chandran, PoPETs 2019, Section 3) converts
 * shares of Z_2^64 into this ring because its modulus is odd: there the most significant bit of
 * {@code a} is the least significant bit of {@code 2a}, which the third server can help compute.
 *
 * <p>Since {@code 2^64 = 1} in this ring, a carry out of a 64-bit addition adds one and a borrow
 * out of a subtraction takes one away. The value {@code 2^64 - 1} (the word {@code -1L}) is never
 * produced: it is {@code 0}.
 */
public final class OddRing {
  /** The modulus {@code 2^64 - 1}, as the unsigned word {@code -1L}. */
  public static final long MODULUS = -1L;

  private OddRing() {}

  /** {@code v mod (2^64 - 1)} for any 64-bit word (only {@code 2^64 - 1} itself changes: to 0). */
  public static long reduce(long v) {
    return v == -1L ? 0 : v;
  }

  /** {@code (a + b) mod (2^64 - 1)} for reduced operands. */
  public static long add(long a, long b) {
    long s = a + b;
    if (Long.compareUnsigned(s, a) < 0) {
      s += 1; // carry: 2^64 = 1
    }
    return s == -1L ? 0 : s;
  }

  /** {@code (a - b) mod (2^64 - 1)} for reduced operands. */
  public static long sub(long a, long b) {
    long d = a - b;
    if (Long.compareUnsigned(a, b) < 0) {
      d -= 1; // borrow: -2^64 = -1
    }
    return d;
  }

  /** {@code -a mod (2^64 - 1)}. */
  public static long neg(long a) {
    return a == 0 ? 0 : -1L - a;
  }

  /** 1 when {@code a + b} overflows 64 bits as unsigned integers (SecureNN's {@code wrap}), else 0. */
  public static long wrap(long a, long b) {
    return Long.compareUnsigned(a + b, a) < 0 ? 1 : 0;
  }

  /** Element-wise {@link #add}. */
  public static RingTensor add(RingTensor a, RingTensor b) {
    Shapes.requireSame("odd-ring add", a.shape(), b.shape());
    long[] x = a.data();
    long[] y = b.data();
    long[] r = new long[x.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = add(x[i], y[i]);
    }
    return RingTensor.of(r, a.shape());
  }

  /** Element-wise {@link #sub}. */
  public static RingTensor sub(RingTensor a, RingTensor b) {
    Shapes.requireSame("odd-ring sub", a.shape(), b.shape());
    long[] x = a.data();
    long[] y = b.data();
    long[] r = new long[x.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = sub(x[i], y[i]);
    }
    return RingTensor.of(r, a.shape());
  }

  /** Element-wise {@link #wrap}: the carries of {@code a + b} over Z_2^64, as 0/1. */
  public static RingTensor wrap(RingTensor a, RingTensor b) {
    Shapes.requireSame("wrap", a.shape(), b.shape());
    long[] x = a.data();
    long[] y = b.data();
    long[] r = new long[x.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = wrap(x[i], y[i]);
    }
    return RingTensor.of(r, a.shape());
  }

  /** Element-wise {@code 2a + x mod (2^64 - 1)}: ComputeMSB's masked double. */
  public static RingTensor doublePlus(RingTensor a, RingTensor x) {
    Shapes.requireSame("odd-ring 2a+x", a.shape(), x.shape());
    long[] p = a.data();
    long[] q = x.data();
    long[] r = new long[p.length];
    for (int i = 0; i < r.length; i++) {
      long v = reduce(p[i]);
      r[i] = add(add(v, v), reduce(q[i]));
    }
    return RingTensor.of(r, a.shape());
  }
}
