package dev.tfe.protocol.aby3;

import dev.tfe.graph.NodeRef;
import dev.tfe.graph.ValueKind;
import dev.tfe.graph.Ops;
import dev.tfe.protocol.share.Comparison;
import dev.tfe.protocol.share.Pair;
import java.util.List;

/**
 * ABY3's {@link Comparison} capability, over the two-party additive view of replicated shares
 * that the generic comparison functions take: a {@link Pair} with {@code on0 = x_0 + x_1} on
 * party 0 and {@code on1 = x_2} on party 1 ({@link #toPair}, local).
 * <ul>
 *   <li>DReLU: the most significant bit of {@code on0 + on1} by bit decomposition with a
 *       parallel prefix adder ({@link BinarySharing#msbOfSum}: 2 words of binary input and 12
 *       ANDs of 3 words, less the one share of the last AND that nobody reads), flipped and
 *       injected into Z_2^64 ({@link BitInjection}, 3 words): {@code 40n} words (320 bytes per
 *       element) in 8 rounds of latency (the binary inputs overlap the first AND). Exact for every
 *       ring element. As a tensor op, the truth values return to replicated shares: 42 words, 9
 *       rounds.</li>
 *   <li>The exact product: each operand made replicated again ({@link #fromPair}: the shares
 *       {@code (on0 - rho + sigma, rho, on1 - sigma)} with {@code rho, sigma} common to parties
 *       0 and 1; party 2 receives two uniform words, one round, {@code 2n} words per operand),
 *       then one product with resharing ({@code 3n}): 2 rounds, {@code 7n} words.</li>
 * </ul>
 */
final class Aby3Comparison implements Comparison {
  private final Ops ops;
  private final List<String> p;
  private final PairwiseSeeds seeds;
  private final BinarySharing binary;

  Aby3Comparison(Ops ops, List<String> parties, PairwiseSeeds seeds) {
    this.ops = ops;
    this.p = parties;
    this.seeds = seeds;
    this.binary = new BinarySharing(ops, parties, seeds);
  }

  /** The additive view: {@code x_0 + x_1} on party 0, {@code x_2} on party 1. Local. */
  Pair toPair(Shares x) {
    return new Pair(ops.add(x.own()[0], x.next()[0]), x.next()[1]);
  }

  /** Replicated shares of an additive pair: one round, {@code 2n} words to party 2. */
  Shares fromPair(Pair x) {
    int[] shape = x.shape();
    NodeRef[] rho = seeds.common(0, shape);
    NodeRef[] sigma = seeds.common(0, shape);
    NodeRef x0 = ops.add(ops.sub(x.on0(), rho[0]), sigma[0]);
    NodeRef x2 = ops.sub(x.on1(), sigma[1]);
    NodeRef[] own = {x0, rho[1], ops.move(x2, p.get(2), ValueKind.SHARE)};
    NodeRef[] next = {rho[0], x2, ops.move(x0, p.get(2), ValueKind.SHARE)};
    return new Shares(own, next);
  }

  @Override
  public Pair drelu(Pair a) {
    try (var s = ops.graph().opScope(Aby3.NAME, "drelu")) {
      Shares msb = binary.msbOfSum(a.on0(), a.on1());
      return BitInjection.inject(ops, p, seeds, msb, true);
    }
  }

  @Override
  public Pair product(Pair x, Pair y) {
    try (var s = ops.graph().opScope(Aby3.NAME, "product")) {
      return toPair(Multiplication.product(ops, p, seeds, ops::mul, fromPair(x), fromPair(y)));
    }
  }
}
