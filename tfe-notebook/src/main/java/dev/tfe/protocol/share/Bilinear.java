package dev.tfe.protocol.share;

import dev.tfe.graph.NodeRef;
import dev.tfe.graph.Ops;

/** The bilinear maps that Beaver's trick evaluates on shares: element-wise and matrix product. */
public enum Bilinear {
  MUL {
    @Override
    NodeRef apply(Ops ops, NodeRef x, NodeRef y) {
      return ops.mul(x, y);
    }
  },
  MATMUL {
    @Override
    NodeRef apply(Ops ops, NodeRef x, NodeRef y) {
      return ops.matmul(x, y);
    }
  };

  abstract NodeRef apply(Ops ops, NodeRef x, NodeRef y);
}
