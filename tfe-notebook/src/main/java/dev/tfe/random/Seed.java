package dev.tfe.random;

import java.security.SecureRandom;
import java.util.Arrays;

/** 32 bytes that key a {@link SecurePrg}: 16 bytes of AES key and 16 of initial counter. */
public final class Seed {
  public static final int BYTES = 32;
  private static final SecureRandom SYSTEM = new SecureRandom();
  private final byte[] bytes;

  private Seed(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A seed from {@link SecureRandom}. */
  public static Seed random() {
    byte[] b = new byte[BYTES];
    synchronized (SYSTEM) {
      SYSTEM.nextBytes(b);
    }
    return new Seed(b);
  }

  public static Seed of(byte[] bytes) {
    if (bytes.length != BYTES) {
      throw new IllegalArgumentException("a seed has " + BYTES + " bytes, got " + bytes.length);
    }
    return new Seed(bytes.clone());
  }

  /** The seed packed into four little-endian longs, as it travels in a ring tensor. */
  public static Seed fromLongs(long[] w) {
    if (w.length != 4) {
      throw new IllegalArgumentException("a seed is 4 words, got " + w.length);
    }
    byte[] b = new byte[BYTES];
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 8; j++) {
        b[i * 8 + j] = (byte) (w[i] >>> (8 * j));
      }
    }
    return new Seed(b);
  }

  public long[] toLongs() {
    long[] w = new long[4];
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 8; j++) {
        w[i] |= (bytes[i * 8 + j] & 0xFFL) << (8 * j);
      }
    }
    return w;
  }

  byte[] bytes() {
    return bytes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Seed s && Arrays.equals(bytes, s.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "Seed[hidden]";
  }
}
