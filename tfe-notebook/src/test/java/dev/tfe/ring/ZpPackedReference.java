package dev.tfe.ring;

import dev.tfe.random.SecurePrg;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A verbatim copy of {@link ZpPacked} as it was before issue 7's speed-ups (word-at-a-time
 * sampling, PrivateCompare with one {@code %} per field element): the oracle that
 * {@code ZpPackedEquivalenceTest} checks the faster code against bit for bit.
 *
 * <p>Original documentation follows.
 *
 * <p>Vectors over the small prime field Z_67 of SecureNN's PrivateCompare (Wagh, Gupta and
 * Chandran, PoPETs 2019, Algorithm 3), one vector of 64 elements per ring element: element
 * {@code i} of the vector belongs to bit {@code i} of a 64-bit value.
 *
 * <p><b>Packing.</b> The 64 field elements of one ring element are stored as 64 bytes in 8 longs
 * (bit {@code i} in byte {@code i % 8}, little endian, of word {@code i / 8}), so a tensor of
 * {@code n} values is a {@code [n, 8]} ring tensor of wire width 8. On the wire that is one
 * byte per field element, as the paper counts {@code log p} bits rounded up to a byte, and the
 * profile counts exactly that; in memory it is eight times less than one long per element of
 * wire width 1, a layout measured here to make DReLU on 128x128 about 1.5 times slower.
 *
 * <p>p = 67 is the smallest prime above 64 + 2, so that the sums PrivateCompare forms (at most
 * 64 + 2 for a 64-bit ring) never wrap around p.
 */
final class ZpPackedReference {
  /** The prime. */
  public static final int P = 67;
  /** Bits per ring element, and field elements per packed vector. */
  public static final int BITS = 64;
  /** Longs per packed vector. */
  public static final int WORDS = 8;

  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long P_LANES = 0x4343434343434343L; // 67 in every byte
  /** A multiple of p above any negative excursion of PrivateCompare's sums (64 * 66 + 67). */
  private static final int OFFSET = 70 * P;

  private ZpPackedReference() {}

  /** The shape of the packed vectors of a tensor of shape {@code shape}: {@code [..shape, 8]}. */
  public static int[] packedShape(int[] shape) {
    int[] s = new int[shape.length + 1];
    System.arraycopy(shape, 0, s, 0, shape.length);
    s[shape.length] = WORDS;
    return s;
  }

  /** The shape of the values whose packed vectors have shape {@code packed}. */
  public static int[] valueShape(int[] packed) {
    if (packed.length == 0 || packed[packed.length - 1] != WORDS) {
      throw new IllegalArgumentException("not a packed Z_67 shape: " + Shapes.str(packed));
    }
    int[] s = new int[packed.length - 1];
    System.arraycopy(packed, 0, s, 0, s.length);
    return s;
  }

  /** Byte {@code i} (field element {@code i}) of the vector starting at word {@code base}. */
  public static int get(long[] packed, int base, int i) {
    return (int) (packed[base + (i >>> 3)] >>> ((i & 7) << 3)) & 0xFF;
  }

  // ---- sampling ---------------------------------------------------------------------------

  /** Byte to uniform Z_67 element, or -1 for a rejected byte (201 = 3 * 67 bytes are kept). */
  private static final byte[] TO_ZP = table(201, P, 0);
  /** Byte to uniform non-zero Z_67 element, or -1 (198 = 3 * 66 bytes are kept). */
  private static final byte[] TO_ZP_STAR = table(198, P - 1, 1);

  private static byte[] table(int keep, int mod, int plus) {
    byte[] t = new byte[256];
    for (int b = 0; b < 256; b++) {
      t[b] = (byte) (b < keep ? b % mod + plus : -1);
    }
    return t;
  }

  /**
   * Uniform bytes from a secure PRG, drawn in blocks, and uniform field elements by rejection
   * sampling from them (no modulo bias). Two parties with generators of the same seed that make
   * the same calls draw the same values.
   */
  public static final class ByteSource {
    private final SecurePrg prg;
    private final long[] block = new long[512]; // 4 KB per cipher call: the JIT compiles the AES-CTR intrinsic sooner
    private int word = block.length;

