package dev.tfe.model.layers;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Global average pooling over NHWC images, as Keras's {@code GlobalAveragePooling2D}: each example
 * {@code [H, W, C]} becomes the {@code C} means of its channels over all {@code H x W} cells
 * ({@code [N, H, W, C]} to {@code [N, C]}). Backward spreads each output gradient evenly, divided
 * by {@code H W}, over its channel's cells.
 */
public final class GlobalAveragePooling2D implements Layer {
  private long[] lastInputShape;

  @Override
  public String type() {
    return "global_avg_pool2d";
  }

  @Override
  public LayerConfig config() {
    return LayerConfig.empty();
  }

  @Override
  public int[] expectedInputShape() {
    return new int[] {-1, -1, -1};
  }

  @Override
  public int[] outputShape(int[] s) {
    if (s.length != 3 || s[0] == 0 || s[1] == 0) {
      throw NdArrays.mismatch(this, "[N, H, W, C] (NHWC) with at least one pixel", s);
    }
    return new int[] {s[2]};
  }

  @Override
  public INDArray forward(INDArray input, boolean training) {
    INDArray x = NdArrays.toDoubleC(input);
    outputShape(NdArrays.exampleShape(x));
    lastInputShape = x.shape();
    return x.mean(1, 2).reshape('c', x.size(0), x.size(3)).dup('c');
  }

  @Override
  public INDArray backward(INDArray gradOutput) {
    if (lastInputShape == null) {
      throw new IllegalStateException(this + ": backward called before forward");
    }
    long n = lastInputShape[0];
    long h = lastInputShape[1];
    long w = lastInputShape[2];
    long c = lastInputShape[3];
    INDArray g = NdArrays.toDoubleC(gradOutput).div(h * w).reshape('c', n, 1, 1, c);
    return g.repeat(1, h).repeat(2, w).reshape('c', n, h, w, c).dup('c');
  }

  @Override
  public String toString() {
    return "GlobalAveragePooling2D";
  }
}
