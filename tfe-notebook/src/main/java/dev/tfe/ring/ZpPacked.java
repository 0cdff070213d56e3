package dev.tfe.ring;

import dev.tfe.random.SecurePrg;

/**
 * Vectors over the small prime field Z_67 of SecureNN's PrivateCompare (Wagh, Gupta and
 * Chandran, PoPETs 2019, Algorithm 3), one vector of 64 elements per ring element: element
 * {@code i} of the vector belongs to bit {@code i} of a 64-bit value.
 *
 * <p><b>Packing.</b> The 64 field elements of one ring element are stored as 64 bytes in 8 longs
 * (bit {@code i} in byte {@code i % 8}, little endian, of word {@code i / 8}), so a tensor of
 * {@code n} values is a {@code [n, 8]} ring tensor. On the wire that is one byte per field
 * element, as the paper counts {@code log p} bits rounded up to a byte, and eight times less
 * memory than one long per element.
 *
 * <p>p = 67 is the smallest prime above 64 + 2, so that the sums PrivateCompare forms (at most
 * 64 + 2 for a 64-bit ring) never wrap around p.
 */
public final class ZpPacked {
  /** The prime. */
  public static final int P = 67;
  /** Bits per ring element, and field elements per packed vector. */
  public static final int BITS = 64;
  /** Longs per packed vector. */
  public static final int WORDS = 8;

  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long P_LANES = 0x4343434343434343L; // 67 in every byte

  private ZpPacked() {}

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

  /** Uniform bytes from a secure PRG, drawn in blocks. */
  public static final class ByteSource {
    private final SecurePrg prg;
    private final long[] block = new long[1024];
    private int word = block.length;
    private int shift = 64;
    private long current;

    public ByteSource(SecurePrg prg) {
      this.prg = prg;
    }

    /** The next uniform byte, as an int in [0, 256). */
    public int next() {
      if (shift == 64) {
        if (word == block.length) {
          prg.nextLongs(block);
          word = 0;
        }
        current = block[word++];
        shift = 0;
      }
      int b = (int) (current >>> shift) & 0xFF;
      shift += 8;
      return b;
    }

    /** Uniform in Z_67, by rejection from bytes below 201 = 3 * 67 (no modulo bias). */
    public int uniform() {
      int b;
      do {
        b = next();
      } while (b >= 201);
      return b % P;
    }

    /** Uniform in Z_67 without zero, by rejection from bytes below 198 = 3 * 66. */
    public int nonZero() {
      int b;
      do {
        b = next();
      } while (b >= 198);
      return b % (P - 1) + 1;
    }
  }

  /** {@code n} packed vectors of uniform field elements. */
  public static long[] uniform(ByteSource src, int n) {
    long[] r = new long[n * WORDS];
    for (int k = 0; k < r.length; k++) {
      long w = 0;
      for (int b = 0; b < 8; b++) {
        w |= (long) src.uniform() << (b << 3);
      }
      r[k] = w;
    }
    return r;
  }

  /**
   * Shares of the bits of {@code x} over Z_67: {@code bit_i(x) - z_i}, where {@code z} is
   * {@link #uniform}{@code (src, n)}, the other share, expanded from the same stream.
   */
  public static long[] bitShares(long[] x, ByteSource src) {
    long[] z = uniform(src, x.length);
    long[] r = new long[z.length];
    for (int e = 0; e < x.length; e++) {
      long v = x[e];
      for (int w = 0; w < WORDS; w++) {
        // the 8 bits of this word, one per byte lane
        long bits = spread((int) (v >>> (w << 3)) & 0xFF);
        long lanes = bits + P_LANES - z[e * WORDS + w]; // each lane in [1, 68]: no borrows across lanes
        long ge = ((lanes + 0x3D3D3D3D3D3D3D3DL) & HIGHS) >>> 7; // 1 in lanes >= 67 (61 + 67 = 128)
        r[e * WORDS + w] = lanes - ge * P;
      }
    }
    return r;
  }

  /** The 8 bits of {@code b} as 0/1 in the 8 byte lanes of a long. */
  static long spread(int b) {
    long r = 0;
    for (int k = 0; k < 8; k++) {
      r |= (long) ((b >>> k) & 1) << (k << 3);
    }
    return r;
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
    long[] out = new long[n * WORDS];
    int[] c = new int[BITS];
    int[] s = new int[BITS];
    int[] m = new int[BITS];
    byte[] d = new byte[BITS];
    for (int e = 0; e < n; e++) {
      int base = e * WORDS;
      int b = (int) beta[e] & 1;
      long rr = r[e];
      if (b == 1 && rr == -1L) {
        for (int i = 0; i < BITS; i++) {
          c[i] = party == 0 && i != 0 ? 1 : 0;
        }
      } else {
        long t = b == 0 ? rr : rr + 1;
        int sigma = 1 - 2 * b;
        int sumW = 0;
        for (int i = BITS - 1; i >= 0; i--) {
          int xb = (int) (shares[base + (i >>> 3)] >>> ((i & 7) << 3)) & 0xFF;
          int ti = (int) (t >>> i) & 1;
          c[i] = sigma * (party * ti - xb) + party + sumW;
          sumW += ti == 0 ? xb : party - xb; // share of x_i XOR t_i
        }
      }
      for (int i = 0; i < BITS; i++) {
        s[i] = common.nonZero();
      }
      for (int i = 0; i < BITS; i++) {
        m[i] = common.uniform();
      }
      int rot = common.next() & (BITS - 1);
      for (int i = 0; i < BITS; i++) {
        int v = (s[i] * c[i] + (party == 0 ? m[i] : P - m[i])) % P;
        if (v < 0) {
          v += P;
        }
        d[(i + rot) & (BITS - 1)] = (byte) v;
      }
      for (int w = 0; w < WORDS; w++) {
        long word = 0;
        for (int k = 0; k < 8; k++) {
          word |= (long) (d[(w << 3) + k] & 0xFF) << (k << 3);
        }
        out[base + w] = word;
      }
    }
    return out;
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
