package dev.tfe.protocol.share;

/**
 * The comparison capability of a two-server additive protocol: the only primitives that the
 * generic comparison functions of {@link ComparingProtocol} (ReLU as {@code x * DReLU(x)},
 * select, maximum, the max tree, argmax, max pooling; sigmoid and tanh through them) need. A
 * protocol supplies them and gets every function (FRESCO's {@code DefaultComparison} idea).
 * SecureNN supplies its DReLU (ShareConvert, PrivateCompare, ComputeMSB) and its dealer's product.
 */
public interface Comparison {
  /** Shares over Z_2^64 of the bits {@code [a >= 0]}, reading {@code a} as signed (DReLU(0) = 1). */
  Pair drelu(Pair a);

  /** The exact product (no truncation) of shared values, used with at least one bit operand. */
  Pair product(Pair x, Pair y);

  /**
   * Exact ReLU, {@code x * DReLU(x)} (SecureNN's Algorithm 7) by default; a protocol with a
   * cheaper gate (FSS's, one round) overrides it.
   */
  default Pair relu(Pair x) {
    return SelectShare.relu(this, x);
  }

  /**
   * True when {@link #relu} is one gate, cheaper than DReLU and a product: then the max tree and
   * maximum take {@code max(x, y) = y + ReLU(x - y)} (LLAMA, Gupta et al., PoPETs 2022). False by
   * default (SecureNN: DReLU, then SelectShare).
   */
  default boolean hasReluGate() {
    return false;
  }
}
