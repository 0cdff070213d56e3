package dev.tfe.protocol.fss.kernels;

import dev.tfe.random.SecurePrg;

/**
 * Distributed comparison functions (Boyle, Chandran, Gilboa, Gupta, Ishai, Kumaresan and
 * Kolobov, "Function Secret Sharing for Mixed-Mode and Fixed-Point Secure Computation",
 * Eurocrypt 2021, Figure 3): keys {@code k0, k1} for {@code f(x) = beta if x < alpha else 0}
 * on {@code n}-bit inputs, output group Z_2^64, such that {@code Eval(0, k0, x) + Eval(1, k1, x)
 * = f(x)} and each key alone is pseudorandom, independent of {@code alpha} and {@code beta}.
 *
 * <p>Both parties walk the same binary tree along the bits of {@code x}, most significant first;
 * each node has a 126-bit seed and a control bit {@code t}. Gen follows {@code alpha}'s path and
 * publishes, per level, a seed correction {@code s_CW}, two control-bit corrections and a value
 * correction {@code V_CW}: off {@code alpha}'s path the two parties' seeds become equal (their
 * outputs cancel), and a step off the path to the left, where {@code x < alpha}, adds {@code beta}.
 * The PRG is {@link MmoPrg}: {@code H_LEFT} and {@code H_RIGHT} give a child's seed and control bit
 * (the low bit), {@code H_VALUE} the value words of both children.
 *
 * <p>Key layout, {@link #words(int) 3n + 4} words per element: the root seed (2 words); per level
 * {@code s_CW} with {@code t_CW^L} in bit 0 of its low word and {@code t_CW^R} in bit 0 of its
 * high word, then {@code V_CW}; the final correction; one word the caller uses (see
 * {@link SignKeys}). That is {@code 24n + 32} bytes, against the paper's {@code n(lambda + 2 + l)
 * + lambda + l} bits with {@code lambda = 128, l = 64}: the same, rounded to words. Evaluation
 * costs two AES blocks per level, key generation six.
 */
public final class Dcf {
  /** Seeds keep 126 bits: bit 0 of each word carries control bits in keys. */
  private static final long SEED_MASK = ~1L;
  /** Elements processed level by level together: their keys (about 800 bytes each) stay in cache. */
  private static final int CHUNK = 1024;

  private Dcf() {}

  /** Words per key of an {@code n}-bit DCF. */
  public static int words(int n) {
    return 3 * n + 4;
  }

  /** The index of the caller's word in a key. */
  public static int extraWord(int n) {
    return 3 * n + 3;
  }

  /**
   * Keys for {@code count} functions {@code beta[e] [x < alpha[e]]} (only the low {@code n} bits
   * of {@code alpha} count), written to {@code key0} and {@code key1} ({@code count * words(n)}
   * words each); randomness from {@code rnd}.
   */
  public static void gen(int n, long[] alpha, long[] beta, int count, SecurePrg rnd, long[] key0, long[] key1) {
    MmoPrg prg = new MmoPrg();
    for (int from = 0; from < count; from += CHUNK) {
      genChunk(n, alpha, beta, from, Math.min(CHUNK, count - from), rnd, prg, key0, key1);
    }
  }

