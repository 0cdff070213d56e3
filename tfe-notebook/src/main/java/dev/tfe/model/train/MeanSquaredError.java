package dev.tfe.model.train;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Mean squared error over all {@code N * K} output entries, {@code L = (1/(N K)) sum (o - y)^2},
 * with gradient {@code 2 (o - y) / (N K)}. Class-index labels are compared as one-hot rows (or as
 * numbers when the output has one column).
 */
public final class MeanSquaredError implements Loss {
  static final MeanSquaredError INSTANCE = new MeanSquaredError();

  private MeanSquaredError() {}

  @Override
  public double value(INDArray output, INDArray labels) {
    INDArray d = output.sub(Targets.matrix(output, labels));
    return d.muli(d).sumNumber().doubleValue() / output.length();
  }

  @Override
  public INDArray gradient(INDArray output, INDArray labels) {
    return output.sub(Targets.matrix(output, labels)).muli(2.0 / output.length());
  }

  @Override
  public String name() {
    return "mse";
  }

  @Override
  public String toString() {
    return name();
  }
}
