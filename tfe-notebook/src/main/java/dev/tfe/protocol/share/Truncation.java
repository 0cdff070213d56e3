package dev.tfe.protocol.share;

import dev.tfe.graph.NodeRef;
import dev.tfe.graph.ValueKind;
import dev.tfe.graph.Ops;
import dev.tfe.protocol.Parties;

/**
 * Division of a shared product by {@code 2^f}, in the two ways of {@link TruncationMode}.
 *
 * <p>Interactive truncation, step by step, for shares {@code x0 + x1 = x} with {@code |x| < 2^62}:
 * <ol>
 *   <li>The crypto producer draws a uniform {@code r} and deals shares of {@code r},
 *       {@code r >>> f} and {@code msb(r)}.</li>
 *   <li>The servers open {@code c = x + 2^62 + r} (one round; {@code c} is uniform, so it tells
 *       nothing). With {@code y = x + 2^62} in {@code [0, 2^63)}, the sum {@code y + r} wrapped
 *       around 2^64 exactly when {@code c < 2^63} and {@code msb(r) = 1}.</li>
 *   <li>Locally: {@code y >> f = (c >>> f) - (r >>> f) + wrap * 2^(64-f) - borrow}, with
 *       {@code borrow} in {0, 1}; subtracting {@code 2^(62-f)} gives {@code x >> f} within one unit.</li>
 * </ol>
 * This is the truncation-pair idea of ABY3 (Mohassel and Rindal, CCS 2018) with the exact wrap
 * correction through {@code msb(r)} of Escudero et al. (CRYPTO 2020), specialised to a dealer.
 */
public final class Truncation {
  private Truncation() {}

  /** Local truncation (SecureML): each server shifts its share; off by one unit with high probability. */
  public static AdditivePrivateTensor local(Ops ops, AdditivePrivateTensor x, int f) {
    NodeRef z0 = ops.shr(x.share0, f);
    NodeRef z1 = ops.neg(ops.shr(ops.neg(x.share1), f));
    return new AdditivePrivateTensor(z0, z1);
  }

  /** Interactive truncation with a truncation pair from {@code dealer} (steps above). */
  public static AdditivePrivateTensor interactive(Ops ops, Parties parties, Dealer dealer, AdditivePrivateTensor x, int f) {
    Dealt r = dealer.random(x.shape());
    Pair rHi = dealer.share(ops.shru(r.value(), f));
    Pair msb = dealer.share(ops.shru(r.value(), 63));
    NodeRef c0 = ops.addScalar(ops.add(x.share0, r.shares().on0()), 1L << 62);
    NodeRef c1 = ops.add(x.share1, r.shares().on1());
    NodeRef cOn0 = ops.add(c0, ops.move(c1, parties.server0(), ValueKind.MASKED));
    NodeRef cOn1 = ops.add(ops.move(c0, parties.server1(), ValueKind.MASKED), c1);
    // server0: (c >>> f) - rHi0 + [c < 2^63] * msb0 * 2^(64-f) - 2^(62-f)
    NodeRef small0 = ops.lessThanUnsigned(cOn0, Long.MIN_VALUE);
    NodeRef wrap0 = ops.shl(ops.mul(small0, msb.on0()), 64 - f);
    NodeRef z0 = ops.add(ops.sub(ops.shru(cOn0, f), rHi.on0()), wrap0);
    z0 = ops.addScalar(z0, -(1L << (62 - f)));
    // server1: -rHi1 + [c < 2^63] * msb1 * 2^(64-f)
    NodeRef small1 = ops.lessThanUnsigned(cOn1, Long.MIN_VALUE);
    NodeRef wrap1 = ops.shl(ops.mul(small1, msb.on1()), 64 - f);
    NodeRef z1 = ops.sub(wrap1, rHi.on1());
    return new AdditivePrivateTensor(z0, z1);
  }
}
