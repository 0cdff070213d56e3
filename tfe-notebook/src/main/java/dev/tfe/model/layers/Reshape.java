package dev.tfe.model.layers;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reshapes each example, in row-major order, to a target shape that may contain one {@code -1}
 * (inferred from the size), as Keras's {@code Reshape}: for example {@code reshape(28, 28, 1)}
 * turns {@code [N, 784]} into {@code [N, 28, 28, 1]}.
 */
public final class Reshape implements Layer {
  private final int[] target;
  private long[] lastInputShape;

  /** A reshape to this per-example shape (at most one entry may be -1). */
  public Reshape(int... target) {
    int unknown = 0;
    for (int d : target) {
      if (d == -1) {
        unknown++;
      } else if (d <= 0) {
        throw new IllegalArgumentException("Reshape target " + Arrays.toString(target) + " has a non-positive size");
      }
    }
    if (unknown > 1 || target.length == 0) {
      throw new IllegalArgumentException(
          "Reshape target " + Arrays.toString(target) + " must be non-empty with at most one -1");
    }
    this.target = target.clone();
  }

  public static Reshape fromConfig(LayerConfig c) {
    return new Reshape(c.getIntArray("shape"));
  }

  /** The target per-example shape as given (may contain -1). */
  public int[] targetShape() {
    return target.clone();
  }

  @Override
  public String type() {
    return "reshape";
  }

  @Override
  public LayerConfig config() {
    return LayerConfig.empty().with("shape", target);
  }

  /** Without a {@code -1}, a flat input of the target's size (any shape of that size is accepted); else unknown. */
  @Override
  public int[] expectedInputShape() {
    int n = NdArrays.size(target);
    return n < 0 ? null : new int[] {n};
  }

  @Override
  public int[] outputShape(int[] inputShape) {
    int size = NdArrays.size(inputShape);
    int known = 1;
    int free = -1;
    for (int i = 0; i < target.length; i++) {
      if (target[i] == -1) {
        free = i;
      } else {
        known *= target[i];
      }
    }
    int[] out = target.clone();
    if (size < 0) {
      return out;
    }
    if (free >= 0 ? size % known != 0 : size != known) {
      throw NdArrays.mismatch(this, "with " + (free >= 0 ? "a multiple of " : "") + known
          + " values per example", inputShape);
    }
    if (free >= 0) {
      out[free] = size / known;
    }
    return out;
  }

  @Override
  public INDArray forward(INDArray input, boolean training) {
    INDArray x = NdArrays.toDoubleC(input);
    int[] out = outputShape(NdArrays.exampleShape(x));
    long[] shape = new long[out.length + 1];
    shape[0] = x.size(0);
    for (int i = 0; i < out.length; i++) {
      shape[i + 1] = out[i];
    }
    lastInputShape = x.shape();
    return x.reshape('c', shape).dup('c');
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
    return "Reshape" + Arrays.toString(target);
  }
}
