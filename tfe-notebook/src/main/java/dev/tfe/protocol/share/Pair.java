package dev.tfe.protocol.share;

import dev.tfe.graph.NodeRef;
import java.util.function.UnaryOperator;

/**
 * Two-server sharing: one value's two parts, {@code on0} on server0 and {@code on1} on server1: additive shares (over
 * the ring the caller names: Z_2^64 for ring values and bits, Z_(2^64-1) after ShareConvert,
 * packed Z_67 vectors for PrivateCompare) or, for a value both servers know, its two copies.
 */
public record Pair(NodeRef on0, NodeRef on1) {
  /** The shape of the value. */
  public int[] shape() {
    return on0.shape();
  }

  /** The same local map applied to both parts (a linear map for shares, any map for copies). */
  public Pair map(UnaryOperator<NodeRef> f) {
    return new Pair(f.apply(on0), f.apply(on1));
  }
}
