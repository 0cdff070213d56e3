package dev.tfe.model.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Binary cross-entropy on probabilities {@code p [N, K]} (the output of a final
 * {@code Sigmoid}), each column a separate yes/no target in [0, 1]:
 * {@code L = -(1/(N K)) sum (y log p + (1 - y) log(1 - p))}, with gradient
 * {@code (p - y) / (p (1 - p) N K)}; through the sigmoid's backward pass, which multiplies by
 * {@code p (1 - p)}, the logits receive {@code (p - y) / (N K)}. Probabilities are clamped to
 * {@code [1e-12, 1 - 1e-12]} so that a saturated output gives a finite loss. Labels are class
 * indices 0 and 1 (two classes, one output column) or targets of the output's shape.
 *
 * <p>The default loss of a classification model with one output column, for which softmax
 * cross-entropy is always 0.
 */
public final class BinaryCrossEntropy implements Loss {
  static final BinaryCrossEntropy INSTANCE = new BinaryCrossEntropy();
  private static final double EPS = 1e-12;

  private BinaryCrossEntropy() {}

  private static INDArray targets(INDArray p, INDArray labels) {
    INDArray y = Targets.matrix(p, labels);
    if (y.minNumber().doubleValue() < 0 || y.maxNumber().doubleValue() > 1) {
      throw new IllegalArgumentException("binary cross-entropy needs targets in [0, 1] (class 0 or 1 for one output), "
          + "got values from " + y.minNumber() + " to " + y.maxNumber()
          + "; for more than two classes use one output per class, a final softmax and Loss.crossEntropy()");
    }
    return y;
  }

  private static INDArray clamped(INDArray p) {
    return Transforms.min(Transforms.max(p.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE), EPS, true), 1 - EPS, false);
  }

  @Override
  public double value(INDArray output, INDArray labels) {
    INDArray y = targets(output, labels);
    INDArray p = clamped(output);
    INDArray logP = Transforms.log(p, true);
    INDArray log1mP = Transforms.log(p.rsub(1.0), false);
    double sum = y.mul(logP).addi(y.rsub(1.0).muli(log1mP)).sumNumber().doubleValue();
    return -sum / output.length();
  }

  @Override
  public INDArray gradient(INDArray output, INDArray labels) {
    INDArray y = targets(output, labels);
    INDArray p = clamped(output);
    return p.sub(y).divi(p.mul(p.rsub(1.0))).divi(output.length());
  }

  @Override
  public String name() {
    return "binary-cross-entropy";
  }

  @Override
  public String toString() {
    return name();
  }
}
