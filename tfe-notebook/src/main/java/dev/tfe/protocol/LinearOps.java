package dev.tfe.protocol;

import dev.tfe.graph.Graph;
import dev.tfe.graph.NodeRef;
import dev.tfe.ring.ConvGeometry;
import java.util.function.UnaryOperator;

/**
 * The local operations of a protocol that generic functions built on top of it need but users do
 * not call: maps that are linear over the ring applied share by share, products with public
 * operands and additions of ring constants without truncation, and the op scope. A protocol hands
 * them out with {@link AbstractProtocol#linearOps()} (for instance to
 * {@code dev.tfe.protocol.share.PairComparisons}), so that no protocol repeats the delegation.
 */
public interface LinearOps {
  /** A map that is linear over the ring applied to every share or copy (any map for public copies). */
  Tensor mapLinear(Tensor x, int[] shape, UnaryOperator<NodeRef> f);

  /** The product with a public operand, not truncated. */
  Tensor mulNoTruncate(Tensor x, Tensor publicY);

  /** Adds the ring constant {@code k} to every element. */
  Tensor addRingConstant(Tensor x, long k);

  /** The im2col patch matrix, locally on every share. */
  Tensor im2col(Tensor x, ConvGeometry g);

  /** A profile scope named after the protocol and {@code op}. */
  Graph.Scope scope(String op);
}
