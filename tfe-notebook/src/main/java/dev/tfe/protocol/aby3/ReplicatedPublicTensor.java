package dev.tfe.protocol.aby3;

import dev.tfe.graph.NodeRef;
import dev.tfe.protocol.Tensor;
import java.util.function.UnaryOperator;

/** A public value of ABY3: one copy on each of the three parties. */
public final class ReplicatedPublicTensor extends Tensor {
  final NodeRef[] copies;

  ReplicatedPublicTensor(NodeRef[] copies) {
    super(copies[0].shape());
    this.copies = copies.clone();
  }

  ReplicatedPublicTensor map(UnaryOperator<NodeRef> f) {
    NodeRef[] c = new NodeRef[3];
    for (int i = 0; i < 3; i++) {
      c[i] = f.apply(copies[i]);
    }
    return new ReplicatedPublicTensor(c);
  }

  @Override
  public Kind kind() {
    return Kind.PUBLIC;
  }

  @Override
  public String protocol() {
    return Aby3.NAME;
  }

  @Override
  public String holders() {
    return copies[0].party() + ", " + copies[1].party() + " and " + copies[2].party();
  }
}
