package dev.tfe.protocol.securenn;

import dev.tfe.graph.NodeRef;
import dev.tfe.graph.ValueKind;
import dev.tfe.graph.Ops;
import dev.tfe.protocol.securenn.kernels.SecureNnOps;
import dev.tfe.protocol.share.Dealt;
import dev.tfe.protocol.share.Pair;

/**
 * ComputeMSB (Wagh, Gupta and Chandran, PoPETs 2019, Algorithm 5): from shares over the odd ring
 * Z_(2^64-1) of {@code a}, shares over Z_2^64 of its most significant bit. In an odd ring,
 * {@code MSB(a) = LSB(y)} with {@code y = 2a}; the servers open {@code r = y + x} for a uniform
 * {@code x} the third server deals, and {@code LSB(y) = LSB(r) XOR LSB(x) XOR (x > r)}, the last
 * bit being whether {@code y + x} wrapped around the odd modulus.
 *
 * <ol>
 *   <li>Dealing (input-independent, first step): {@code x} uniform in the odd ring from the keys
 *       (no traffic), Z_67 shares of its bits ({@code 64n} bytes), Z_2^64 shares of its low bit
 *       ({@code 8n}), a Beaver triple for step 5 ({@code 8n}).</li>
 *   <li>Round 1: the servers open {@code r = 2a + x} to each other ({@code 2 * 8n}).</li>
 *   <li>Round 2: PrivateCompare of {@code x} with {@code r} and a common bit {@code beta}
 *       ({@code 128n}): the third server learns {@code beta' = beta XOR (x > r)}.</li>
 *   <li>Round 3: it deals Z_2^64 shares of {@code beta'} ({@code 8n}).</li>
 *   <li>Round 4: {@code gamma = beta' XOR beta} and {@code delta = LSB(x) XOR LSB(r)} are linear
 *       in the shares; {@code alpha = gamma XOR delta = gamma + delta - 2 gamma delta} takes one
 *       product ({@link Multiply}: {@code 32n} more).</li>
 * </ol>
 * Total {@code 264n} bytes in 4 rounds: the paper's {@code 4 l log p + 13 l} bits without the
 * dealer's parts for server0 and the shares of {@code x} ({@code l log p + 4 l}), which come from keys.
 */
final class ComputeMsb {
  private ComputeMsb() {}

  static Pair run(Keys k, Pair a) {
    Ops ops = k.ops();
    SecureNnOps snn = k.snn();
    String s0 = k.parties().server0();
    String s1 = k.parties().server1();
    try (var s = ops.graph().opScope(SecureNn.NAME, "msb")) {
      int[] shape = a.shape();
      Dealt x = k.randomOdd(shape);
      Pair xBits = k.shareBits(x.value(), ValueKind.DEALT);
      Pair xLsb = k.share(ops.shru(ops.shl(x.value(), 63), 63));
      NodeRef r0 = snn.oddDoublePlus(a.on0(), x.shares().on0());
      NodeRef r1 = snn.oddDoublePlus(a.on1(), x.shares().on1());
      Pair r = new Pair(snn.oddAdd(r0, ops.move(r1, s0, ValueKind.MASKED)), snn.oddAdd(ops.move(r0, s1, ValueKind.MASKED), r1));
      Pair beta = k.commonBits(shape);
      NodeRef betaP = PrivateCompare.run(k, xBits, r, beta);
      Pair betaPShares = k.shareResult(betaP);
      Pair gamma = new Pair(snn.xorPublic(betaPShares.on0(), beta.on0(), 0, false), snn.xorPublic(betaPShares.on1(), beta.on1(), 1, false));
      Pair delta = new Pair(snn.xorPublic(xLsb.on0(), r.on0(), 0, false), snn.xorPublic(xLsb.on1(), r.on1(), 1, false));
      Pair theta = Multiply.product(k, gamma, delta);
      NodeRef alpha0 = ops.sub(ops.add(gamma.on0(), delta.on0()), ops.shl(theta.on0(), 1));
      NodeRef alpha1 = ops.sub(ops.add(gamma.on1(), delta.on1()), ops.shl(theta.on1(), 1));
      return new Pair(alpha0, alpha1);
    }
  }
}
