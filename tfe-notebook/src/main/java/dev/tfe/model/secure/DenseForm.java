package dev.tfe.model.secure;

import dev.tfe.model.layers.Dense;

/**
 * Dense, privately: the owner's weights and bias (with a following BatchNormalization folded in,
 * {@code W' = W * scale}, {@code b' = b * scale + shift}) as private variables; one Beaver matmul
 * and its truncation per run.
 */
final class DenseForm implements PrivateForm<Dense> {

  @Override
  public boolean foldsBatchNorm() {
    return true;
  }

  @Override
  public PrivateLayer build(Dense d, Build b) {
    FoldedWeights f = FoldedWeights.of(d.weights(), d.bias(), b.foldedNext());
    return new PrivateDense(b.name(), b.protocol(), f.shareWeights(b), f.shareBias(b));
  }
}
