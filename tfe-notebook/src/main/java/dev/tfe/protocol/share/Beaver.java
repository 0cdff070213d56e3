package dev.tfe.protocol.share;

import dev.tfe.graph.NodeRef;
import dev.tfe.graph.ValueKind;
import dev.tfe.graph.Ops;
import dev.tfe.protocol.Parties;

/**
 * Products of private values with Beaver triples (Beaver, CRYPTO 1991), dealt by the crypto
 * producer, for any bilinear map {@code f} (element-wise or matrix product).
 *
 * <ol>
 *   <li>Mask: for each operand not yet masked, the producer deals a uniform {@code a}; the servers
 *       open {@code alpha = x - a} (each sends its share of alpha: one round).</li>
 *   <li>Triple: the producer computes {@code c = f(a, b)} and deals it.</li>
 *   <li>Locally: {@code z_i = c_i + f(alpha, b_i) + f(a_i, beta) + [i = 0] f(alpha, beta)}, since
 *       {@code f(x, y) = f(a + alpha, b + beta)}.</li>
 * </ol>
 *
 * <p>Bytes for {@code f = mul} on n elements, both fresh: the producer sends {@code 3n} words to
 * server1 (a1, b1, c1) and a 32-byte seed to server0; each server sends {@code 2n} words. Total
 * {@code 8 (7n) + 32} bytes in 2 rounds. For {@code matmul} of m x k by k x n: {@code 8 (3mk + 3kn + mn) + 32}.
 * A masked operand reuses its mask: its {@code a} and {@code alpha} terms are not sent again.
 */
public final class Beaver {
  private Beaver() {}

  /** Masks {@code x} with a fresh mask from {@code dealer}. */
  public static AdditiveMaskedTensor mask(Ops ops, Parties parties, Dealer dealer, AdditivePrivateTensor x) {
    Dealt a = dealer.random(x.shape());
    NodeRef alpha0 = ops.sub(x.share0, a.shares().on0());
    NodeRef alpha1 = ops.sub(x.share1, a.shares().on1());
    NodeRef alphaOn0 = ops.add(alpha0, ops.move(alpha1, parties.server0(), ValueKind.MASKED));
    NodeRef alphaOn1 = ops.add(ops.move(alpha0, parties.server1(), ValueKind.MASKED), alpha1);
    return new AdditiveMaskedTensor(x, a.value(), a.shares().on0(), a.shares().on1(), alphaOn0, alphaOn1);
  }

  /** {@code f(x, y)} at scale 2^2f (the caller truncates). */
  public static AdditivePrivateTensor product(Ops ops, Parties parties, Bilinear f, AdditiveMaskedTensor x, AdditiveMaskedTensor y, Dealer dealer) {
    NodeRef c = f.apply(ops, x.a, y.a);
    Pair cs = dealer.share(c);
    NodeRef z0 = ops.add(cs.on0(), ops.add(f.apply(ops, x.alphaOn0, y.a0), f.apply(ops, x.a0, y.alphaOn0)));
    z0 = ops.add(z0, f.apply(ops, x.alphaOn0, y.alphaOn0));
    NodeRef z1 = ops.add(cs.on1(), ops.add(f.apply(ops, x.alphaOn1, y.a1), f.apply(ops, x.a1, y.alphaOn1)));
    return new AdditivePrivateTensor(z0, z1);
  }
}
