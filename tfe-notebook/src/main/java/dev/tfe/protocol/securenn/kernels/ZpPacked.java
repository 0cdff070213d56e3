package dev.tfe.protocol.securenn.kernels;

import dev.tfe.random.SecurePrg;
import dev.tfe.ring.Shapes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Vectors over the small prime field Z_67 of SecureNN's PrivateCompare (Wagh, Gupta and
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
  /** 128 - 67 in every byte: a lane below 128 reaches 128 exactly when it is at least 67. */
  private static final long BELOW_HIGH_FROM_P = 0x3d3d3d3d3d3d3d3dL;
  /** A multiple of p above any negative excursion of PrivateCompare's sums (64 * 66 + 67). */
  private static final int OFFSET = 70 * P;
  /** The 8 bits of a byte spread to the low bits of the 8 bytes of a word (bit {@code j} to byte {@code j}). */
  private static final long[] SPREAD = new long[256];

  static {
    for (int v = 0; v < 256; v++) {
      for (int j = 0; j < 8; j++) {
        SPREAD[v] |= (long) ((v >>> j) & 1) << (8 * j);
      }
    }
  }

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
   *
   * <p>The stream is consumed in 8-byte words: a call that needs part of a word drops the rest
   * of it. The cipher writes its key stream straight into the block, whose bytes are those of
   * {@link SecurePrg#nextLongs(long[])}'s little-endian words in order.
   */
  public static final class ByteSource {
    private static final int BLOCK = 4096; // per cipher call: the JIT compiles the AES-CTR intrinsic sooner
    private final SecurePrg prg;
    private final byte[] block = new byte[BLOCK];
    private int pos = BLOCK;

    public ByteSource(SecurePrg prg) {
      this.prg = prg;
    }

    private void refill() {
      prg.nextBytes(block, 0, BLOCK);
      pos = 0;
    }

    /** Fills {@code out[0, len)} with uniform bytes. */
    public void bytes(byte[] out, int len) {
      int k = 0;
      while (k < len) {
        if (pos == BLOCK) {
          refill();
        }
        int take = Math.min(len - k, BLOCK - pos);
        System.arraycopy(block, pos, out, k, take);
        k += take;
        pos += (take + 7) & ~7; // whole words; only the last take can end inside one
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
      if (out.length < len + 7) {
        throw new IllegalArgumentException("sampling " + len + " elements needs 7 spare bytes, got " + (out.length - len));
      }
      byte[] blk = block;
      int k = 0;
      while (k < len) {
        if (pos == BLOCK) {
          refill();
        }
        // ceil((len - k) / 8) words are needed at least, and none of them ends past len: no check of k inside
        int p = pos;
        int end = p + Math.min(BLOCK - p, (len - k + 7) & ~7);
        for (; p < end; p += 8) {
          for (int j = 0; j < 8; j++) {
            byte v = table[blk[p + j] & 0xFF];
            out[k] = v;
            k += 1 + (v >> 31); // 0 for a rejected byte (-1), else 1; may write up to 7 bytes past len
          }
        }
        pos = p;
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
    long[] z = uniform(src, x.length);
    // eight lanes at a time: bit + p - z in [1, p + 1], less p where that is p or more (no carries between lanes)
    for (int e = 0; e < x.length; e++) {
      long v = x[e];
      int base = e * WORDS;
      for (int w = 0; w < WORDS; w++) {
        long u = SPREAD[(int) (v >>> (w << 3)) & 0xFF] + P_LANES - z[base + w];
        long atLeastP = ((u + BELOW_HIGH_FROM_P) & HIGHS) >>> 7; // 1 in the lanes that are p or more
        z[base + w] = u - atLeastP * P;
      }
    }
    return z;
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
    byte[] unrotated = new byte[BITS];
    int mPlus = party == 0 ? 0 : P; // + m_i for party 0, p - m_i for party 1
    int mSign = party == 0 ? 1 : -1;
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
        unrotated[i] = (byte) mod67(sAll[base + i] * c + mPlus + mSign * mAll[base + i]);
      }
      // entry i goes to (i + sh) mod 64
      System.arraycopy(unrotated, 0, d, base + sh, BITS - sh);
      System.arraycopy(unrotated, BITS - sh, d, base, sh);
    }
    return toWords(d, n * WORDS);
  }

  /**
   * {@code v mod 67} for {@code 0 <= v < 2^20} (PrivateCompare's {@code s_i c_i +- m_i} stay below
   * {@code 66 * 9000 + 67}), by a multiplication instead of a division: {@code 2^32 / 67} rounded
   * up is {@code 64103990}, 34 / 2^32 above the exact quotient, which is too little to reach the
   * next integer below {@code 2^32 / (67 * 34)}, about 1.9 million.
   */
  static int mod67(int v) {
    return v - (int) (((long) v * 64103990L) >>> 32) * P;
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
