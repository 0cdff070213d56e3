package dev.tfe.protocol.share;

import dev.tfe.graph.NodeRef;
import dev.tfe.protocol.Tensor;

/**
 * A private value {@code x} whose Beaver mask is fixed: the crypto producer knows a uniform
 * {@code a}, the servers hold shares {@code a0, a1} of it, and both know {@code alpha = x - a}.
 * Every later product with {@code x} reuses {@code a} and {@code alpha}, so a weight matrix is
 * masked and opened once for all predictions (Pond's masked tensors, Dahl et al., 2018).
 */
public final class AdditiveMaskedTensor extends Tensor {
  final AdditivePrivateTensor unmasked;
  final NodeRef a;
  final NodeRef a0;
  final NodeRef a1;
  final NodeRef alphaOn0;
  final NodeRef alphaOn1;

  public AdditiveMaskedTensor(AdditivePrivateTensor unmasked, NodeRef a, NodeRef a0, NodeRef a1, NodeRef alphaOn0, NodeRef alphaOn1) {
    super(unmasked.shape());
    this.unmasked = unmasked;
    this.a = a;
    this.a0 = a0;
    this.a1 = a1;
    this.alphaOn0 = alphaOn0;
    this.alphaOn1 = alphaOn1;
  }

  /** The private value itself. */
  public AdditivePrivateTensor unmasked() {
    return unmasked;
  }

  @Override
  public Kind kind() {
    return Kind.MASKED;
  }

  @Override
  public String protocol() {
    return "additive shares";
  }

  @Override
  public String holders() {
    return "shares on " + unmasked.share0.party() + " and " + unmasked.share1.party() + ", mask by " + a.party();
  }
}
