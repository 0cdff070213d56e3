package dev.tfe.protocol.share;

import dev.tfe.fixedpoint.FixedPoint;
import dev.tfe.graph.Graph;
import dev.tfe.graph.NodeRef;
import dev.tfe.graph.Ops;
import dev.tfe.protocol.Parties;
import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.Tensor;
import dev.tfe.ring.ConvGeometry.Padding;
import dev.tfe.ring.ConvGeometry;
import java.util.function.UnaryOperator;

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
public abstract class ComparingProtocol extends AdditiveProtocol {
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
    public Tensor mapLinear(Tensor x, int[] shape, UnaryOperator<NodeRef> f) {
      return ComparingProtocol.this.mapLinear(x, shape, f);
    }

    @Override
    public Tensor mulNoTruncate(Tensor x, Tensor y) {
      return ComparingProtocol.this.mulNoTruncate(x, y);
    }

    @Override
    public Tensor addRingConstant(Tensor x, long k) {
      return ComparingProtocol.this.addRingConstant(x, k);
    }

    @Override
    public Tensor im2col(Tensor x, ConvGeometry g) {
      return ComparingProtocol.this.im2col(x, g);
    }

    @Override
    public Graph.Scope scope(String op) {
      return ComparingProtocol.this.scope(op);
    }

    @Override
    public long poolShift() {
      return ComparingProtocol.this.poolShift();
    }
  }

  @Override
  public boolean supportsComparisons() {
    return true;
  }

  /** {@code [x >= 0]}: the capability's DReLU (SecureNN's: 488 bytes per element in 8 rounds). */
  @Override
  public Tensor drelu(Tensor x) {
    return generic.drelu(x);
  }

  /**
   * Exact ReLU, {@code x * DReLU(x)} (Algorithm 7; SecureNN: 528 bytes per element in 9 rounds), and no
   * truncation, so the result equals the plaintext one bit for bit.
   */
  @Override
  public Tensor relu(Tensor x) {
    return generic.relu(x);
  }

  @Override
  public Tensor less(Tensor x, Tensor y) {
    return generic.less(x, y);
  }

  @Override
  public Tensor greater(Tensor x, Tensor y) {
    return generic.greater(x, y);
  }

  @Override
  public Tensor maximum(Tensor x, Tensor y) {
    return generic.maximum(x, y);
  }

  @Override
  public Tensor select(Tensor cond, Tensor x, Tensor y) {
    return generic.select(cond, x, y);
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
  public Tensor reduceMax(Tensor x, int axis) {
    return generic.reduceMax(x, axis);
  }

  @Override
  public Tensor argmax(Tensor x, int axis) {
    return generic.argmax(x, axis);
  }

  @Override
  public Tensor argmaxOneHot(Tensor x, int axis) {
    return generic.argmaxOneHot(x, axis);
  }

  @Override
  public Tensor maxPool2d(Tensor x, int poolH, int poolW, int strideH, int strideW, Padding padding) {
    return generic.maxPool2d(x, poolH, poolW, strideH, strideW, padding);
  }
}
