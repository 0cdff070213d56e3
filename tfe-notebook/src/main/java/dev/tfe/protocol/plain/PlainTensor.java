package dev.tfe.protocol.plain;

import dev.tfe.graph.NodeRef;
import dev.tfe.protocol.Tensor;

/** A value of the plaintext protocol: one node, in the clear, on the computing party. */
public final class PlainTensor extends Tensor {
  private final NodeRef value;
  private final Kind kind;

  PlainTensor(NodeRef value, Kind kind) {
    super(value.shape());
    this.value = value;
    this.kind = kind;
  }

  public NodeRef value() {
    return value;
  }

  @Override
  public Kind kind() {
    return kind;
  }

  @Override
  public String protocol() {
    return PlainProtocol.NAME;
  }

  @Override
  public String holders() {
    return value.party() + " in the clear";
  }
}
