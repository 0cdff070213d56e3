package dev.tfe.protocol.fss.kernels;

import dev.tfe.random.SecurePrg;

/**
 * The ReLU gate (Boyle et al., Eurocrypt 2021, Section 5; LLAMA, Gupta et al., PoPETs 2022):
 * shares of {@code ReLU(x) = x [x >= 0]} from the open {@code y = x + r} alone, with no product
 * afterwards. Since {@code x = y - r}, {@code ReLU(x) = y d - r d} with {@code d = [x >= 0]}: the
 * first term is a public value times shares of {@code d}; for the second, the dealer, who knows
 * {@code r}, adds a second payload word to the comparison key of {@link SignKeys}. With
 * {@code c = [y_L < r_L]} and {@code w = r_H XOR c = r_H + (1 - 2 r_H) c} (see {@link SignKeys}),
 * {@code d = 1 - y_H - (1 - 2 y_H) w} and
 * {@code r d = r (1 - y_H) - (1 - 2 y_H) r w}, where {@code r w = r r_H + c r (1 - 2 r_H)}: the key
 * is a DCF with payload {@code (1 - 2 r_H, r (1 - 2 r_H))} at {@code alpha = r_L}, plus shares of
 * {@code r_H} and {@code r r_H}; the servers' shares of {@code r} come from the dealer's seeds.
 * Exact on the same range as DReLU, {@code |x| < 2^(k-1)}.
 *
 * <p>Keys: {@link #words(int)} words ({@code 4k + 2}) per element and server. Evaluation costs
 * three AES blocks per level, one more than DReLU's; it saves the product's round and its
 * {@code 16} online bytes per element.
 */
public final class ReluKeys {
  private ReluKeys() {}

  private static Dcf.Layout layout(int k) {
    return new Dcf.Layout(k - 1, 2, 2);
  }

  /** Words per element of a key for {@code k}-bit comparisons. */
  public static int words(int k) {
    return layout(k).words();
  }

  /** The two servers' keys for masks {@code r}, as {@code [key0..., key1...]}. */
  public static long[] gen(int k, long[] r, SecurePrg rnd) {
    SignKeys.checkBits(k);
    int n = k - 1;
    int count = r.length;
    Dcf.Layout l = layout(k);
    int w = l.words();
    long[] alpha = new long[count];
    long[][] beta = new long[2][count];
    long lowMask = (1L << n) - 1;
    for (int e = 0; e < count; e++) {
      alpha[e] = r[e] & lowMask;
      beta[0][e] = 1 - 2 * ((r[e] >>> n) & 1);
      beta[1][e] = r[e] * beta[0][e];
    }
    long[] both = new long[2 * count * w];
    int o1 = count * w;
    Dcf.gen(l, alpha, beta, count, rnd, both, 0, both, o1);
    long[] share = rnd.nextLongs(2 * count);
    for (int e = 0; e < count; e++) {
      long rH = (r[e] >>> n) & 1;
      both[e * w + l.extra(0)] = share[2 * e];
      both[o1 + e * w + l.extra(0)] = rH - share[2 * e];
      both[e * w + l.extra(1)] = share[2 * e + 1];
      both[o1 + e * w + l.extra(1)] = r[e] * rH - share[2 * e + 1];
    }
    return both;
  }

  /** Server {@code b}'s shares of {@code ReLU(x)} from the open {@code y}, its shares of {@code r} and its keys. */
  public static long[] eval(int k, int b, long[] key, long[] y, long[] rShare) {
    int n = k - 1;
    int count = y.length;
    Dcf.Layout l = layout(k);
    int w = l.words();
    if (key.length != count * w || rShare.length != count) {
      throw new IllegalArgumentException("fss relu: " + key.length + " key words and " + rShare.length
          + " mask shares for " + count + " values of " + k + " bits; expected " + count * w + " and " + count);
    }
    long[][] c = Dcf.eval(l, b, key, y, count);
    long[] out = new long[count];
    for (int e = 0; e < count; e++) {
      long yH = (y[e] >>> n) & 1;
      long sgn = 1 - 2 * yH;
      long wShare = c[0][e] + key[e * w + l.extra(0)];
      long rwShare = c[1][e] + key[e * w + l.extra(1)];
      long d = (b == 0 ? 1 - yH : 0) - sgn * wShare;
      long rd = rShare[e] * (1 - yH) - sgn * rwShare;
      out[e] = y[e] * d - rd;
    }
    return out;
  }
}
