package dev.tfe.random;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A cryptographically secure pseudo-random generator: AES-128 in counter mode from the JDK
 * ({@code AES/CTR/NoPadding}, hardware-accelerated where the CPU has AES-NI), keyed by a 32-byte
 * {@link Seed} (16 bytes of key, 16 bytes of initial counter).
 *
 * <p>Every share and mask in tfe-java comes from this class. A fresh generator is seeded from
 * {@link SecureRandom}; a generator built from a received seed expands exactly the same stream
 * as its sender's, which is how the crypto producer sends one server's correlated randomness as
 * a seed instead of as tensors (Pond, tf-encrypted; "seeded" dealer of Demmler et al., ABY).
 */
public final class SecurePrg {
  private static final int CHUNK = 1 << 16;
  /** The plaintext that AES/CTR encrypts into the key stream; only ever read, so shared. */
  private static final byte[] ZEROS = new byte[CHUNK];
  private final Cipher cipher;
  /**
   * The key stream buffer: grown on demand up to {@link #CHUNK}, since most streams are short
   * (a seed, one small tensor) and a run derives hundreds of them.
   */
  private byte[] buf = new byte[0];
  private ByteBuffer view = ByteBuffer.wrap(buf);

  private SecurePrg(Seed seed) {
    try {
      cipher = Cipher.getInstance("AES/CTR/NoPadding");
      byte[] s = seed.bytes();
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(s, 0, 16, "AES"), new IvParameterSpec(s, 16, 16));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/CTR is not available in this JVM", e);
    }
  }

  /** A generator seeded from {@link SecureRandom}. */
  public static SecurePrg fresh() {
    return new SecurePrg(Seed.random());
  }

  /** The deterministic stream of {@code seed}. */
  public static SecurePrg fromSeed(Seed seed) {
    return new SecurePrg(seed);
  }

  /** Fills {@code out} with uniform 64-bit words. */
  public void nextLongs(long[] out) {
    int i = 0;
    while (i < out.length) {
      int words = Math.min(CHUNK / 8, out.length - i);
      if (buf.length < words * 8) {
        buf = new byte[Math.min(CHUNK, Math.max(words * 8, 2 * buf.length))];
        view = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
      }
      fill(words * 8);
      view.clear();
      view.asLongBuffer().get(out, i, words);
      i += words;
    }
  }

  /**
   * Fills {@code out[off, off + len)} with the next {@code len} bytes of the key stream, in
   * stream order: the same bytes, in the same order, as the little-endian words of
   * {@link #nextLongs(long[])} (so {@code len / 8} words of either read the same stream), but
   * written straight by the cipher, with no conversion.
   */
  public void nextBytes(byte[] out, int off, int len) {
    Objects.checkFromIndexSize(off, len, out.length);
    try {
      while (len > 0) {
        int n = Math.min(CHUNK, len);
        int done = cipher.update(ZEROS, 0, n, out, off);
        if (done != n) {
          throw new IllegalStateException("AES/CTR produced " + done + " bytes instead of " + n);
        }
        off += n;
        len -= n;
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code n} uniform 64-bit words. */
  public long[] nextLongs(int n) {
    long[] r = new long[n];
    nextLongs(r);
    return r;
  }

  /** Uniform values in {@code [0, bound)} by rejection sampling (no modulo bias). */
  public long[] nextBounded(int n, long bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive, got " + bound);
    }
    long[] r = new long[n];
    long[] word = new long[Math.max(16, n + n / 8 + 8)];
    int filled = 0;
    long mask = -1L >>> Long.numberOfLeadingZeros(bound - 1 | 1);
    while (filled < n) {
      nextLongs(word);
      for (int i = 0; i < word.length && filled < n; i++) {
        long v = word[i] & mask;
        if (v < bound) {
          r[filled++] = v;
        }
      }
    }
    return r;
  }

  /** Uniform values in {@code [0, 2^64 - 1)}, the odd ring of SecureNN's share conversion. */
  public long[] nextOddRing(int n) {
    long[] r = nextLongs(n);
    for (int i = 0; i < n; i++) {
      while (r[i] == -1L) {
        r[i] = nextLongs(1)[0];
      }
    }
    return r;
  }

  /** A 32-byte seed drawn from this stream. */
  public Seed nextSeed() {
    long[] w = nextLongs(4);
    return Seed.fromLongs(w);
  }

  private void fill(int bytes) {
    try {
      int done = cipher.update(ZEROS, 0, bytes, buf, 0);
      if (done != bytes) {
        throw new IllegalStateException("AES/CTR produced " + done + " bytes instead of " + bytes);
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
