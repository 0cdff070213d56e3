package dev.tfe.protocol.securenn;

import dev.tfe.graph.NodeRef;
import dev.tfe.graph.ValueKind;
import dev.tfe.protocol.securenn.kernels.SecureNnOps;
import dev.tfe.protocol.share.Pair;

/**
 * PrivateCompare (Wagh, Gupta and Chandran, PoPETs 2019, Algorithm 3): server0 and server1 hold
 * shares over Z_67 of the 64 bits of a value {@code x}, and both know a value {@code r} and a
 * uniform bit {@code beta}; the third server learns {@code beta' = beta XOR (x > r)}, which tells
 * it nothing because it does not know {@code beta}.
 *
 * <p>One round: each server sends the third server 64 elements of Z_67 per value, one byte each
 * ({@code 2 * 64n} bytes, the paper's {@code 2 l log p} bits). The per-bit arithmetic, the masks
 * and the rotation that hide everything but {@code beta'} are in
 * {@link dev.tfe.protocol.securenn.kernels.ZpPacked#compare}; their randomness comes from the servers' common key.
 */
final class PrivateCompare {
  private PrivateCompare() {}

  /**
   * @param bits packed Z_67 shares of the bits of {@code x}
   * @param r the comparand, a copy on each server
   * @param beta the common random bits, a copy on each server
   * @return {@code beta XOR (x > r)} on the third server
   */
  static NodeRef run(Keys k, Pair bits, Pair r, Pair beta) {
    SecureNnOps snn = k.snn();
    String cp = k.parties().cryptoProducer();
    try (var s = k.ops().graph().opScope(SecureNn.NAME, "privateCompare")) {
      int stream = k.next();
      NodeRef d0 = snn.privateCompare(bits.on0(), r.on0(), beta.on0(), k.k01on0, stream, 0);
      NodeRef d1 = snn.privateCompare(bits.on1(), r.on1(), beta.on1(), k.k01on1, stream, 1);
      return snn.privateCompareReveal(k.ops().move(d0, cp, ValueKind.MASKED), k.ops().move(d1, cp, ValueKind.MASKED));
    }
  }
}
