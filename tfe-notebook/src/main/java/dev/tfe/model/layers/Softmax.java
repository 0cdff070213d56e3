package dev.tfe.model.layers;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The softmax over the last axis, {@code y_i = exp(x_i - m) / sum_j exp(x_j - m)} with
 * {@code m = max_j x_j} subtracted for numerical stability; a batch of any rank is treated as rows
 * of its last dimension.
 *
 * <p>Meant as the final layer of a classifier: {@code predict} then returns probabilities. When a
 * model ending in softmax is trained with cross-entropy, the model skips this layer and applies
 * the fused, stable softmax-cross-entropy to the logits before it (whose gradient is
 * {@code p - y}). Its own backward, used with other losses, is the Jacobian-vector product
 * {@code dx = y * (g - sum_j g_j y_j)}.
 */
public final class Softmax implements Layer {
  private INDArray lastOutput;

  @Override
  public String type() {
    return "softmax";
  }

  @Override
  public LayerConfig config() {
    return LayerConfig.empty();
  }

  @Override
  public int[] outputShape(int[] inputShape) {
    if (inputShape.length == 0) {
      throw NdArrays.mismatch(this, "[N, classes]", inputShape);
    }
    return inputShape.clone();
  }

  @Override
  public INDArray forward(INDArray input, boolean training) {
    INDArray x = NdArrays.toDoubleC(input);
    int[] example = NdArrays.exampleShape(x);
    outputShape(example);
    long k = example[example.length - 1];
    lastOutput = rows(x.reshape('c', x.length() / k, k)).reshape('c', x.shape());
    return lastOutput.dup();
  }

  /** Row-wise softmax of a matrix, as a new matrix. */
  public static INDArray rows(INDArray logits) {
    INDArray max = logits.max(1);
    INDArray e = org.nd4j.linalg.ops.transforms.Transforms.exp(logits.subColumnVector(max.reshape(max.length(), 1)), false);
    INDArray sum = e.sum(1);
    return e.diviColumnVector(sum.reshape(sum.length(), 1));
  }

  @Override
  public INDArray backward(INDArray gradOutput) {
    if (lastOutput == null) {
      throw new IllegalStateException(this + ": backward called before forward");
    }
    long k = lastOutput.size(lastOutput.rank() - 1);
    long rows = lastOutput.length() / k;
    INDArray y = lastOutput.reshape('c', rows, k);
    INDArray g = NdArrays.toDoubleC(gradOutput).reshape('c', rows, k);
    INDArray dot = g.mul(y).sum(1).reshape(rows, 1);
    return g.subColumnVector(dot).muli(y).reshape('c', lastOutput.shape());
  }

  @Override
  public String toString() {
    return "Softmax";
  }
}
