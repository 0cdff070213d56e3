package dev.tfe.protocol.fss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tfe.protocol.fss.kernels.Dcf;
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
 * {@code beta [x < alpha]} at and around {@code alpha} and at random points; DReLU keys give
 * {@code [x >= 0]} exactly over the whole range {@code [-2^(k-1), 2^(k-1))}, at its edges (0, -1,
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
    long[] beta = new long[funcs * points];
    long[] x = new long[funcs * points];
    for (int f = 0; f < funcs; f++) {
      long a = f == 0 ? 0 : f == 1 ? mask : rand.nextLong() & mask;
      long b = rand.nextLong();
      long[] xs = {a, a - 1, a + 1, 0, mask, a - 2, a + 2, rand.nextLong(), rand.nextLong(), a ^ 1, a ^ (1L << (n - 1)), ~a};
      for (int p = 0; p < points; p++) {
        int e = f * points + p;
        alpha[e] = a;
        beta[e] = b;
        x[e] = xs[p] & mask;
      }
    }
    int count = x.length;
    long[] k0 = new long[count * Dcf.words(n)];
    long[] k1 = new long[count * Dcf.words(n)];
    Dcf.gen(n, alpha, beta, count, rnd, k0, k1);
    long[] v0 = Dcf.eval(n, 0, k0, x, count);
    long[] v1 = Dcf.eval(n, 1, k1, x, count);
    for (int e = 0; e < count; e++) {
      long want = Long.compareUnsigned(x[e], alpha[e]) < 0 ? beta[e] : 0;
      assertEquals(want, v0[e] + v1[e], "alpha " + alpha[e] + " x " + x[e]);
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
    for (int i = 0; i < count; i++) {
      assertEquals(x[i] >= 0 ? 1 : 0, d0[i] + d1[i], "x = " + x[i] + " on " + k + " bits");
    }
  }

  @Test
  void keySizeIsTheSchemesFormula() {
    // (k - 1) levels of 128-bit seed correction (with both control bits) and a 64-bit value correction,
    // the root seed, the final correction and one share of r_H: 24k + 8 bytes
    assertEquals(33 * 24 + 8, 8 * SignKeys.words(33));
    assertEquals(64 * 24 + 8, 8 * SignKeys.words(64));
  }

  @Test
  void badWidthsAndKeysAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> SignKeys.checkBits(65));
    assertThrows(IllegalArgumentException.class, () -> SignKeys.checkBits(1));
    assertThrows(IllegalArgumentException.class, () -> new FssModule(70));
    assertThrows(IllegalArgumentException.class, () -> SignKeys.eval(33, 0, new long[5], new long[2]));
  }
}