    public ByteSource(SecurePrg prg) {
      this.prg = prg;
    }

    private long nextWord() {
      if (word == block.length) {
        prg.nextLongs(block);
        word = 0;
      }
      return block[word++];
    }

    /** Fills {@code out[0, len)} with uniform bytes. */
    public void bytes(byte[] out, int len) {
      int k = 0;
      while (k + 8 <= len) {
        long w = nextWord();
        for (int j = 0; j < 8; j++) {
          out[k++] = (byte) (w >>> (j << 3));
        }
      }
      if (k < len) {
        long w = nextWord();
        for (int j = 0; k < len; j++) {
          out[k++] = (byte) (w >>> (j << 3));
        }
      }
    }

    /** Fills {@code out[0, len)} with uniform elements of Z_67; {@code out} needs 8 spare bytes. */
    public void uniform(byte[] out, int len) {
      sample(out, len, TO_ZP);
    }

    /** Fills {@code out[0, len)} with uniform non-zero elements of Z_67; {@code out} needs 8 spare bytes. */
    public void nonZero(byte[] out, int len) {
      sample(out, len, TO_ZP_STAR);
    }

    private void sample(byte[] out, int len, byte[] table) {
      int k = 0;
      while (k < len) {
        long w = nextWord();
        for (int j = 0; j < 8; j++) {
          byte v = table[(int) (w >>> (j << 3)) & 0xFF];
          out[k] = v;
          k += 1 + (v >> 31); // 0 for a rejected byte (-1), else 1; may write up to 7 bytes past len
        }
      }
    }
  }

  /** The bytes of packed words, little endian. */
  static byte[] toBytes(long[] packed) {
    byte[] b = new byte[packed.length * 8];
    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().put(packed);
    return b;
  }

  /** Packed words from bytes, little endian ({@code b} may be longer). */
  static long[] toWords(byte[] b, int words) {
    long[] r = new long[words];
    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(r);
    return r;
  }

  /** {@code n} packed vectors of uniform field elements. */
  public static long[] uniform(ByteSource src, int n) {
    byte[] b = new byte[n * BITS + 8];
    src.uniform(b, n * BITS);
    return toWords(b, n * WORDS);
  }

  /**
   * Shares of the bits of {@code x} over Z_67: {@code bit_i(x) - z_i}, where {@code z} is
   * {@link #uniform}{@code (src, n)}, the other share, expanded from the same stream.
   */
  public static long[] bitShares(long[] x, ByteSource src) {
    int len = x.length * BITS;
    byte[] z = new byte[len + 8];
    src.uniform(z, len);
    for (int e = 0; e < x.length; e++) {
      long v = x[e];
      int base = e * BITS;
      for (int i = 0; i < BITS; i++) {
        int u = (int) ((v >>> i) & 1) + P - z[base + i];
        z[base + i] = (byte) (u >= P ? u - P : u);
      }
    }
    return toWords(z, x.length * WORDS);
  }

  // ---- PrivateCompare ---------------------------------------------------------------------

