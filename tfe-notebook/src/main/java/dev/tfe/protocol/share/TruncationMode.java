package dev.tfe.protocol.share;

/**
 * How two-server additive sharing (Pond, SecureNN) divides a product by {@code 2^f}.
 *
 * <ul>
 *   <li>{@link #LOCAL}: each server shifts its own share (SecureML, Mohassel and Zhang, S&amp;P
 *       2017, Theorem 1). No communication. For {@code |x| < 2^k} (as a ring element) the result
 *       is off by at most one unit in the last place, except with probability at most
 *       {@code 2^(k+1-64)}, when it is wrong by about {@code 2^(64-f)}: with 16 fractional bits
 *       and products near 2^40, about one element in 2^23.</li>
 *   <li>{@link #INTERACTIVE}: the servers open the product masked by a uniform {@code r} from the
 *       crypto producer, who also deals shares of {@code r >> f} and of the top bit of
 *       {@code r}, which fixes the wrap-around exactly. One round, {@code 5n} words plus a seed;
 *       off by at most one unit in the last place for every {@code |x| < 2^62}, with no large
 *       errors. The default.</li>
 * </ul>
 */
public enum TruncationMode {
  LOCAL,
  INTERACTIVE
}
