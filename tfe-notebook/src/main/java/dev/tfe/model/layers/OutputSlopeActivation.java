package dev.tfe.model.layers;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An element-wise activation {@code y = f(x)} whose derivative is a function of its output
 * ({@code f'(x) = s(y)}, as for the logistic function and tanh), on a batch of any shape. Forward
 * keeps {@code y}; backward returns {@code g * s(y)}. Subclasses give {@code f} and {@code s}.
 */
public abstract class OutputSlopeActivation implements Layer {
  private final String type;
  private final String name;
  private INDArray lastOutput;

  /**
   * @param type the name in weight files (e.g. {@code sigmoid})
   * @param name the name people read (e.g. {@code Sigmoid})
   */
  protected OutputSlopeActivation(String type, String name) {
    this.type = type;
    this.name = name;
  }

  /** {@code f(x)}, element-wise, in a new array ({@code x} is the input as doubles: leave it as it is). */
  protected abstract INDArray apply(INDArray x);

  /** {@code f'(x)} written as a function of {@code y = f(x)}, in a new array. */
  protected abstract INDArray slope(INDArray y);

  @Override
  public final String type() {
    return type;
  }

  @Override
  public final LayerConfig config() {
    return LayerConfig.empty();
  }

  @Override
  public final int[] outputShape(int[] inputShape) {
    return inputShape.clone();
  }

  @Override
  public final INDArray forward(INDArray input, boolean training) {
    lastOutput = apply(NdArrays.toDoubleC(input));
    return lastOutput.dup();
  }

  @Override
  public final INDArray backward(INDArray gradOutput) {
    if (lastOutput == null) {
      throw new IllegalStateException(this + ": backward called before forward");
    }
    return NdArrays.toDoubleC(gradOutput).mul(slope(lastOutput));
  }

  @Override
  public final String toString() {
    return name;
  }
}
