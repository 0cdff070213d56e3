package dev.tfe.model.secure;

import dev.tfe.model.layers.BatchNormalization;
import dev.tfe.protocol.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The weights and bias of a Dense or Conv2D layer as the owner shares them: with a following
 * BatchNormalization folded in per output (the last axis of the weights),
 * {@code W' = W * scale} and {@code b' = b * scale + shift}, so the normalisation costs nothing
 * at prediction time.
 */
record FoldedWeights(INDArray weights, INDArray bias) {

  /** Folds {@code bn} (null: none) into weights whose last axis is the layer's outputs. */
  static FoldedWeights of(INDArray weights, INDArray bias, BatchNormalization bn) {
    if (bn == null) {
      return new FoldedWeights(weights, bias);
    }
    INDArray scale = bn.inferenceScale();
    long outputs = weights.size(weights.rank() - 1);
    INDArray w = weights.dup('c').reshape('c', -1, outputs).mulRowVector(scale).reshape('c', weights.shape());
    return new FoldedWeights(w, bias.mul(scale).add(bn.inferenceShift()));
  }

  /** The weights as the owner's private variable. */
  Tensor shareWeights(PrivateForm.Build b) {
    return b.tfe().definePrivateVariable(b.protocol(), b.owner(), weights.dup('c'));
  }

  /** The bias, flattened, as the owner's private variable. */
  Tensor shareBias(PrivateForm.Build b) {
    return b.tfe().definePrivateVariable(b.protocol(), b.owner(), bias.reshape(bias.length()).dup('c'));
  }
}
