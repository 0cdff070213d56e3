package dev.tfe.protocol.aby3;

import dev.tfe.graph.NodeRef;
import dev.tfe.graph.ValueKind;
import dev.tfe.graph.Ops;
import java.util.List;
import java.util.function.BinaryOperator;

/**
 * Products of replicated shares and their truncation (Mohassel and Rindal, CCS 2018, sections
 * 2.2 and 5.1.1), for any bilinear map {@code f} (element-wise product, matrix product).
 *
 * <p>Product, one round: party {@code i} computes its part of a 3-out-of-3 sharing of
 * {@code f(x, y)}, {@code c_i = f(x_i, y_i + y_(i+1)) + f(x_(i+1), y_i) + a_i} with {@code a_i}
 * from a zero sharing ({@link PairwiseSeeds#zero}), and sends it to party {@code i - 1}
 * (resharing): {@code 3n} words in all, each uniform to its receiver.
 *
 * <p>Share truncation (the paper's {@code Pi_trunc1}): the sharing is viewed as a 2-out-of-2
 * additive sharing between two parties, each shifts its part locally (SecureML, Mohassel and
 * Zhang, S&amp;P 2017, Theorem 1), and the result is made replicated again with a value two
 * parties have in common. For {@code |x| < 2^k} the result is {@code floor(x / 2^f)} or one more,
 * except with probability at most {@code 2^(k+1-64)} per element, when it is wrong by about
 * {@code 2^(64-f)}: with 16 fractional bits and products below 2^40, one element in 2^23.
 * <ul>
 *   <li>of a replicated value ({@link #truncate}): {@code a = x_0 + x_1} on party 0,
 *       {@code b = x_2} on parties 1 and 2; the new shares are {@code (r, a' - r, b')} with
 *       {@code r} common to parties 0 and 2: one round, {@code n} words (party 0 to party 1);</li>
 *   <li>fused with a product ({@link #truncatedProduct}): party 2 sends {@code c_2} to party 1, so
 *       that {@code a = c_0} on party 0 and {@code b = c_1 + c_2} on party 1; the new shares are
 *       {@code (a' - rho + tau, rho, b' - tau)} with {@code rho} and {@code tau} common to
 *       parties 0 and 1; party 2 receives the first and the last, each uniform to it (a shifted
 *       part itself is not uniform, so it never travels bare): two rounds, {@code 3n} words.</li>
 * </ul>
 */
final class Multiplication {
  private Multiplication() {}

  /** The 3-out-of-3 parts {@code c_i} of {@code f(x, y)}, masked by a zero sharing. */
  private static NodeRef[] parts(Ops ops, PairwiseSeeds seeds, BinaryOperator<NodeRef> f, Shares x, Shares y) {
    NodeRef[] c = new NodeRef[3];
    NodeRef[] first = new NodeRef[3];
    for (int i = 0; i < 3; i++) {
      NodeRef yy = ops.add(y.own()[i], y.next()[i]);
      first[i] = ops.add(f.apply(x.own()[i], yy), f.apply(x.next()[i], y.own()[i]));
    }
    NodeRef[] zero = seeds.zero(first[0].shape());
    for (int i = 0; i < 3; i++) {
      c[i] = ops.add(first[i], zero[i]);
    }
    return c;
  }

  /** {@code f(x, y)} without truncation: one round of resharing. */
  static Shares product(Ops ops, List<String> parties, PairwiseSeeds seeds, BinaryOperator<NodeRef> f, Shares x, Shares y) {
    return reshare(ops, parties, parts(ops, seeds, f, x, y));
  }

  /** Each party {@code i} sends its part {@code c_i} to party {@code i - 1}. */
  static Shares reshare(Ops ops, List<String> parties, NodeRef[] c) {
    NodeRef[] next = new NodeRef[3];
    for (int i = 0; i < 3; i++) {
      next[i] = ops.move(c[(i + 1) % 3], parties.get(i), ValueKind.SHARE);
    }
    return new Shares(c.clone(), next);
  }

  /** {@code f(x, y) / 2^bits}, truncation fused into the product (see the class comment). */
  static Shares truncatedProduct(Ops ops, List<String> parties, PairwiseSeeds seeds, BinaryOperator<NodeRef> f,
      Shares x, Shares y, int bits) {
    NodeRef[] c = parts(ops, seeds, f, x, y);
    NodeRef a = ops.shr(c[0], bits);
    NodeRef b = ops.add(c[1], ops.move(c[2], parties.get(1), ValueKind.SHARE));
    NodeRef bt = ops.neg(ops.shr(ops.neg(b), bits));
    NodeRef[] rho = seeds.common(0, c[0].shape());
    NodeRef[] tau = seeds.common(0, c[0].shape());
    NodeRef x0 = ops.add(ops.sub(a, rho[0]), tau[0]);
    NodeRef x2 = ops.sub(bt, tau[1]);
    NodeRef[] own = {x0, rho[1], ops.move(x2, parties.get(2), ValueKind.SHARE)};
    NodeRef[] next = {rho[0], x2, ops.move(x0, parties.get(2), ValueKind.SHARE)};
    return new Shares(own, next);
  }

  /** {@code x / 2^bits} of a replicated value: one round, {@code n} words. */
  static Shares truncate(Ops ops, List<String> parties, PairwiseSeeds seeds, Shares x, int bits) {
    NodeRef a = ops.shr(ops.add(x.own()[0], x.next()[0]), bits);
    NodeRef b1 = ops.neg(ops.shr(ops.neg(x.next()[1]), bits));
    NodeRef b2 = ops.neg(ops.shr(ops.neg(x.own()[2]), bits));
    NodeRef[] r = seeds.common(2, x.shape());
    // r[0] is on party 2, r[1] on party 0
    NodeRef x1 = ops.sub(a, r[1]);
    NodeRef[] own = {r[1], ops.move(x1, parties.get(1), ValueKind.SHARE), b2};
    NodeRef[] next = {x1, b1, r[0]};
    return new Shares(own, next);
  }
}
