package dev.tfe.protocol.aby3;

import dev.tfe.graph.NodeRef;
import dev.tfe.graph.ValueKind;
import dev.tfe.graph.Ops;
import dev.tfe.protocol.aby3.kernels.Aby3Kernels;
import dev.tfe.ring.RingTensor;
import java.util.List;

/**
 * ABY3's binary sharing (Mohassel and Rindal, CCS 2018, sections 5.2 and 5.3): replicated
 * {@link Shares} whose parts combine by exclusive or, each a bit-sliced 64-bit word (bit
 * {@code j} of the word is the {@code j}-th bit of one ring element), so one word operation acts
 * on all 64 bits at once.
 * <ul>
 *   <li>XOR and shifts are local; AND is the product of {@link Multiplication} over GF(2):
 *       {@code c_i = (a_i & b_i) ^ (a_i & b_(i+1)) ^ (a_(i+1) & b_i) ^ z_i} with a binary zero
 *       sharing, then resharing: one round, {@code 3n} words.</li>
 *   <li>A word {@code v} held by party {@code h} is shared as {@code (v ^ rho, rho, 0)} from
 *       party {@code h} on, with {@code rho} common to {@code h} and {@code h + 1}: only
 *       {@code v ^ rho} travels, to {@code h + 2}: one round, {@code n} words.</li>
 *   <li>The most significant bit of {@code a + b} for words held by two parties (bit
 *       decomposition's last bit, section 5.3) by a Kogge-Stone parallel prefix adder:
 *       generate {@code G = A & B} and propagate {@code P = A ^ B}, then for
 *       {@code k = 1, 2, 4, 8, 16, 32}: {@code G ^= P & (G << k)}, {@code P &= P << k} (the last
 *       level needs no {@code P}); the carry into bit 63 is bit 62 of {@code G}. Rounds: 1 + 6;
 *       ANDs: 1 + 2 * 5 + 1 = 12 of {@code n} words each, {@code 36n} words.</li>
 * </ul>
 */
final class BinarySharing {
  /** The shift distances of the prefix adder's levels: log2(64) = 6 of them. */
  static final int[] LEVELS = {1, 2, 4, 8, 16, 32};

  private final Ops ops;
  private final List<String> p;
  private final PairwiseSeeds seeds;

  BinarySharing(Ops ops, List<String> parties, PairwiseSeeds seeds) {
    this.ops = ops;
    this.p = parties;
    this.seeds = seeds;
  }

  /** Binary shares of the word {@code v} held by party {@code h}: {@code n} words to party {@code h + 2}. */
  Shares input(int h, NodeRef v) {
    int h1 = (h + 1) % 3;
    int h2 = (h + 2) % 3;
    int[] shape = v.shape();
    NodeRef[] rho = seeds.common(h, shape);
    NodeRef masked = Aby3Kernels.xor(ops, v, rho[0]);
    NodeRef[] own = new NodeRef[3];
    NodeRef[] next = new NodeRef[3];
    own[h] = masked;
    next[h] = rho[0];
    own[h1] = rho[1];
    next[h1] = ops.constant(p.get(h1), RingTensor.zeros(shape));
    own[h2] = ops.constant(p.get(h2), RingTensor.zeros(shape));
    next[h2] = ops.move(masked, p.get(h2), ValueKind.SHARE);
    return new Shares(own, next);
  }

  Shares xor(Shares a, Shares b) {
    return a.zip(b, (x, y) -> Aby3Kernels.xor(ops, x, y));
  }

  Shares shl(Shares a, int bits) {
    return a.map(v -> ops.shl(v, bits));
  }

  /** {@code a & b}: one round, {@code 3n} words. */
  Shares and(Shares a, Shares b) {
    NodeRef[] z = seeds.zeroBinary(a.shape());
    NodeRef[] c = new NodeRef[3];
    for (int i = 0; i < 3; i++) {
      NodeRef t = Aby3Kernels.xor(ops, Aby3Kernels.and(ops, a.own()[i], b.own()[i]), Aby3Kernels.and(ops, a.own()[i], b.next()[i]));
      t = Aby3Kernels.xor(ops, t, Aby3Kernels.and(ops, a.next()[i], b.own()[i]));
      c[i] = Aby3Kernels.xor(ops, t, z[i]);
    }
    return Multiplication.reshare(ops, p, c);
  }

  /**
   * Binary shares whose bit 63 is the most significant bit of {@code a + b} (mod 2^64), for
   * {@code a} on party 0 and {@code b} on party 1 (the other bits are garbage): the binary inputs,
   * then 7 rounds of ANDs; the inputs overlap the first AND (party 1 makes both binary
   * sharings, so it holds its shares of both operands at once), so the latency of
   * {@code Aby3Comparison.drelu} is 8 rounds with bit injection.
   */
  Shares msbOfSum(NodeRef a, NodeRef b) {
    Shares x = input(0, a);
    Shares y = input(1, b);
    Shares pr = xor(x, y);
    Shares g = and(x, y);
    Shares prop = pr;
    for (int level = 0; level < LEVELS.length; level++) {
      int k = LEVELS[level];
      Shares gNext = xor(g, and(prop, shl(g, k)));
      if (level < LEVELS.length - 1) {
        prop = and(prop, shl(prop, k));
      }
      g = gNext;
    }
    return xor(pr, shl(g, 1));
  }
}
