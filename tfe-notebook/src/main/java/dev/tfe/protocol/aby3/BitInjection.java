package dev.tfe.protocol.aby3;

import dev.tfe.graph.NodeRef;
import dev.tfe.graph.ValueKind;
import dev.tfe.graph.Ops;
import dev.tfe.protocol.aby3.kernels.Aby3Kernels;
import dev.tfe.protocol.share.Pair;
import java.util.List;

/**
 * Bit injection (Mohassel and Rindal, CCS 2018, section 5.4.1, the semi-honest three-party
 * oblivious transfer): from binary shares of a bit {@code d = s_0 ^ s_1 ^ s_2} (bit 63 of each
 * share word), additive shares over Z_2^64 of {@code d} on parties 0 and 1, the form the generic
 * comparison functions take ({@link Pair}).
 *
 * <p>Party 0 knows {@code t = s_0 ^ s_1}; parties 1 and 2 know {@code c = s_2}, and
 * {@code d = t ^ c}. Party 0, the sender, draws a uniform {@code r} (its share) and offers
 * {@code m_j = (t ^ j) - r} for {@code j = 0, 1}, masked by {@code w_0, w_1} it has in common
 * with party 2; party 2, the helper, sends {@code w_c}; party 1, the receiver, keeps
 * {@code m_c = d - r}. One round, {@code 3n} words, all to party 1 and each uniform to it.
 */
final class BitInjection {
  private BitInjection() {}

  /**
   * Additive shares of bit 63 of the binary-shared {@code bits} (flipped if {@code negate}):
   * {@code on0} on party 0, {@code on1} on party 1.
   */
  static Pair inject(Ops ops, List<String> p, PairwiseSeeds seeds, Shares bits, boolean negate) {
    int[] shape = bits.shape();
    NodeRef t = ops.shru(Aby3Kernels.xor(ops, bits.own()[0], bits.next()[0]), 63);
    if (negate) {
      t = ops.addScalar(ops.neg(t), 1);
    }
    NodeRef cOn1 = ops.shru(bits.next()[1], 63);
    NodeRef cOn2 = ops.shru(bits.own()[2], 63);
    NodeRef r = ops.random(p.get(0), shape);
    NodeRef[] w0 = seeds.common(2, shape);
    NodeRef[] w1 = seeds.common(2, shape);
    // sender (party 0): m0 = t - r, m1 = 1 - t - r, masked by w0 and w1 (its copies are [1])
    NodeRef e0 = ops.add(ops.sub(t, r), w0[1]);
    NodeRef e1 = ops.add(ops.sub(ops.addScalar(ops.neg(t), 1), r), w1[1]);
    // helper (party 2): w_c = w0 + c (w1 - w0)
    NodeRef wc = ops.add(w0[0], ops.mul(cOn2, ops.sub(w1[0], w0[0])));
    // receiver (party 1): e_c - w_c
    NodeRef e0on1 = ops.move(e0, p.get(1), ValueKind.MASKED);
    NodeRef e1on1 = ops.move(e1, p.get(1), ValueKind.MASKED);
    NodeRef ec = ops.add(e0on1, ops.mul(cOn1, ops.sub(e1on1, e0on1)));
    NodeRef mc = ops.sub(ec, ops.move(wc, p.get(1), ValueKind.MASKED));
    return new Pair(r, mc);
  }
}
