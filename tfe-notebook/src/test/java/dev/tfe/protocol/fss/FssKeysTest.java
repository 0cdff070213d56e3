package dev.tfe.protocol.fss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tfe.protocol.fss.kernels.Dcf;
import dev.tfe.protocol.fss.kernels.ReluKeys;
import dev.tfe.protocol.fss.kernels.SignKeys;
import dev.tfe.random.SecurePrg;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Key evaluation against the functions the keys stand for: a DCF's two evaluations add up to
 * {@code beta [x < alpha]}, for one and two payload words, at and around {@code alpha} and at random points; DReLU keys give
 * {@code [x >= 0]} and ReLU-gate keys {@code max(x, 0)} exactly over the whole range {@code [-2^(k-1), 2^(k-1))}, at its edges (0, -1,
 * {@code +-(2^(k-1) - 1)}, {@code -2^(k-1)}) and at random points, under random masks.
 */
@Timeout(60)
class FssKeysTest {
  private static long[] half(long[] both, int which) {
    int len = both.length / 2;
    return Arrays.copyOfRange(both, which * len, (which + 1) * len);
  }

  @ParameterizedTest(name = "n = {0}")
  @ValueSource(ints = {1, 2, 7, 31, 32, 63})
  void dcfAddsUpToBetaBelowAlpha(int n) {
    SecurePrg rnd = SecurePrg.fresh();
    Random rand = new Random(n);
    long mask = n == 64 ? -1L : (1L << n) - 1;
    int funcs = 40;
    int points = 12;
    long[] alpha = new long[funcs * points];
    long[][] beta = new long[2][funcs * points];
    long[] x = new long[funcs * points];
    for (int f = 0; f < funcs; f++) {
      long a = f == 0 ? 0 : f == 1 ? mask : rand.nextLong() & mask;
      long b0 = rand.nextLong();
      long b1 = rand.nextLong();
      long[] xs = {a, a - 1, a + 1, 0, mask, a - 2, a + 2, rand.nextLong(), rand.nextLong(), a ^ 1, a ^ (1L << (n - 1)), ~a};
      for (int p = 0; p < points; p++) {
        int e = f * points + p;
        alpha[e] = a;
        beta[0][e] = b0;
        beta[1][e] = b1;
        x[e] = xs[p] & mask;
      }
    }
    int count = x.length;
    for (int m = 1; m <= 2; m++) {
      Dcf.Layout l = new Dcf.Layout(n, m, 0);
      long[] k0 = new long[count * l.words()];
      long[] k1 = new long[count * l.words()];
      Dcf.gen(l, alpha, beta, count, rnd, k0, k1);
      long[][] v0 = Dcf.eval(l, 0, k0, x, count);
      long[][] v1 = Dcf.eval(l, 1, k1, x, count);
      for (int j = 0; j < m; j++) {
        for (int e = 0; e < count; e++) {
          long want = Long.compareUnsigned(x[e], alpha[e]) < 0 ? beta[j][e] : 0;
          assertEquals(want, v0[j][e] + v1[j][e], "payload word " + j + " of " + m + ", alpha " + alpha[e] + " x " + x[e]);
        }
      }
    }
  }

  @ParameterizedTest(name = "k = {0}")
  @ValueSource(ints = {2, 3, 16, 32, 33, 40, 64})
  void dreluIsExactOverTheWholeRange(int k) {
    SecurePrg rnd = SecurePrg.fresh();
    Random rand = new Random(k);
    long lim = 1L << (k - 1);
    long[] edges = {0, -1, lim - 1, -(lim - 1), -lim, 1, lim - 2, -lim + 2};
    int count = 4000;
    long[] x = new long[count];
    for (int i = 0; i < count; i++) {
      x[i] = i < edges.length * 100 ? edges[i % edges.length] : (k == 64 ? rand.nextLong() : Math.floorMod(rand.nextLong(), 2 * lim) - lim);
    }
    long[] r = rnd.nextLongs(count);
    for (int i = 0; i < 8; i++) {
      r[i] = i % 2 == 0 ? 0 : -1; // extreme masks too
    }
    long[] keys = SignKeys.gen(k, r, rnd);
    long[] y = new long[count];
    for (int i = 0; i < count; i++) {
      y[i] = x[i] + r[i];
    }
    long[] d0 = SignKeys.eval(k, 0, half(keys, 0), y);
    long[] d1 = SignKeys.eval(k, 1, half(keys, 1), y);
    long[] r0 = rnd.nextLongs(count);
    long[] r1 = new long[count];
    for (int i = 0; i < count; i++) {
      r1[i] = r[i] - r0[i];
    }
    long[] gate = ReluKeys.gen(k, r, rnd);
    long[] g0 = ReluKeys.eval(k, 0, half(gate, 0), y, r0);
    long[] g1 = ReluKeys.eval(k, 1, half(gate, 1), y, r1);
    for (int i = 0; i < count; i++) {
      assertEquals(x[i] >= 0 ? 1 : 0, d0[i] + d1[i], "drelu of x = " + x[i] + " on " + k + " bits");
      assertEquals(Math.max(x[i], 0), g0[i] + g1[i], "relu gate of x = " + x[i] + " on " + k + " bits");
    }
  }

  @Test
  void keySizeIsTheSchemesFormula() {
    // (k - 1) levels of 128-bit seed correction (with both control bits) and a 64-bit value correction,
    // the root seed, the final correction and one share of r_H: 24k + 8 bytes
    assertEquals(33 * 24 + 8, 8 * SignKeys.words(33));
    assertEquals(64 * 24 + 8, 8 * SignKeys.words(64));
    // the ReLU gate: a second value correction per level, a second final correction, a second share
    assertEquals(33 * 32 + 16, 8 * ReluKeys.words(33));
  }

  @Test
  void badWidthsAndKeysAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> SignKeys.checkBits(65));
    assertThrows(IllegalArgumentException.class, () -> SignKeys.checkBits(1));
    assertThrows(IllegalArgumentException.class, () -> new FssModule(70));
    assertThrows(IllegalArgumentException.class, () -> SignKeys.eval(33, 0, new long[5], new long[2]));
    assertThrows(IllegalArgumentException.class, () -> ReluKeys.eval(33, 0, new long[5], new long[2], new long[2]));
    assertThrows(IllegalArgumentException.class, () -> new Dcf.Layout(32, 3, 0));
  }
}
