package dev.tfe.protocol.share;

import dev.tfe.graph.NodeRef;
import dev.tfe.protocol.Tensor;

/**
 * A private value of two-server additive sharing (Pond, SecureNN): shares {@code x = x0 + x1 mod 2^64} on server0 and server1.
 * For a variable, {@code init} holds the shares as they are first computed, so that values
 * derived once (masks) can be computed in the initialisation run.
 */
public final class AdditivePrivateTensor extends Tensor {
  final NodeRef share0;
  final NodeRef share1;
  final AdditivePrivateTensor init;

  public AdditivePrivateTensor(NodeRef share0, NodeRef share1, AdditivePrivateTensor init) {
    super(share0.shape());
    this.share0 = share0;
    this.share1 = share1;
    this.init = init;
  }

  public AdditivePrivateTensor(NodeRef share0, NodeRef share1) {
    this(share0, share1, null);
  }

  /** The node of server0's share. */
  public NodeRef share0() {
    return share0;
  }

  /** The node of server1's share. */
  public NodeRef share1() {
    return share1;
  }

  /** True for a variable kept by the servers across runs. */
  public boolean isVariable() {
    return init != null;
  }

  @Override
  public Kind kind() {
    return Kind.PRIVATE;
  }

  @Override
  public String protocol() {
    return "additive shares";
  }

  @Override
  public String holders() {
    return "shares on " + share0.party() + " and " + share1.party();
  }
}
