package dev.tfe.protocol.share;

import dev.tfe.graph.NodeRef;
import dev.tfe.protocol.Tensor;

/** A public value of two-server additive sharing (Pond, SecureNN): one copy on each of the two share-holding servers. */
public final class AdditivePublicTensor extends Tensor {
  final NodeRef on0;
  final NodeRef on1;

  public AdditivePublicTensor(NodeRef on0, NodeRef on1) {
    super(on0.shape());
    this.on0 = on0;
    this.on1 = on1;
  }

  @Override
  public Kind kind() {
    return Kind.PUBLIC;
  }

  @Override
  public String protocol() {
    return "additive shares";
  }

  @Override
  public String holders() {
    return on0.party() + " and " + on1.party();
  }
}
