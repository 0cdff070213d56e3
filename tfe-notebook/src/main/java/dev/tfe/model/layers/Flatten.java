package dev.tfe.model.layers;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Flattens each example to a vector in row-major order: {@code [N, H, W, C]} becomes
 * {@code [N, H * W * C]} with the channel index varying fastest, as TensorFlow's and Keras's
 * {@code Flatten} on NHWC data (so weights trained here and there line up).
 */
public final class Flatten implements Layer {
  private long[] lastInputShape;

  @Override
  public String type() {
    return "flatten";
  }

  @Override
  public LayerConfig config() {
    return LayerConfig.empty();
  }

  @Override
  public int[] outputShape(int[] inputShape) {
    return new int[] {NdArrays.size(inputShape)};
  }

  @Override
  public INDArray forward(INDArray input, boolean training) {
    INDArray x = NdArrays.toDoubleC(input);
    lastInputShape = x.shape();
    long n = x.size(0);
    return x.reshape('c', n, n == 0 ? 0 : x.length() / n).dup('c');
  }

  @Override
  public INDArray backward(INDArray gradOutput) {
    if (lastInputShape == null) {
      throw new IllegalStateException(this + ": backward called before forward");
    }
    return NdArrays.toDoubleC(gradOutput).reshape('c', lastInputShape).dup('c');
  }

  @Override
  public String toString() {
    return "Flatten";
  }
}
