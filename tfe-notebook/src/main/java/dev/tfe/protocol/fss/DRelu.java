package dev.tfe.protocol.fss;

import dev.tfe.graph.NodeRef;
import dev.tfe.graph.Ops;
import dev.tfe.protocol.Parties;
import dev.tfe.protocol.fss.kernels.FssOps;
import dev.tfe.protocol.fss.kernels.SignKeys;
import dev.tfe.protocol.share.AdditiveMaskedTensor;
import dev.tfe.protocol.share.AdditivePrivateTensor;
import dev.tfe.protocol.share.Dealer;
import dev.tfe.protocol.share.Dealt;
import dev.tfe.protocol.share.Pair;
import dev.tfe.ring.Shapes;

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
 * The masked opening is kept ({@link #masked}): a product with {@code a} afterwards (ReLU, select,
 * maximum) uses {@code -r} as {@code a}'s Beaver mask and {@code y} as its opening, so that only
 * the other operand is opened.
 */
final class DRelu {
  private DRelu() {}

  /** The DReLU bits, and {@code a} masked by {@code -r} with its opening {@code y}. */
  record Result(Pair bits, AdditiveMaskedTensor masked) {}

  static Result run(Ops ops, FssOps fss, Parties parties, Dealer dealer, int bits, Pair a) {
    String s0 = parties.server0();
    String s1 = parties.server1();
    try (var s = ops.graph().scope("fss.drelu")) {
      int[] shape = a.shape();
      int n = Shapes.size(shape);
      int w = SignKeys.words(bits);
      Dealt r = dealer.random(shape);
      NodeRef k0;
      NodeRef k1;
      try (var keys = ops.graph().scope("fss.keys")) {
        NodeRef both = fss.dreluGen(r.value(), ops.seed(dealer.party()), bits);
        k0 = ops.move(ops.reshape(ops.slice(both, new int[] {0, 0, 0}, new int[] {1, n, w}), n, w), s0);
        k1 = ops.move(ops.reshape(ops.slice(both, new int[] {1, 0, 0}, new int[] {1, n, w}), n, w), s1);
      }
      NodeRef y0 = ops.add(a.on0(), r.shares().on0());
      NodeRef y1 = ops.add(a.on1(), r.shares().on1());
      NodeRef yOn0 = ops.add(y0, ops.move(y1, s0));
      NodeRef yOn1 = ops.add(ops.move(y0, s1), y1);
      Pair b = new Pair(fss.dreluEval(yOn0, k0, bits, 0), fss.dreluEval(yOn1, k1, bits, 1));
      AdditiveMaskedTensor m = new AdditiveMaskedTensor(new AdditivePrivateTensor(a.on0(), a.on1()),
          ops.neg(r.value()), ops.neg(r.shares().on0()), ops.neg(r.shares().on1()), yOn0, yOn1);
      return new Result(b, m);
    }
  }
}