  /**
   * One server's message to the third server in PrivateCompare: for each element, with
   * {@code x} shared bit by bit over Z_67, {@code r} and the bit {@code beta} known to both
   * servers, the vector {@code d} such that {@code d0 + d1} has a zero exactly when
   * {@code beta XOR (x > r)} is 1. Algorithm 3 of Wagh et al., steps 2 to 4:
   * <ul>
   *   <li>{@code beta = 0}: {@code c_i = r_i - x_i + 1 + sum_(k > i) x_k XOR r_k}, zero exactly at
   *       the top bit where {@code x} exceeds {@code r};</li>
   *   <li>{@code beta = 1}, {@code t = r + 1}: {@code c_i = x_i - t_i + 1 + sum_(k > i) x_k XOR t_k},
   *       zero exactly at the top bit where {@code t} exceeds {@code x}, i.e. when {@code x <= r};</li>
   *   <li>{@code beta = 1} and {@code r = 2^64 - 1}: a vector whose only zero is at bit 0.</li>
   * </ul>
   * Each {@code c_i} is multiplied by a uniform non-zero {@code s_i}, so non-zero entries are
   * uniform in Z_67 minus zero, and the vector is rotated by a uniform offset, so the position of
   * the zero is uniform (only one entry can be zero, so a rotation hides it as well as a full
   * permutation does). Unlike the paper's step 3, each server also adds {@code +m_i} or
   * {@code -m_i} with a uniform mask {@code m} both servers share: the third server then sees
   * only {@code d = d0 + d1}, not the two halves, which it could otherwise relate to the bit
   * shares it dealt itself.
   *
   * @param shares this server's packed bit shares of {@code x}, {@code n * 8} words
   * @param r the public comparand, {@code n} words
   * @param beta the common random bits, {@code n} words of 0/1
   * @param common a byte stream both servers draw identically ({@code s}, {@code m}, rotation)
   * @param party 0 or 1
   */
  public static long[] compare(long[] shares, long[] r, long[] beta, ByteSource common, int party) {
    int n = r.length;
    if (shares.length != n * WORDS || beta.length != n) {
      throw new IllegalArgumentException("private compare: " + shares.length + " packed words, "
          + r.length + " comparands and " + beta.length + " bits do not match");
    }
    int len = n * BITS;
    byte[] sAll = new byte[len + 8];
    byte[] mAll = new byte[len + 8];
    byte[] rot = new byte[n];
    common.nonZero(sAll, len);
    common.uniform(mAll, len);
    common.bytes(rot, n);
    byte[] x = toBytes(shares);
    byte[] d = new byte[len];
    for (int e = 0; e < n; e++) {
      int base = e * BITS;
      int b = (int) beta[e] & 1;
      long rr = r[e];
      int sh = rot[e] & (BITS - 1);
      if (b == 1 && rr == -1L) {
        for (int i = 0; i < BITS; i++) {
          int c = party == 0 && i != 0 ? 1 : 0;
          int mi = mAll[base + i];
          d[base + ((i + sh) & (BITS - 1))] = (byte) ((sAll[base + i] * c + (party == 0 ? mi : P - mi)) % P);
        }
        continue;
      }
      long t = b == 0 ? rr : rr + 1;
      int sigma = 1 - 2 * b;
      // c_i = sigma (party t_i - x_i) + party + sum_(k > i) w_k, plus OFFSET (a multiple of p) to stay positive
      int acc = OFFSET + party;
      for (int i = BITS - 1; i >= 0; i--) {
        int xb = x[base + i];
        int ti = (int) (t >>> i) & 1;
        int c = acc + sigma * (party * ti - xb);
        acc += ti == 0 ? xb : party - xb; // share of x_i XOR t_i
        int mi = mAll[base + i];
        d[base + ((i + sh) & (BITS - 1))] = (byte) ((sAll[base + i] * c + (party == 0 ? mi : P - mi)) % P);
      }
    }
    return toWords(d, n * WORDS);
  }

  /**
   * The third server's step of PrivateCompare: 1 for each element whose vector
   * {@code d0 + d1 mod 67} has a zero entry, else 0.
   */
  public static long[] reveal(long[] d0, long[] d1) {
    if (d0.length != d1.length || d0.length % WORDS != 0) {
      throw new IllegalArgumentException("private compare: halves of " + d0.length + " and " + d1.length + " words");
    }
    int n = d0.length / WORDS;
    long[] r = new long[n];
    for (int e = 0; e < n; e++) {
      long found = 0;
      for (int w = e * WORDS; w < (e + 1) * WORDS; w++) {
        long v = d0[w] + d1[w]; // lanes below 134: no carries across lanes
        found |= hasZeroByte(v) | hasZeroByte(v ^ P_LANES);
      }
      r[e] = found != 0 ? 1 : 0;
    }
    return r;
  }

  /** Non-zero exactly when some byte of {@code v} is zero (the zero-byte test of "Bit Twiddling Hacks"). */
  private static long hasZeroByte(long v) {
    return (v - ONES) & ~v & HIGHS;
  }
}
