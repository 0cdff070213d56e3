package dev.tfe.model.train;

import dev.tfe.model.layers.Softmax;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Softmax cross-entropy on logits {@code z [N, K]}:
 * {@code L = -(1/N) sum_n sum_k y_nk log softmax(z_n)_k}, computed stably as
 * {@code log softmax(z) = z - m - log sum exp(z - m)} with {@code m} the row maximum. Its gradient is
 * {@code (softmax(z) - y) / N}. Labels are class indices or (one-hot or soft) target rows.
 *
 * <p>A model whose last layer is {@link Softmax} hands this loss the logits before that layer.
 */
public final class CrossEntropy implements Loss {
  static final CrossEntropy INSTANCE = new CrossEntropy();

  private CrossEntropy() {}

  @Override
  public double value(INDArray logits, INDArray labels) {
    requireSeveralColumns(logits);
    INDArray y = Targets.matrix(logits, labels);
    INDArray max = logits.max(1).reshape(logits.size(0), 1);
    INDArray shifted = logits.subColumnVector(max);
    INDArray logSum = Transforms.log(Transforms.exp(shifted, true).sum(1), false).reshape(logits.size(0), 1);
    INDArray logProbs = shifted.subiColumnVector(logSum);
    return -logProbs.muli(y).sumNumber().doubleValue() / logits.size(0);
  }

  @Override
  public INDArray gradient(INDArray logits, INDArray labels) {
    requireSeveralColumns(logits);
    INDArray y = Targets.matrix(logits, labels);
    return Softmax.rows(logits).subi(y).divi(logits.size(0));
  }

  /** Softmax over one column is 1 whatever the logit: the loss would be 0 and teach nothing. */
  private static void requireSeveralColumns(INDArray logits) {
    if (logits.rank() == 2 && logits.size(1) == 1) {
      throw new IllegalArgumentException("softmax cross-entropy over a single output column is always 0 (the softmax "
          + "of one value is 1), so it cannot train; for one sigmoid output (two classes) use "
          + "Loss.binaryCrossEntropy() (the default loss for such a model), or give the model one output per class "
          + "with a final softmax");
    }
  }

  @Override
  public String name() {
    return "cross-entropy";
  }

  @Override
  public String toString() {
    return name();
  }
}
