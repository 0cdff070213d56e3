package dev.tfe.protocol.share;

import dev.tfe.graph.Ops;

/**
 * SelectShare and ReLU (Wagh, Gupta and Chandran, PoPETs 2019, Algorithms 2 and 7): with shares
 * of a bit {@code b} over Z_2^64, {@code select(b, x, y) = y + b (x - y)}, one product of the protocol's {@link Comparison};
 * ReLU is {@code x * DReLU(x)}, the same product with {@code y = 0}.
 *
 * <p>Cost: {@code 40n} bytes ({@code 5 l} bits per element, as the paper) and one round after
 * {@code b} is known; the paper counts two, the dealer's and the opening: here the dealer's
 * triple travels in the first step, with the inputs, and the opening of {@code x - y} as soon as
 * {@code x - y} is known. The result is exact: a bit times a fixed-point value needs no truncation.
 */
final class SelectShare {
  private SelectShare() {}

  /** {@code y + b (x - y)} for private {@code x - y}, given as {@code diff}. */
  static Pair select(Ops ops, Comparison cmp, String protocol, Pair b, Pair diff, Pair y) {
    try (var s = ops.graph().opScope(protocol, "select")) {
      Pair prod = cmp.product(diff, b);
      return new Pair(ops.add(y.on0(), prod.on0()), ops.add(y.on1(), prod.on1()));
    }
  }

  /** ReLU: {@code x * DReLU(x)}. */
  static Pair relu(Comparison cmp, Pair x) {
    Pair b = cmp.drelu(x);
    return cmp.product(x, b);
  }
}
