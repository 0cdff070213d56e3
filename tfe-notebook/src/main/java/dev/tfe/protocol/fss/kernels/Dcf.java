package dev.tfe.protocol.fss.kernels;

import dev.tfe.random.SecurePrg;

/**
 * Distributed comparison functions (Boyle, Chandran, Gilboa, Gupta, Ishai, Kumaresan and
 * Kolobov, "Function Secret Sharing for Mixed-Mode and Fixed-Point Secure Computation",
 * Eurocrypt 2021, Figure 3): keys {@code k0, k1} for {@code f(x) = beta if x < alpha else 0}
 * on {@code n}-bit inputs, with {@code beta} one or two words of Z_2^64 ({@link Layout#payload}),
 * such that {@code Eval(0, k0, x) + Eval(1, k1, x) = f(x)} and each key alone is pseudorandom,
 * independent of {@code alpha} and {@code beta}.
 *
 * <p>Both parties walk the same binary tree along the bits of {@code x}, most significant first;
 * each node has a 126-bit seed and a control bit {@code t}. Gen follows {@code alpha}'s path and
 * publishes, per level, a seed correction {@code s_CW}, two control-bit corrections and a value
 * correction {@code V_CW} per payload word: off {@code alpha}'s path the two parties' seeds become
 * equal (their outputs cancel), and a step off the path to the left, where {@code x < alpha},
 * adds {@code beta}. The PRG is {@link MmoPrg}: {@code H_LEFT} and {@code H_RIGHT} give a
 * child's seed and control bit (the low bit), {@code H_VALUE} (and {@code H_VALUE2}) the value
 * words of both children.
 *
 * <p>Key layout ({@link Layout}), per element: the root seed (2 words); per level {@code s_CW}
 * with {@code t_CW^L} in bit 0 of its low word and {@code t_CW^R} in bit 0 of its high word, then
 * the {@code V_CW}s; the final corrections; words the caller uses. With one payload word that is
 * {@code 24n + 24} bytes plus the caller's, the paper's {@code n(lambda + 2 + l) + lambda + l} bits
 * ({@code lambda = 128, l = 64}) rounded to words. Evaluation costs {@code 1 + m} AES blocks per
 * level for {@code m} payload words, key generation {@code 2(2 + m)}.
 */
public final class Dcf {
  /** Seeds keep 126 bits: bit 0 of each word carries control bits in keys. */
  private static final long SEED_MASK = ~1L;
  /** Elements processed level by level together: their keys (about 800 bytes each) stay in cache. */
  private static final int CHUNK = 1024;

  private Dcf() {}

  /**
   * Where the words of a key are.
   *
   * @param bits the input bits {@code n}
   * @param payload the payload words {@code m}, 1 or 2
   * @param extras the caller's words at the end
   */
  public record Layout(int bits, int payload, int extras) {
    public Layout {
      if (bits < 1 || bits > 64 || payload < 1 || payload > 2 || extras < 0) {
        throw new IllegalArgumentException("dcf: " + bits + " bits, " + payload + " payload words, " + extras + " extras");
      }
    }

    /** Words per key. */
    public int words() {
      return 2 + (2 + payload) * bits + payload + extras;
    }

    int level(int i) {
      return 2 + (2 + payload) * i;
    }

    int last() {
      return 2 + (2 + payload) * bits;
    }

    /** The index of the caller's word {@code j}. */
    public int extra(int j) {
      return last() + payload + j;
    }
  }

  /**
   * Keys for {@code count} functions {@code beta[j][e] [x < alpha[e]]} (only the low {@code n}
   * bits of {@code alpha} count), written to {@code key0} and {@code key1}
   * ({@code count * layout.words()} words each, the extras left as they are); randomness from {@code rnd}.
   */
  public static void gen(Layout layout, long[] alpha, long[][] beta, int count, SecurePrg rnd, long[] key0, long[] key1) {
    gen(layout, alpha, beta, count, rnd, key0, 0, key1, 0);
  }

  /**
   * {@link #gen} writing server 0's keys into {@code key0} from {@code off0} and server 1's into
   * {@code key1} from {@code off1}: one array can hold both, with no copy (the dealer's memory
   * peaks at the keys themselves).
   */
  public static void gen(Layout layout, long[] alpha, long[][] beta, int count, SecurePrg rnd, long[] key0, int off0,
      long[] key1, int off1) {
    MmoPrg prg = new MmoPrg();
    for (int from = 0; from < count; from += CHUNK) {
      genChunk(layout, alpha, beta, from, Math.min(CHUNK, count - from), rnd, prg, key0, off0, key1, off1);
    }
  }