  /** {@link #gen} for the elements {@code [from, from + count)}: a chunk whose keys stay in cache across levels. */
  private static void genChunk(int n, long[] alphaAll, long[] betaAll, int from, int count, SecurePrg rnd, MmoPrg prg,
      long[] key0All, long[] key1All) {
    int w = words(n);
    long[] alpha = java.util.Arrays.copyOfRange(alphaAll, from, from + count);
    long[] beta = java.util.Arrays.copyOfRange(betaAll, from, from + count);
    long[] key0 = new long[count * w];
    long[] key1 = new long[count * w];
    long[] root = rnd.nextLongs(4 * count);
    // seeds of party 0 in [0, count), party 1 in [count, 2 count)
    long[] lo = new long[2 * count];
    long[] hi = new long[2 * count];
    long[] t = new long[2 * count];
    long[] vAlpha = new long[count];
    for (int e = 0; e < count; e++) {
      lo[e] = root[4 * e];
      hi[e] = root[4 * e + 1];
      lo[count + e] = root[4 * e + 2];
      hi[count + e] = root[4 * e + 3];
      t[count + e] = 1;
      key0[e * w] = lo[e];
      key0[e * w + 1] = hi[e];
      key1[e * w] = lo[count + e];
      key1[e * w + 1] = hi[count + e];
    }
    long[] lLo = new long[2 * count];
    long[] lHi = new long[2 * count];
    long[] rLo = new long[2 * count];
    long[] rHi = new long[2 * count];
    long[] vL = new long[2 * count];
    long[] vR = new long[2 * count];
    for (int i = 0; i < n; i++) {
      prg.hash(MmoPrg.LEFT, lo, hi, 2 * count, lLo, lHi);
      prg.hash(MmoPrg.RIGHT, lo, hi, 2 * count, rLo, rHi);
      prg.hash(MmoPrg.VALUE, lo, hi, 2 * count, vL, vR);
      int shift = n - 1 - i;
      for (int e = 0; e < count; e++) {
        int f = count + e;
        long a = (alpha[e] >>> shift) & 1;
        long tl0 = lLo[e] & 1;
        long tl1 = lLo[f] & 1;
        long tr0 = rLo[e] & 1;
        long tr1 = rLo[f] & 1;
        long sl0Lo = lLo[e] & SEED_MASK;
        long sl0Hi = lHi[e] & SEED_MASK;
        long sl1Lo = lLo[f] & SEED_MASK;
        long sl1Hi = lHi[f] & SEED_MASK;
        long sr0Lo = rLo[e] & SEED_MASK;
        long sr0Hi = rHi[e] & SEED_MASK;
        long sr1Lo = rLo[f] & SEED_MASK;
        long sr1Hi = rHi[f] & SEED_MASK;
        long sign = t[f] == 1 ? -1 : 1;
        long cwLo;
        long cwHi;
        long vcw;
        long tclL = tl0 ^ tl1 ^ a ^ 1;
        long tclR = tr0 ^ tr1 ^ a;
        long keepLo0;
        long keepHi0;
        long keepLo1;
        long keepHi1;
        long tKeep0;
        long tKeep1;
        long tcKeep;
        if (a == 0) { // keep left, lose right
          cwLo = sr0Lo ^ sr1Lo;
          cwHi = sr0Hi ^ sr1Hi;
          vcw = sign * (vR[f] - vR[e] - vAlpha[e]);
          vAlpha[e] = vAlpha[e] - vL[f] + vL[e] + sign * vcw;
          keepLo0 = sl0Lo;
          keepHi0 = sl0Hi;
          keepLo1 = sl1Lo;
          keepHi1 = sl1Hi;
          tKeep0 = tl0;
          tKeep1 = tl1;
          tcKeep = tclL;
        } else { // keep right, lose left: x < alpha there, so beta
          cwLo = sl0Lo ^ sl1Lo;
          cwHi = sl0Hi ^ sl1Hi;
          vcw = sign * (vL[f] - vL[e] - vAlpha[e]) + sign * beta[e];
          vAlpha[e] = vAlpha[e] - vR[f] + vR[e] + sign * vcw;
          keepLo0 = sr0Lo;
          keepHi0 = sr0Hi;
          keepLo1 = sr1Lo;
          keepHi1 = sr1Hi;
          tKeep0 = tr0;
          tKeep1 = tr1;
          tcKeep = tclR;
        }
        int base = e * w + 2 + 3 * i;
        key0[base] = key1[base] = cwLo | tclL;
        key0[base + 1] = key1[base + 1] = cwHi | tclR;
        key0[base + 2] = key1[base + 2] = vcw;
        long m0 = -t[e];
        long m1 = -t[f];
        lo[e] = keepLo0 ^ (m0 & cwLo);
        hi[e] = keepHi0 ^ (m0 & cwHi);
        lo[f] = keepLo1 ^ (m1 & cwLo);
        hi[f] = keepHi1 ^ (m1 & cwHi);
        t[e] = tKeep0 ^ (t[e] & tcKeep);
        t[f] = tKeep1 ^ (t[f] & tcKeep);
      }
    }
    for (int e = 0; e < count; e++) {
      int f = count + e;
      long sign = t[f] == 1 ? -1 : 1;
      key0[e * w + 3 * n + 2] = key1[e * w + 3 * n + 2] = sign * (hi[f] - hi[e] - vAlpha[e]);
    }
    System.arraycopy(key0, 0, key0All, from * w, count * w);
    System.arraycopy(key1, 0, key1All, from * w, count * w);
  }

