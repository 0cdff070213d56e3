package dev.tfe.protocol.fss;

import dev.tfe.graph.Ops;
import dev.tfe.protocol.Parties;
import dev.tfe.protocol.fss.kernels.FssOps;
import dev.tfe.protocol.fss.kernels.SignKeys;
import dev.tfe.protocol.share.AdditiveMaskedTensor;
import dev.tfe.protocol.share.AdditivePrivateTensor;
import dev.tfe.protocol.share.Dealer;
import dev.tfe.protocol.share.Dealt;
import dev.tfe.protocol.share.Pair;

/**
 * DReLU by function secret sharing (Boyle et al., Eurocrypt 2021, Section 5; the sign-bit form
 * of SIGMA, Gupta et al., PoPETs 2024): shares over Z_2^64 of {@code [a >= 0]}, exact for
 * {@code -2^(k-1) <= a < 2^(k-1)} ({@link SignKeys} says why).
 *
 * <ol>
 *   <li>Dealing (input-independent, offline): the dealer draws a uniform 64-bit mask {@code r},
 *       whose shares both servers expand from their seeds (no traffic), and a comparison key
 *       pair for {@code r} ({@link SignKeys#gen}); each server receives its key,
 *       {@code 24k + 8} bytes per element ({@code 8 * SignKeys.words(k)}).</li>
 *   <li>One round (online): each server sends the other its share of {@code y = a + r}
 *       ({@code 2 * 8n} bytes); {@code y} is uniform, so it tells nothing.</li>
 *   <li>Locally: each server evaluates its key at {@code y} ({@code 2(k - 1)} AES blocks).</li>
 * </ol>
 * The masked opening is kept ({@link Result#masked}): a product with {@code a} afterwards (a
 * select on {@code a}'s own comparison, as in the max tree with argmax) uses {@code -r} as
 * {@code a}'s Beaver mask and {@code y} as its opening, so that only the other operand is opened.
 */
final class DRelu {
  private DRelu() {}

  /** The DReLU bits, and {@code a} masked by {@code -r} with its opening {@code y}. */
  record Result(Pair bits, AdditiveMaskedTensor masked) {}

  static Result run(Ops ops, FssOps fss, Parties parties, Dealer dealer, int bits, Pair a) {
    try (var s = ops.graph().opScope(Fss.NAME, "drelu")) {
      MaskedOpening o = MaskedOpening.open(ops, parties, dealer, a, SignKeys.words(bits), (r, seed) -> fss.dreluGen(r, seed, bits));
      Pair b = new Pair(fss.dreluEval(o.y().on0(), o.keys().on0(), bits, 0), fss.dreluEval(o.y().on1(), o.keys().on1(), bits, 1));
      Dealt r = o.r();
      AdditiveMaskedTensor m = new AdditiveMaskedTensor(new AdditivePrivateTensor(a.on0(), a.on1()),
          ops.neg(r.value()), ops.neg(r.shares().on0()), ops.neg(r.shares().on1()), o.y().on0(), o.y().on1());
      return new Result(b, m);
    }
  }
}
