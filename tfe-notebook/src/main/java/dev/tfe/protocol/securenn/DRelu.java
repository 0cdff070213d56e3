package dev.tfe.protocol.securenn;

import dev.tfe.graph.Ops;
import dev.tfe.protocol.share.Pair;

/**
 * DReLU, the derivative of ReLU (Wagh, Gupta and Chandran, PoPETs 2019, Algorithm 6): shares
 * over Z_2^64 of {@code [a >= 0]}, reading {@code a} as a signed 64-bit value, so DReLU(0) = 1.
 *
 * <ol>
 *   <li>Locally {@code c = 2a}: even, so never {@code 2^64 - 1}, which ShareConvert needs.</li>
 *   <li>{@link ShareConvert}: {@code c} over the odd ring (4 rounds).</li>
 *   <li>{@link ComputeMsb}: {@code MSB(c)} over Z_2^64 (4 rounds).</li>
 *   <li>Locally {@code 1 - MSB(c)}.</li>
 * </ol>
 * {@code MSB(2a mod 2^64)} is bit 62 of {@code a}, which equals its sign bit whenever
 * {@code -2^62 <= a < 2^62}: DReLU is exact on that range, which holds every fixed-point value and
 * every untruncated product of two. Cost: {@code 488n} bytes in 8 rounds, against the paper's
 * {@code 8 l log p + 19 l} bits ({@code 664n} bytes with one byte per Z_67 element) in 8 rounds.
 */
final class DRelu {
  private DRelu() {}

  static Pair run(Keys k, Pair a) {
    Ops ops = k.ops();
    try (var s = ops.graph().opScope(SecureNn.NAME, "drelu")) {
      Pair c = a.map(v -> ops.shl(v, 1));
      Pair y = ShareConvert.run(k, c);
      Pair msb = ComputeMsb.run(k, y);
      return new Pair(ops.addScalar(ops.neg(msb.on0()), 1), ops.neg(msb.on1()));
    }
  }
}
