package dev.tfe.protocol.fss;

import dev.tfe.protocol.ChiSquare;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.protocol.fss.kernels.ReluKeys;
import dev.tfe.protocol.fss.kernels.SignKeys;
import dev.tfe.random.SecurePrg;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a server sees of one DReLU or ReLU gate, its key and the opened {@code y = x + r}, is distributed
 * independently of {@code x}: for inputs at the edges of the range (0, -1, {@code 2^(k-1) - 1},
 * {@code -2^(k-1)}) the views are drawn many times; every bit of every word of the view is
 * balanced, uncorrelated with the top bit of {@code y} (which, with the key's share of the mask's
 * top bit, would give the sign away), and the byte histograms of the views of any two inputs are
 * indistinguishable by a chi-square test. Bit bounds are seven standard deviations: about 240,000 bit checks per case, so six would fail by chance about once in 2,000 runs.
 */
@Timeout(120)
class FssKeyPrivacyTest {
  private static final int K = 33;
  private static final int RUNS = 3000;

  /** The views of server {@code b}: per run, {@code y} followed by its key (DReLU's, or the ReLU gate's). */
  private static long[][] views(long x, int b, boolean gate) {
    SecurePrg rnd = SecurePrg.fresh();
    long[] r = rnd.nextLongs(RUNS);
    long[] keys = gate ? ReluKeys.gen(K, r, rnd) : SignKeys.gen(K, r, rnd);
    int w = gate ? ReluKeys.words(K) : SignKeys.words(K);
    long[][] v = new long[RUNS][];
    for (int i = 0; i < RUNS; i++) {
      long[] view = new long[w + 1];
      view[0] = x + r[i];
      System.arraycopy(keys, (b * RUNS + i) * w, view, 1, w);
      v[i] = view;
    }
    return v;
  }

  @ParameterizedTest(name = "relu gate {0}")
  @ValueSource(booleans = {false, true})
  void aServersViewIsIndependentOfTheInput(boolean gate) {
    long lim = 1L << (K - 1);
    long[] inputs = {0, -1, lim - 1, -lim};
    for (int b = 0; b < 2; b++) {
      long[] first = null;
      for (long x : inputs) {
        long[][] v = views(x, b, gate);
        checkBalancedAndUncorrelated(v, "server" + b + ", x = " + x);
        long[] h = histogram(v);
        assertTrue(ChiSquare.uniform(h) < 400, "server" + b + ", x = " + x + ": bytes not uniform: " + ChiSquare.uniform(h));
        if (first == null) {
          first = h;
        } else {
          double c = ChiSquare.twoSample(first, h);
          assertTrue(c < 400, "server" + b + ": the views of x = 0 and x = " + x + " differ: " + c);
        }
      }
    }
  }

  private static void checkBalancedAndUncorrelated(long[][] v, String what) {
    double sigma = Math.sqrt(RUNS) / 2;
    int len = v[0].length;
    for (int j = 0; j < len; j++) {
      for (int bit = 0; bit < 64; bit++) {
        int ones = 0;
        int agree = 0;
        for (long[] run : v) {
          long a = (run[j] >>> bit) & 1;
          long top = (run[0] >>> (K - 1)) & 1;
          ones += (int) a;
          agree += a == top ? 1 : 0;
        }
        assertTrue(Math.abs(ones - RUNS / 2.0) < 7 * sigma, what + ": bit " + bit + " of word " + j + " is biased: " + ones);
        if (j > 0) {
          assertTrue(Math.abs(agree - RUNS / 2.0) < 7 * sigma,
              what + ": bit " + bit + " of key word " + j + " follows the top bit of y: " + agree);
        }
      }
    }
  }

  private static long[] histogram(long[][] v) {
    long[] h = new long[256];
    for (long[] run : v) {
      for (long x : run) {
        for (int k = 0; k < 8; k++) {
          h[(int) ((x >>> (8 * k)) & 0xFF)]++;
        }
      }
    }
    return h;
  }
}
