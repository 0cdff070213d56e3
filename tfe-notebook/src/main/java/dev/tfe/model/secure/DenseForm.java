package dev.tfe.model.secure;

import dev.tfe.model.layers.BatchNormalization;
import dev.tfe.model.layers.Dense;
import dev.tfe.protocol.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;

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
    INDArray weights = d.weights();
    INDArray bias = d.bias();
    BatchNormalization bn = b.foldedNext();
    if (bn != null) {
      INDArray scale = bn.inferenceScale();
      weights = weights.mulRowVector(scale);
      bias = bias.mul(scale).add(bn.inferenceShift());
    }
    Tensor tw = b.tfe().definePrivateVariable(b.protocol(), b.owner(), weights.dup('c'));
    Tensor tb = b.tfe().definePrivateVariable(b.protocol(), b.owner(), bias.reshape(bias.length()).dup('c'));
    return new PrivateDense(b.name(), b.protocol(), tw, tb);
  }

  @Override
  public ByteCount cost(Dense d, OpCosts costs, int batch, int[] in) {
    return costs.matmul(batch, d.inputSize(), d.outputSize(), true);
  }

  @Override
  public long[] weightSizes(Dense d) {
    return new long[] {(long) d.inputSize() * d.outputSize(), d.outputSize()};
  }
}
