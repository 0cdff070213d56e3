package dev.tfe.protocol.fss;

import dev.tfe.graph.NodeRef;
import dev.tfe.graph.ValueKind;
import dev.tfe.graph.Ops;
import dev.tfe.protocol.Parties;
import dev.tfe.protocol.share.Dealer;
import dev.tfe.protocol.share.Dealt;
import dev.tfe.protocol.share.Pair;

/**
 * The two steps every FSS gate shares (Boyle et al., Eurocrypt 2021, Section 3: "offline" and
 * "online" phases of a gate). Offline: the dealer draws a uniform 64-bit mask {@code r}, whose
 * shares both servers expand from their seeds (no traffic), makes the key pair for {@code r}, and
 * sends each server its key (profile scope {@code fss.keys}). Online: each server sends the other
 * its share of {@code y = x + r} ({@code 2 * 8n} bytes, one round); {@code y} is uniform.
 *
 * @param r the mask, on the dealer, with its shares
 * @param y the opened {@code x + r}, a copy on each server
 * @param keys each server's key
 */
record MaskedOpening(Dealt r, Pair y, Pair keys) {

  /** Key generation for masks {@code r} with a fresh dealer seed: {@code [2, n, words]} on the dealer. */
  interface KeyGen {
    NodeRef keys(NodeRef r, NodeRef seed);
  }

  static MaskedOpening open(Ops ops, Parties parties, Dealer dealer, Pair x, int words, KeyGen gen) {
    String s0 = parties.server0();
    String s1 = parties.server1();
    int n = dev.tfe.ring.Shapes.size(x.shape());
    Dealt r = dealer.random(x.shape());
    NodeRef k0;
    NodeRef k1;
    try (var keys = ops.graph().opScope(Fss.NAME, "keys")) {
      NodeRef both = gen.keys(r.value(), ops.seed(dealer.party()));
      k0 = ops.move(ops.reshape(ops.slice(both, new int[] {0, 0, 0}, new int[] {1, n, words}), n, words), s0, ValueKind.DEALT);
      k1 = ops.move(ops.reshape(ops.slice(both, new int[] {1, 0, 0}, new int[] {1, n, words}), n, words), s1, ValueKind.DEALT);
    }
    NodeRef y0 = ops.add(x.on0(), r.shares().on0());
    NodeRef y1 = ops.add(x.on1(), r.shares().on1());
    Pair y = new Pair(ops.add(y0, ops.move(y1, s0, ValueKind.MASKED)), ops.add(ops.move(y0, s1, ValueKind.MASKED), y1));
    return new MaskedOpening(r, y, new Pair(k0, k1));
  }
}