  /** {@link #gen} for the elements {@code [from, from + count)}: a chunk whose keys stay in cache across levels. */
  private static void genChunk(Layout layout, long[] alpha, long[][] beta, int from, int count, SecurePrg rnd, MmoPrg prg,
      long[] key0, int o0, long[] key1, int o1) {
    int n = layout.bits();
    int m = layout.payload();
    int w = layout.words();
    long[] root = rnd.nextLongs(4 * count);
    // seeds of party 0 in [0, count), party 1 in [count, 2 count)
    long[] lo = new long[2 * count];
    long[] hi = new long[2 * count];
    long[] t = new long[2 * count];
    long[][] vAlpha = new long[m][count];
    for (int e = 0; e < count; e++) {
      lo[e] = root[4 * e];
      hi[e] = root[4 * e + 1];
      lo[count + e] = root[4 * e + 2];
      hi[count + e] = root[4 * e + 3];
      t[count + e] = 1;
      int g = (from + e) * w;
      key0[o0 + g] = lo[e];
      key0[o0 + g + 1] = hi[e];
      key1[o1 + g] = lo[count + e];
      key1[o1 + g + 1] = hi[count + e];
    }
    long[] lLo = new long[2 * count];
    long[] lHi = new long[2 * count];
    long[] rLo = new long[2 * count];
    long[] rHi = new long[2 * count];
    long[][] vL = new long[m][2 * count];
    long[][] vR = new long[m][2 * count];
    for (int i = 0; i < n; i++) {
      prg.hash(MmoPrg.LEFT, lo, hi, 2 * count, lLo, lHi);
      prg.hash(MmoPrg.RIGHT, lo, hi, 2 * count, rLo, rHi);
      for (int j = 0; j < m; j++) {
        prg.hash(MmoPrg.VALUE + j, lo, hi, 2 * count, vL[j], vR[j]);
      }
      int shift = n - 1 - i;
      for (int e = 0; e < count; e++) {
        int f = count + e;
        long a = (alpha[from + e] >>> shift) & 1;
        long tl0 = lLo[e] & 1;
        long tl1 = lLo[f] & 1;
        long tr0 = rLo[e] & 1;
        long tr1 = rLo[f] & 1;
        long sign = t[f] == 1 ? -1 : 1;
        long tclL = tl0 ^ tl1 ^ a ^ 1;
        long tclR = tr0 ^ tr1 ^ a;
        int base = (from + e) * w + layout.level(i);
        // a = 0: keep left, lose right; a = 1: keep right, lose left, where x < alpha: beta
        long[] keepLo = a == 0 ? lLo : rLo;
        long[] keepHi = a == 0 ? lHi : rHi;
        long cwLo = ((a == 0 ? rLo[e] : lLo[e]) ^ (a == 0 ? rLo[f] : lLo[f])) & SEED_MASK;
        long cwHi = ((a == 0 ? rHi[e] : lHi[e]) ^ (a == 0 ? rHi[f] : lHi[f])) & SEED_MASK;
        for (int j = 0; j < m; j++) {
          long[] lose = a == 0 ? vR[j] : vL[j];
          long[] keep = a == 0 ? vL[j] : vR[j];
          long vcw = sign * (lose[f] - lose[e] - vAlpha[j][e]) + (a == 1 ? sign * beta[j][from + e] : 0);
          vAlpha[j][e] = vAlpha[j][e] - keep[f] + keep[e] + sign * vcw;
          key0[o0 + base + 2 + j] = key1[o1 + base + 2 + j] = vcw;
        }
        key0[o0 + base] = key1[o1 + base] = cwLo | tclL;
        key0[o0 + base + 1] = key1[o1 + base + 1] = cwHi | tclR;
        long tcKeep = a == 0 ? tclL : tclR;
        long m0 = -t[e];
        long m1 = -t[f];
        long tKeep0 = keepLo[e] & 1;
        long tKeep1 = keepLo[f] & 1;
        lo[e] = (keepLo[e] & SEED_MASK) ^ (m0 & cwLo);
        hi[e] = (keepHi[e] & SEED_MASK) ^ (m0 & cwHi);
        lo[f] = (keepLo[f] & SEED_MASK) ^ (m1 & cwLo);
        hi[f] = (keepHi[f] & SEED_MASK) ^ (m1 & cwHi);
        t[e] = tKeep0 ^ (t[e] & tcKeep);
        t[f] = tKeep1 ^ (t[f] & tcKeep);
      }
    }
    long[][] conv = {hi, lo};
    for (int e = 0; e < count; e++) {
      int f = count + e;
      long sign = t[f] == 1 ? -1 : 1;
      int g = (from + e) * w + layout.last();
      for (int j = 0; j < m; j++) {
        key0[o0 + g + j] = key1[o1 + g + j] = sign * (conv[j][f] - conv[j][e] - vAlpha[j][e]);
      }
    }
  }

