package dev.tfe.model.secure;

import dev.tfe.model.layers.Conv2D;

/**
 * Conv2D, privately: the owner's kernel and bias (with a following BatchNormalization folded in
 * per output channel) as private variables; im2col (local), then one Beaver matmul with
 * {@code m = N outH outW}, {@code k = kh kw Cin}, {@code v = filters}, and its truncation.
 */
final class Conv2DForm implements PrivateForm<Conv2D> {

  @Override
  public boolean foldsBatchNorm() {
    return true;
  }

  @Override
  public PrivateLayer build(Conv2D c, Build b) {
    FoldedWeights f = FoldedWeights.of(c.kernel(), c.bias(), b.foldedNext());
    return new PrivateConv2D(b.name(), b.protocol(), f.shareWeights(b), f.shareBias(b), c.strideH(), c.strideW(),
        PrivateForms.padding(c.padding()));
  }
}
