package dev.tfe.protocol.securenn;

import dev.tfe.graph.NodeRef;
import dev.tfe.graph.ValueKind;
import dev.tfe.graph.Ops;
import dev.tfe.protocol.securenn.kernels.SecureNnOps;
import dev.tfe.protocol.share.Pair;

/**
 * ShareConvert (Wagh, Gupta and Chandran, PoPETs 2019, Algorithm 4): shares over Z_2^64 of a
 * value {@code a != 2^64 - 1} become shares over the odd ring Z_(2^64-1) of the same integer.
 * The shares' sum wraps around 2^64 or not ({@code theta}); ShareConvert computes that wrap bit
 * with the third server and subtracts it, since {@code 2^64 = 1} in the odd ring.
 *
 * <ol>
 *   <li>Server0 and server1 draw common {@code r0, r1} ({@code r = r0 + r1}) and {@code eta''}.
 *       Round 1: server j sends {@code a_j + r_j} to the third server ({@code 2 * 8n} bytes).</li>
 *   <li>Round 2: the third server adds them into {@code x = a + r}, with carry {@code delta}, and
 *       deals Z_67 shares of the bits of {@code x} ({@code 64n} bytes) and odd-ring shares of
 *       {@code delta} ({@code 8n} bytes), server0's parts from its key.</li>
 *   <li>Round 3: PrivateCompare of {@code x} with {@code r - 1} and {@code eta''}
 *       ({@code 128n} bytes): the third server learns {@code eta' = eta'' XOR (x >= r)}.</li>
 *   <li>Round 4: it deals odd-ring shares of {@code eta'} ({@code 8n} bytes).</li>
 *   <li>Locally: {@code y_j = a_j - theta_j}, where {@code theta} is the sum of the wraps of the
 *       shares, of {@code x} and of {@code r}, and {@code x >= r} (see
 *       {@code SecureNnOps#shareConvertFinish}).</li>
 * </ol>
 * Total {@code 224n} bytes in 4 rounds: the paper's {@code 4 l log p + 6 l} bits without the
 * dealer's parts for server0 ({@code l log p + 2 l}), which come from a key.
 */
final class ShareConvert {
  private ShareConvert() {}

  static Pair run(Keys k, Pair a) {
    Ops ops = k.ops();
    SecureNnOps snn = k.snn();
    String cp = k.parties().cryptoProducer();
    try (var s = ops.graph().opScope(SecureNn.NAME, "shareConvert")) {
      int[] shape = a.shape();
      Pair r0 = k.commonRing(shape);
      Pair r1 = k.commonRing(shape);
      NodeRef masked0 = ops.move(ops.add(a.on0(), r0.on0()), cp, ValueKind.MASKED);
      NodeRef masked1 = ops.move(ops.add(a.on1(), r1.on1()), cp, ValueKind.MASKED);
      NodeRef x = ops.add(masked0, masked1);
      NodeRef delta = snn.wrap(masked0, masked1);
      Pair xBits = k.shareBits(x, ValueKind.SHARE);
      Pair deltaShares = k.shareOdd(delta, ValueKind.SHARE);
      Pair etaPP = k.commonBits(shape);
      Pair rMinusOne = new Pair(ops.addScalar(ops.add(r0.on0(), r1.on0()), -1), ops.addScalar(ops.add(r0.on1(), r1.on1()), -1));
      NodeRef etaP = PrivateCompare.run(k, xBits, rMinusOne, etaPP);
      Pair etaPShares = k.shareOdd(etaP, ValueKind.SHARE);
      NodeRef y0 = snn.shareConvertFinish(a.on0(), r0.on0(), r1.on0(), deltaShares.on0(), etaPShares.on0(), etaPP.on0(), 0);
      NodeRef y1 = snn.shareConvertFinish(a.on1(), r0.on1(), r1.on1(), deltaShares.on1(), etaPShares.on1(), etaPP.on1(), 1);
      return new Pair(y0, y1);
    }
  }
}
