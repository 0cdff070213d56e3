package dev.tfe.model.train;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A loss averaged over a batch, with its gradient with respect to the model's output.
 *
 * <p>Labels are either class indices, a vector {@code [N]} (or {@code [N, 1]} holding integers
 * when the output has more than one column), or targets of the same shape as the output
 * ({@code [N, K]}: one-hot, soft labels or regression values).
 */
public interface Loss {

  /** The mean loss over the batch. */
  double value(INDArray output, INDArray labels);

  /** The gradient of {@link #value} with respect to {@code output} (same shape as {@code output}). */
  INDArray gradient(INDArray output, INDArray labels);

  /** A short name, for example {@code "cross-entropy"}. */
  String name();

  /** Softmax cross-entropy on logits; see {@link CrossEntropy}. */
  static Loss crossEntropy() {
    return CrossEntropy.INSTANCE;
  }

  /**
   * Binary cross-entropy on probabilities (a final sigmoid's output); see {@link BinaryCrossEntropy}.
   * The default for classification with one output column.
   */
  static Loss binaryCrossEntropy() {
    return BinaryCrossEntropy.INSTANCE;
  }

  /** Mean squared error; see {@link MeanSquaredError}. */
  static Loss mse() {
    return MeanSquaredError.INSTANCE;
  }
}