  /**
   * Party {@code b}'s shares of {@code f(x[e])} for {@code count} inputs, each with its own key
   * ({@code key}, {@code count * words(n)} words); only the low {@code n} bits of {@code x} count.
   */
  public static long[] eval(int n, int b, long[] key, long[] x, int count) {
    MmoPrg prg = new MmoPrg();
    long[] out = new long[count];
    for (int from = 0; from < count; from += CHUNK) {
      int len = Math.min(CHUNK, count - from);
      int w = words(n);
      long[] part = evalChunk(n, b, java.util.Arrays.copyOfRange(key, from * w, (from + len) * w),
          java.util.Arrays.copyOfRange(x, from, from + len), len, prg);
      System.arraycopy(part, 0, out, from, len);
    }
    return out;
  }

  private static long[] evalChunk(int n, int b, long[] key, long[] x, int count, MmoPrg prg) {
    int w = words(n);
    long[] lo = new long[count];
    long[] hi = new long[count];
    long[] t = new long[count];
    long[] v = new long[count];
    for (int e = 0; e < count; e++) {
      lo[e] = key[e * w];
      hi[e] = key[e * w + 1];
      t[e] = b;
    }
    int[] idx0 = new int[count];
    int[] idx1 = new int[count];
    long[] gLo = new long[count];
    long[] gHi = new long[count];
    long[] oLo = new long[count];
    long[] oHi = new long[count];
    long[] vL = new long[count];
    long[] vR = new long[count];
    long[] cLo = new long[count];
    long[] cHi = new long[count];
    for (int i = 0; i < n; i++) {
      int shift = n - 1 - i;
      prg.hash(MmoPrg.VALUE, lo, hi, count, vL, vR);
      int c0 = 0;
      int c1 = 0;
      for (int e = 0; e < count; e++) {
        if (((x[e] >>> shift) & 1) == 0) {
          idx0[c0++] = e;
        } else {
          idx1[c1++] = e;
        }
      }
      childSeeds(prg, MmoPrg.LEFT, idx0, c0, lo, hi, gLo, gHi, oLo, oHi, cLo, cHi);
      childSeeds(prg, MmoPrg.RIGHT, idx1, c1, lo, hi, gLo, gHi, oLo, oHi, cLo, cHi);
      for (int e = 0; e < count; e++) {
        long bit = (x[e] >>> shift) & 1;
        int base = e * w + 2 + 3 * i;
        long cwLo = key[base];
        long cwHi = key[base + 1];
        long m = -t[e];
        long tc = bit == 0 ? cwLo & 1 : cwHi & 1;
        long nLo = cLo[e];
        long vv = (bit == 0 ? vL[e] : vR[e]) + (m & key[base + 2]);
        v[e] += vv;
        lo[e] = (nLo & SEED_MASK) ^ (m & cwLo & SEED_MASK);
        hi[e] = (cHi[e] & SEED_MASK) ^ (m & cwHi & SEED_MASK);
        t[e] = (nLo & 1) ^ (t[e] & tc);
      }
    }
    long[] out = new long[count];
    for (int e = 0; e < count; e++) {
      long s = v[e] + hi[e] + (-t[e] & key[e * w + 3 * n + 2]);
      out[e] = b == 0 ? s : -s;
    }
    return out;
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
