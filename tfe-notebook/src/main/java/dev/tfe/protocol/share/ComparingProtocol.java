package dev.tfe.protocol.share;

import dev.tfe.fixedpoint.FixedPoint;
import dev.tfe.graph.Ops;
import dev.tfe.protocol.LinearOps;
import dev.tfe.protocol.Parties;
import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.Tensor;

/**
 * Exact comparisons for two-server additive sharing, over a protocol's {@link Comparison}
 * capability (DReLU and an exact product): DReLU, ReLU as {@code x * DReLU(x)} (SecureNN's
 * Algorithm 7), less and greater, maximum, select (SelectShare, Algorithm 2), the maximum and
 * argmax over an axis by the {@link MaxTree} and max pooling (Algorithm 9 as a tournament);
 * sigmoid and tanh ({@code OddActivation}) are built on these. The functions are written once in
 * {@link PairComparisons}, which this class hands its shares as they are. A protocol with a
 * comparison sub-protocol (SecureNN: Wagh, Gupta and Chandran, PoPETs 2019) extends this class
 * and passes its capability; it writes none of these functions itself.
 *
 * <p>Comparisons read values as signed ring elements and are exact when the compared values (or
 * their difference) lie in {@code [-2^62, 2^62)}: every fixed-point value does. Truth values are
 * returned as the fixed-point numbers 1.0 and 0.0.
 */
public abstract class ComparingProtocol extends AdditiveProtocol implements PairComparing {
  private final PairComparisons generic;

  protected ComparingProtocol(Ops ops, FixedPoint fp, Parties parties, TruncationMode truncation, DealerFactory dealers,
      Comparison comparison) {
    super(ops, fp, parties, truncation, dealers);
    this.generic = new PairComparisons(new Host(), comparison);
  }

  /** This protocol's shares, as they are, to the generic functions. */
  private final class Host implements PairComparisons.Host {
    @Override
    public Protocol protocol() {
      return ComparingProtocol.this;
    }

    @Override
    public Pair pair(Tensor t) {
      AdditivePrivateTensor p = priv(t);
      return new Pair(p.share0(), p.share1());
    }

    @Override
    public Tensor tensor(Pair p) {
      return shares(p.on0(), p.on1());
    }

    @Override
    public LinearOps linear() {
      return linearOps();
    }

    @Override
    public long poolShift() {
      return ComparingProtocol.this.poolShift();
    }
  }

  /**
   * What max pooling with padding adds to every cell so that padded zeros lose: 2^61, for
   * comparisons exact on {@code [-2^62, 2^62)}. A protocol that compares on fewer bits returns
   * a smaller shift that still exceeds every fixed-point value.
   */
  protected long poolShift() {
    return PairComparisons.POOL_SHIFT;
  }

  @Override
  public PairComparisons comparisons() {
    return generic;
  }
}
