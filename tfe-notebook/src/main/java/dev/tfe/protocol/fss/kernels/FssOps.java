package dev.tfe.protocol.fss.kernels;

import dev.tfe.graph.Attrs;
import dev.tfe.graph.Graph;
import dev.tfe.graph.NodeRef;
import dev.tfe.graph.Ops;
import dev.tfe.ring.Shapes;

/**
 * Typed builders for the kernels of the FSS protocol, next to {@link Ops}: the dealer's key
 * generation and a server's key evaluation for DReLU ({@link SignKeys}). The kernels are in
 * {@link FssKernels}; every attribute is plain data.
 */
public final class FssOps {
  public static final String DRELU_GEN = "fss.drelu.gen";
  public static final String DRELU_EVAL = "fss.drelu.eval";
  public static final String RELU_GEN = "fss.relu.gen";
  public static final String RELU_EVAL = "fss.relu.eval";

  private final Graph graph;

  public FssOps(Ops ops) {
    this.graph = ops.graph();
  }

  /**
   * On the dealer: the DReLU keys of both servers for the masks {@code r}, {@code [2, n, w]} for
   * {@code n} masks and {@code w = SignKeys.words(bits)}, drawn from {@code seed}.
   */
  public NodeRef dreluGen(NodeRef r, NodeRef seed, int bits) {
    samePlace(DRELU_GEN, r, seed);
    SignKeys.checkBits(bits);
    int[] shape = {2, Shapes.size(r.shape()), SignKeys.words(bits)};
    return graph.add(DRELU_GEN, r.party(), Attrs.of("bits", (long) bits), shape, 8, r, seed);
  }

  /** On server {@code party}: its shares of {@code [x >= 0]} from the open {@code y = x + r} and its keys. */
  public NodeRef dreluEval(NodeRef y, NodeRef key, int bits, int party) {
    samePlace(DRELU_EVAL, y, key);
    int n = Shapes.size(y.shape());
    if (key.shape().length != 2 || key.shape()[0] != n || key.shape()[1] != SignKeys.words(bits)) {
      throw new IllegalArgumentException(DRELU_EVAL + ": keys " + Shapes.str(key.shape()) + " do not fit " + n
          + " values compared on " + bits + " bits");
    }
    return graph.add(DRELU_EVAL, y.party(), Attrs.of("bits", (long) bits, "party", (long) party), y.shape(), 8, y, key);
  }

  /** On the dealer: the ReLU-gate keys of both servers for the masks {@code r} ({@link ReluKeys}), {@code [2, n, w]}. */
  public NodeRef reluGen(NodeRef r, NodeRef seed, int bits) {
    samePlace(RELU_GEN, r, seed);
    SignKeys.checkBits(bits);
    int[] shape = {2, Shapes.size(r.shape()), ReluKeys.words(bits)};
    return graph.add(RELU_GEN, r.party(), Attrs.of("bits", (long) bits), shape, 8, r, seed);
  }

  /** On server {@code party}: its shares of {@code ReLU(x)} from the open {@code y = x + r}, its share of {@code r} and its keys. */
  public NodeRef reluEval(NodeRef y, NodeRef rShare, NodeRef key, int bits, int party) {
    samePlace(RELU_EVAL, y, key);
    samePlace(RELU_EVAL, y, rShare);
    Shapes.requireSame(RELU_EVAL, y.shape(), rShare.shape());
    int n = Shapes.size(y.shape());
    if (key.shape().length != 2 || key.shape()[0] != n || key.shape()[1] != ReluKeys.words(bits)) {
      throw new IllegalArgumentException(RELU_EVAL + ": keys " + Shapes.str(key.shape()) + " do not fit " + n
          + " values compared on " + bits + " bits");
    }
    return graph.add(RELU_EVAL, y.party(), Attrs.of("bits", (long) bits, "party", (long) party), y.shape(), 8, y, rShare, key);
  }

  private static void samePlace(String op, NodeRef a, NodeRef b) {
    if (!a.party().equals(b.party())) {
      throw new IllegalStateException(op + ": operands are on different parties (" + a.party() + ", " + b.party()
          + "); a protocol must move values explicitly");
    }
  }
}
