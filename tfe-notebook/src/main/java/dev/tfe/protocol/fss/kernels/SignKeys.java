package dev.tfe.protocol.fss.kernels;

import dev.tfe.random.SecurePrg;

/**
 * DReLU from one comparison key on {@code k - 1} bits (the sign-bit decomposition of Boyle et al.,
 * Eurocrypt 2021, Section 5, and SIGMA, Gupta et al., PoPETs 2024, Section 4): shares over Z_2^64
 * of {@code [x >= 0]} for a value {@code x} the servers hold in shares, once {@code y = x + r} is
 * open, {@code r} being the dealer's uniform mask.
 *
 * <p>Why it is exact. Read {@code x} modulo {@code 2^k}: for {@code -2^(k-1) <= x < 2^(k-1)} its
 * top bit (bit {@code k - 1}) is its sign, and {@code x = y - r mod 2^k}, since {@code 2^k}
 * divides {@code 2^64}. Split {@code y} and {@code r} into their top bits {@code y_H, r_H} and
 * their low {@code k - 1} bits {@code y_L, r_L}; then the top bit of {@code y - r} is
 * {@code y_H XOR r_H XOR c} with the borrow {@code c = [y_L < r_L]}. The dealer makes a DCF
 * ({@link Dcf}) with {@code alpha = r_L} and payload {@code beta = 1 - 2 r_H} and adds shares of
 * {@code r_H}, so that the servers get shares of {@code w = r_H + (1 - 2 r_H) c = r_H XOR c}; then
 * {@code MSB = y_H + (1 - 2 y_H) w} and {@code DReLU = 1 - MSB} are linear in {@code w} with
 * public coefficients. Nothing is approximate: the result is exact for every {@code x} in
 * that range, and wrong outside it (the caller picks {@code k} so that its values lie inside).
 *
 * <p>Keys: {@link #words(int)} words ({@code 3k + 1}) per element and server, the last word
 * holding the server's share of {@code r_H}.
 */
public final class SignKeys {
  private SignKeys() {}

  /** Words per element of a key for {@code k}-bit comparisons. */
  public static int words(int k) {
    return layout(k).words();
  }

  private static Dcf.Layout layout(int k) {
    return new Dcf.Layout(k - 1, 1, 1);
  }

  /** Checks a compared bit width: 2 to 64. */
  public static int checkBits(int k) {
    if (k < 2 || k > 64) {
      throw new IllegalArgumentException("compared bit width must be between 2 and 64, got " + k);
    }
    return k;
  }

  /** The two servers' keys for masks {@code r} ({@code count} of them), as {@code [key0..., key1...]}. */
  public static long[] gen(int k, long[] r, SecurePrg rnd) {
    int n = k - 1;
    int count = r.length;
    int w = words(k);
    long[] alpha = new long[count];
    long[] beta = new long[count];
    long lowMask = n == 64 ? -1L : (1L << n) - 1;
    for (int e = 0; e < count; e++) {
      alpha[e] = r[e] & lowMask;
      beta[e] = 1 - 2 * ((r[e] >>> n) & 1);
    }
    long[] both = new long[2 * count * w];
    int o1 = count * w;
    Dcf.gen(layout(k), alpha, new long[][] {beta}, count, rnd, both, 0, both, o1);
    long[] share = rnd.nextLongs(count);
    int x = layout(k).extra(0);
    for (int e = 0; e < count; e++) {
      both[e * w + x] = share[e];
      both[o1 + e * w + x] = ((r[e] >>> n) & 1) - share[e];
    }
    return both;
  }

  /** Server {@code b}'s shares of {@code [x >= 0]} from the open {@code y = x + r} and its keys. */
  public static long[] eval(int k, int b, long[] key, long[] y) {
    int n = k - 1;
    int count = y.length;
    if (key.length != count * words(k)) {
      throw new IllegalArgumentException("fss drelu: " + key.length + " key words for " + count + " values of "
          + k + " bits; expected " + count * words(k));
    }
    long[] c = Dcf.eval(layout(k), b, key, y, count)[0];
    int w = words(k);
    int x = layout(k).extra(0);
    long[] d = new long[count];
    for (int e = 0; e < count; e++) {
      long yH = (y[e] >>> n) & 1;
      long wShare = c[e] + key[e * w + x];
      d[e] = (b == 0 ? 1 - yH : 0) - (1 - 2 * yH) * wShare;
    }
    return d;
  }
}
