package dev.tfe.protocol.fss;

import dev.tfe.graph.Ops;
import dev.tfe.protocol.Parties;
import dev.tfe.protocol.fss.kernels.FssOps;
import dev.tfe.protocol.fss.kernels.ReluKeys;
import dev.tfe.protocol.share.Dealer;
import dev.tfe.protocol.share.Pair;

/**
 * ReLU in one online round (the ReLU gate of Boyle et al., Eurocrypt 2021, Section 5, and LLAMA,
 * Gupta et al., PoPETs 2022): the servers open {@code y = x + r} ({@link MaskedOpening}: {@code 2 * 8n}
 * online bytes) and each evaluates its key of {@link ReluKeys} at {@code y}, getting shares of
 * {@code x [x >= 0]} directly: no product, so no second round. Offline: two keys of
 * {@code 8 * ReluKeys.words(k) = 32k + 16} bytes per element. Exact for {@code |x| < 2^(k-1)}.
 */
final class ReluGate {
  private ReluGate() {}

  static Pair run(Ops ops, FssOps fss, Parties parties, Dealer dealer, int bits, Pair x) {
    try (var s = ops.graph().opScope(Fss.NAME, "reluGate")) {
      MaskedOpening o = MaskedOpening.open(ops, parties, dealer, x, ReluKeys.words(bits), (r, seed) -> fss.reluGen(r, seed, bits));
      Pair rs = o.r().shares();
      return new Pair(fss.reluEval(o.y().on0(), rs.on0(), o.keys().on0(), bits, 0),
          fss.reluEval(o.y().on1(), rs.on1(), o.keys().on1(), bits, 1));
    }
  }
}
