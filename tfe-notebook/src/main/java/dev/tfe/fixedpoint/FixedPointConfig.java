package dev.tfe.fixedpoint;

/**
 * The fixed-point encoding of reals into Z_2^64: a real {@code x} is held as the ring element
 * {@code round(x * 2^f)}, with {@code f = fractionalBits}. {@code integralBits} bounds the
 * magnitude: an encodable value satisfies {@code |x| < 2^integralBits}.
 *
 * <p>The configuration is immutable and validated: the product of two encodable values, before
 * it is truncated back by {@code f} bits, must fit in 62 bits so that truncation stays exact up
 * to one unit in the last place (see {@code dev.tfe.protocol.share.Truncation}). That is the rule
 * {@code 2 * (integralBits + fractionalBits) <= 62}; the default is 16 fractional and 15 integral
 * bits. This follows the encoding of SecureML (Mohassel and Zhang, S&amp;P 2017) and Pond in
 * tf-encrypted (Dahl et al., 2018).
 */
public final class FixedPointConfig {
  /** Bits of headroom a product keeps below the sign bit of the 64-bit ring. */
  public static final int PRODUCT_BITS = 62;

  private static final FixedPointConfig DEFAULT = new FixedPointConfig(16, 15);

  private final int fractionalBits;
  private final int integralBits;

  private FixedPointConfig(int fractionalBits, int integralBits) {
    if (fractionalBits < 0 || fractionalBits > 30) {
      throw new IllegalArgumentException(
          "fractional bits must be between 0 and 30, got " + fractionalBits + "; 16 is the default");
    }
    if (integralBits < 1) {
      throw new IllegalArgumentException("integral bits must be at least 1, got " + integralBits);
    }
    if (2 * (fractionalBits + integralBits) > PRODUCT_BITS) {
      throw new IllegalArgumentException(
          "unsafe fixed-point setting: " + integralBits + " integral + " + fractionalBits
              + " fractional bits; a product needs 2*(integral+fractional) <= " + PRODUCT_BITS
              + " bits of the 64-bit ring, so use at most " + (PRODUCT_BITS / 2 - fractionalBits)
              + " integral bits with " + fractionalBits + " fractional bits");
    }
    this.fractionalBits = fractionalBits;
    this.integralBits = integralBits;
  }

  /** 16 fractional bits, 15 integral bits. */
  public static FixedPointConfig defaults() {
    return DEFAULT;
  }

  /** A validated configuration; throws with a suggestion on unsafe settings. */
  public static FixedPointConfig of(int fractionalBits, int integralBits) {
    return new FixedPointConfig(fractionalBits, integralBits);
  }

  public int fractionalBits() {
    return fractionalBits;
  }

  public int integralBits() {
    return integralBits;
  }

  /** The scale {@code 2^f} as a ring element. */
  public long scale() {
    return 1L << fractionalBits;
  }

  /** The largest magnitude an encoded value may have: {@code 2^(integral + fractional)}. */
  public long bound() {
    return 1L << (integralBits + fractionalBits);
  }

  /** The largest real that encodes, just under {@code 2^integralBits}. */
  public double maxValue() {
    return (double) (bound() - 1) / scale();
  }

  /** One unit in the last place, {@code 2^-f}. */
  public double resolution() {
    return 1.0 / scale();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FixedPointConfig c && c.fractionalBits == fractionalBits && c.integralBits == integralBits;
  }

  @Override
  public int hashCode() {
    return fractionalBits * 64 + integralBits;
  }

  @Override
  public String toString() {
    return "FixedPointConfig{fractionalBits=" + fractionalBits + ", integralBits=" + integralBits + "}";
  }
}
