package dev.tfe.model.layers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The rectified linear unit, {@code y = max(0, x)} element-wise, on a batch of any shape.
 * Backward: {@code dx = g} where {@code x > 0}, else 0 (the sub-gradient at 0 is taken as 0).
 */
public final class ReLU implements Layer {
  private INDArray lastInput;

  @Override
  public String type() {
    return "relu";
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
    lastInput = NdArrays.toDoubleC(input);
    return Transforms.relu(lastInput, true);
  }

  @Override
  public INDArray backward(INDArray gradOutput) {
    if (lastInput == null) {
      throw new IllegalStateException(this + ": backward called before forward");
    }
    INDArray mask = lastInput.gt(0).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE);
    return NdArrays.toDoubleC(gradOutput).mul(mask);
  }

  @Override
  public String toString() {
    return "ReLU";
  }
}
