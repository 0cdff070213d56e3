package dev.tfe.model.layers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The logistic function {@code y = 1 / (1 + exp(-x))} element-wise, on a batch of any shape.
 * Backward: {@code dx = g * y * (1 - y)}.
 */
public final class Sigmoid implements Layer {
  private INDArray lastOutput;

  @Override
  public String type() {
    return "sigmoid";
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
    lastOutput = Transforms.sigmoid(NdArrays.toDoubleC(input), true);
    return lastOutput.dup();
  }

  @Override
  public INDArray backward(INDArray gradOutput) {
    if (lastOutput == null) {
      throw new IllegalStateException(this + ": backward called before forward");
    }
    INDArray slope = lastOutput.rsub(1.0).muli(lastOutput);
    return NdArrays.toDoubleC(gradOutput).mul(slope);
  }

  @Override
  public String toString() {
    return "Sigmoid";
  }
}
