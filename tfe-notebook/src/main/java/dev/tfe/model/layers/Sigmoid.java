package dev.tfe.model.layers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The logistic function {@code y = 1 / (1 + exp(-x))} element-wise, on a batch of any shape.
 * Backward: {@code dx = g * y * (1 - y)}. Privately (SecureNN) it is computed within 3e-4 of this
 * over every fixed-point input; see {@code dev.tfe.protocol.OddActivation}.
 */
public final class Sigmoid extends OutputSlopeActivation {
  public Sigmoid() {
    super("sigmoid", "Sigmoid");
  }

  @Override
  protected INDArray apply(INDArray x) {
    return Transforms.sigmoid(x, true);
  }

  @Override
  protected INDArray slope(INDArray y) {
    return y.rsub(1.0).muli(y);
  }
}
