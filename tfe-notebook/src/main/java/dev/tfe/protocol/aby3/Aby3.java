package dev.tfe.protocol.aby3;

import dev.tfe.fixedpoint.FixedPoint;
import dev.tfe.graph.Ops;
import dev.tfe.protocol.LinearOps;
import dev.tfe.protocol.Parties;
import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.Tensor;
import dev.tfe.protocol.share.Pair;
import dev.tfe.protocol.share.PairComparing;
import dev.tfe.protocol.share.PairComparisons;

/**
 * ABY3 (Mohassel and Rindal, "ABY3: A Mixed Protocol Framework for Machine Learning", CCS 2018),
 * tf-encrypted's default protocol: three symmetric parties, 2-out-of-3 replicated sharing over
 * Z_2^64, semi-honest with an honest majority, no dealer. The arithmetic is
 * {@link ReplicatedArithmetic}; exact comparisons come from binary sharing
 * ({@link BinarySharing}: bit decomposition by a parallel prefix adder) and bit injection,
 * supplied as a comparison capability ({@link Aby3Comparison}) to the generic functions of
 * {@link PairComparisons} (ReLU, select, maximum, max tree, argmax, max pooling; sigmoid and tanh
 * through them), which take the two-party additive view of the replicated shares.
 *
 * <p>Per element (asserted by {@code Aby3CommunicationTest}): DReLU 42 words (336 bytes) in 9
 * rounds; ReLU 48 words (384 bytes) in 11 rounds: DReLU on the additive view (40), both operands
 * of {@code x * DReLU(x)} back to replicated shares (2 + 2), the product (2 of its 3 words are
 * read), the result to replicated shares (2).
 */
public class Aby3 extends ReplicatedArithmetic implements PairComparing {
  public static final String NAME = "aby3";

  private final Aby3Comparison capability;
  private final PairComparisons generic;

  public Aby3(Ops ops, FixedPoint fp, Parties parties) {
    super(ops, fp, parties);
    this.capability = new Aby3Comparison(ops, partyList(), seeds());
    this.generic = new PairComparisons(new Host(), capability);
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Replicated shares seen as a two-party additive pair, and back. */
  private final class Host implements PairComparisons.Host {
    @Override
    public Protocol protocol() {
      return Aby3.this;
    }

    @Override
    public Pair pair(Tensor t) {
      return capability.toPair(priv(t));
    }

    @Override
    public Tensor tensor(Pair p) {
      return tensor(capability.fromPair(p));
    }

    private Tensor tensor(Shares s) {
      return ReplicatedArithmetic.tensor(s);
    }

    @Override
    public LinearOps linear() {
      return linearOps();
    }
  }

  @Override
  public PairComparisons comparisons() {
    return generic;
  }
}
