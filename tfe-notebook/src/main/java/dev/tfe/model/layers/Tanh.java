package dev.tfe.model.layers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The hyperbolic tangent {@code y = tanh(x)} element-wise, on a batch of any shape.
 * Backward: {@code dx = g * (1 - y^2)}. Privately (SecureNN) it is computed within 4e-4 of this
 * over every fixed-point input; see {@code dev.tfe.protocol.OddActivation}.
 */
public final class Tanh implements Layer {
  private INDArray lastOutput;

  @Override
  public String type() {
    return "tanh";
  }

  @Override
  public LayerConfig config() {
    return LayerConfig.empty();
  }

  @Override
  public int[] outputShape(int[] inputShape) {
    return inputShape.clone();
  }

  @Override
  public INDArray forward(INDArray input, boolean training) {
    lastOutput = Transforms.tanh(NdArrays.toDoubleC(input), true);
    return lastOutput.dup();
  }

  @Override
  public INDArray backward(INDArray gradOutput) {
    if (lastOutput == null) {
      throw new IllegalStateException(this + ": backward called before forward");
    }
    INDArray slope = lastOutput.mul(lastOutput).rsubi(1.0);
    return NdArrays.toDoubleC(gradOutput).mul(slope);
  }

  @Override
  public String toString() {
    return "Tanh";
  }
}