  /**
   * Party {@code b}'s shares of {@code f(x[e])} for {@code count} inputs, each with its own key
   * ({@code key}, {@code count * layout.words()} words); only the low {@code n} bits of {@code x}
   * count. Returns one array per payload word.
   */
  public static long[][] eval(Layout layout, int b, long[] key, long[] x, int count) {
    MmoPrg prg = new MmoPrg();
    long[][] out = new long[layout.payload()][count];
    for (int from = 0; from < count; from += CHUNK) {
      evalChunk(layout, b, key, x, from, Math.min(CHUNK, count - from), prg, out);
    }
    return out;
  }

  private static void evalChunk(Layout layout, int b, long[] key, long[] x, int from, int count, MmoPrg prg, long[][] out) {
    int n = layout.bits();
    int m = layout.payload();
    int w = layout.words();
    long[] lo = new long[count];
    long[] hi = new long[count];
    long[] t = new long[count];
    long[][] v = new long[m][count];
    for (int e = 0; e < count; e++) {
      lo[e] = key[(from + e) * w];
      hi[e] = key[(from + e) * w + 1];
      t[e] = b;
    }
    int[] idx0 = new int[count];
    int[] idx1 = new int[count];
    long[] gLo = new long[count];
    long[] gHi = new long[count];
    long[] oLo = new long[count];
    long[] oHi = new long[count];
    long[][] vL = new long[m][count];
    long[][] vR = new long[m][count];
    long[] cLo = new long[count];
    long[] cHi = new long[count];
    for (int i = 0; i < n; i++) {
      int shift = n - 1 - i;
      for (int j = 0; j < m; j++) {
        prg.hash(MmoPrg.VALUE + j, lo, hi, count, vL[j], vR[j]);
      }
      int c0 = 0;
      int c1 = 0;
      for (int e = 0; e < count; e++) {
        if (((x[from + e] >>> shift) & 1) == 0) {
          idx0[c0++] = e;
        } else {
          idx1[c1++] = e;
        }
      }
      childSeeds(prg, MmoPrg.LEFT, idx0, c0, lo, hi, gLo, gHi, oLo, oHi, cLo, cHi);
      childSeeds(prg, MmoPrg.RIGHT, idx1, c1, lo, hi, gLo, gHi, oLo, oHi, cLo, cHi);
      for (int e = 0; e < count; e++) {
        long bit = (x[from + e] >>> shift) & 1;
        int base = (from + e) * w + layout.level(i);
        long cwLo = key[base];
        long cwHi = key[base + 1];
        long mask = -t[e];
        for (int j = 0; j < m; j++) {
          v[j][e] += (bit == 0 ? vL[j][e] : vR[j][e]) + (mask & key[base + 2 + j]);
        }
        long tc = bit == 0 ? cwLo & 1 : cwHi & 1;
        long nLo = cLo[e];
        lo[e] = (nLo & SEED_MASK) ^ (mask & cwLo & SEED_MASK);
        hi[e] = (cHi[e] & SEED_MASK) ^ (mask & cwHi & SEED_MASK);
        t[e] = (nLo & 1) ^ (t[e] & tc);
      }
    }
    long[][] conv = {hi, lo};
    for (int e = 0; e < count; e++) {
      int g = (from + e) * w + layout.last();
      for (int j = 0; j < m; j++) {
        long s = v[j][e] + conv[j][e] + (-t[e] & key[g + j]);
        out[j][from + e] = b == 0 ? s : -s;
      }
    }
  }

  /** The child seeds (low word still with its control bit) of the elements {@code idx[0, c)} into {@code cLo, cHi}. */
  private static void childSeeds(MmoPrg prg, int block, int[] idx, int c, long[] lo, long[] hi, long[] gLo, long[] gHi,
      long[] oLo, long[] oHi, long[] cLo, long[] cHi) {
    if (c == 0) {
      return;
    }
    for (int j = 0; j < c; j++) {
      gLo[j] = lo[idx[j]];
      gHi[j] = hi[idx[j]];
    }
    prg.hash(block, gLo, gHi, c, oLo, oHi);
    for (int j = 0; j < c; j++) {
      cLo[idx[j]] = oLo[j];
      cHi[idx[j]] = oHi[j];
    }
  }
}
