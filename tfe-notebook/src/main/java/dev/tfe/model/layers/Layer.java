package dev.tfe.model.layers;

import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One layer of a {@link dev.tfe.model.Sequential} model: a differentiable function of a batch,
 * with its configuration and its parameters in the open.
 *
 * <p>Shapes: {@link #outputShape(int[])} maps a per-example input shape (no batch dimension;
 * {@code -1} for an unknown size) to the per-example output shape, and throws a
 * {@link ShapeMismatchException} naming the layer and both shapes when the input does not fit.
 * {@link #forward} checks the actual batch the same way.
 *
 * <p>Backpropagation: {@link #backward} takes the gradient of the loss with respect to the output
 * of the last {@link #forward} call, stores the gradients of the parameters in their
 * {@link Parameter#gradient()} buffers (overwriting them) and returns the gradient with respect to
 * that call's input.
 */
public interface Layer {

  /** A stable lower-case identifier of the kind of layer ({@code "dense"}, {@code "conv2d"}, ...), used in weights files. */
  String type();

  /** The hyper-parameters that, with {@link #type()}, rebuild this layer (weights aside). */
  LayerConfig config();

  /** The parameters, trainable weights and non-trainable state, in a fixed order; empty if none. */
  default List<Parameter> parameters() {
    return List.of();
  }

  /**
   * The per-example output shape for a per-example input shape.
   *
   * @throws ShapeMismatchException if this layer cannot take such an input
   */
  int[] outputShape(int[] inputShape);

  /**
   * The per-example input shape this layer requires, with {@code -1} for free dimensions, or
   * {@code null} if it takes any rank (used to check a model before it sees data).
   */
  default int[] expectedInputShape() {
    return null;
  }

  /**
   * Computes the layer on a batch ({@code DOUBLE} arrays; other types are converted).
   *
   * @param training whether this is a training step (batch normalisation then uses and updates
   *     batch statistics); caches what {@link #backward} needs either way
   */
  INDArray forward(INDArray input, boolean training);

  /** Gradient with respect to the last forward input, given the gradient with respect to its output. */
  INDArray backward(INDArray gradOutput);

  /**
   * Like {@link #backward}, for a layer whose input gradient is not needed (the first layer of a
   * model): stores the parameter gradients and may skip computing the input gradient.
   */
  default void backwardParameters(INDArray gradOutput) {
    backward(gradOutput);
  }

  /** Whether the weights have values (always true for layers without random weights). */
  default boolean isInitialized() {
    return true;
  }

  /** (Re)draws the random weights from {@code rng} and resets any state; no-op for layers without weights. */
  default void initialize(SplittableRandom rng) {}

  /** The number of scalar parameters, trainable or not. */
  default long parameterCount() {
    long n = 0;
    for (Parameter p : parameters()) {
      n += p.size();
    }
    return n;
  }
}
