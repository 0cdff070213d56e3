package dev.tfe.model.privatetrain;

import dev.tfe.fixedpoint.FixedPointConfig;
import dev.tfe.model.layers.Layer;
import dev.tfe.model.layers.Sigmoid;
import dev.tfe.model.layers.Softmax;
import dev.tfe.model.train.BinaryCrossEntropy;
import dev.tfe.model.train.CrossEntropy;
import dev.tfe.model.train.Loss;
import dev.tfe.model.train.MeanSquaredError;
import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.Tensor;
import java.util.List;

/**
 * The gradient of a loss on shares, with respect to the output of the last layer that training
 * backpropagates through, as in the plaintext {@link Loss}es:
 * <ul>
 *   <li>binary cross-entropy after a final Sigmoid: {@code (s - y) / N} with respect to the
 *       sigmoid's input (the sigmoid and the loss fused, as every framework does; no logarithm
 *       is needed);</li>
 *   <li>softmax cross-entropy on logits: {@code (softmax(z) - y) / N}, the softmax by
 *       {@link PrivateSoftmax} (bounded error; a final Softmax layer is fused with the loss);</li>
 *   <li>mean squared error: {@code 2 (o - y) / (N K)}.</li>
 * </ul>
 * The loss value itself needs a logarithm; training reports instead the squared error of the
 * predicted probabilities (the Brier score; for MSE, the loss itself), polynomial and so exact on
 * shares.
 */
final class PrivateLoss {
  enum Kind {
    SIGMOID_CROSS_ENTROPY,
    SOFTMAX_CROSS_ENTROPY,
    MSE
  }

  /** The gradient, and the predictions whose squared error is tracked. */
  record Result(Tensor gradient, Tensor predictions) {}

  private final Kind kind;
  private final int forwardLayers;
  private final int backwardLayers;
  private final PrivateSoftmax softmax;

  private PrivateLoss(Kind kind, int forwardLayers, int backwardLayers, PrivateSoftmax softmax) {
    this.kind = kind;
    this.forwardLayers = forwardLayers;
    this.backwardLayers = backwardLayers;
    this.softmax = softmax;
  }

  /** The private form of {@code loss} for a model of these layers with {@code outputs} output columns. */
  static PrivateLoss of(Loss loss, List<Layer> layers, FixedPointConfig config, int outputs) {
    Layer last = layers.get(layers.size() - 1);
    int n = layers.size();
    if (loss instanceof BinaryCrossEntropy) {
      if (!(last instanceof Sigmoid)) {
        throw new IllegalArgumentException("private binary cross-entropy needs a final Sigmoid layer (it is fused with it "
            + "into s - y); add Layers.sigmoid() or use Loss.crossEntropy() with one output per class");
      }
      return new PrivateLoss(Kind.SIGMOID_CROSS_ENTROPY, n, n - 1, null);
    }
    if (loss instanceof CrossEntropy) {
      int end = last instanceof Softmax ? n - 1 : n;
      return new PrivateLoss(Kind.SOFTMAX_CROSS_ENTROPY, end, end, new PrivateSoftmax(config, outputs));
    }
    if (loss instanceof MeanSquaredError) {
      return new PrivateLoss(Kind.MSE, n, n, null);
    }
    throw new IllegalArgumentException("private training supports binary cross-entropy, cross-entropy and mse, not " + loss.name());
  }

  Kind kind() {
    return kind;
  }

  /** How many leading layers the forward pass runs. */
  int forwardLayers() {
    return forwardLayers;
  }

  /** How many leading layers the gradient is backpropagated through. */
  int backwardLayers() {
    return backwardLayers;
  }

  /** The name of the tracked figure. */
  String metric() {
    return kind == Kind.MSE ? "mse" : "squared error of the probabilities (Brier score)";
  }

  /** The bound of the softmax's error, or 0 when there is none. */
  double softmaxBound() {
    return softmax == null ? 0 : softmax.errorBound();
  }

  /** The gradient for outputs {@code out} of a batch of {@code n} examples with targets {@code y}. */
  Result apply(Protocol p, Tensor out, Tensor y, int n) {
    Tensor predictions = kind == Kind.SOFTMAX_CROSS_ENTROPY ? softmax.apply(p, out) : out;
    Tensor diff = p.sub(predictions, y);
    double scale = kind == Kind.MSE ? 2.0 / ((double) n * out.shape()[1]) : 1.0 / n;
    return new Result(Constants.scale(p, diff, scale), predictions);
  }

  /** The sum over the batch of the tracked squared error, times {@code k}, as a tensor {@code [1]}. */
  Tensor squaredError(Protocol p, Tensor predictions, Tensor y, double k) {
    Tensor d = p.sub(predictions, y);
    Tensor flat = p.reshape(p.square(d), 1, -1);
    double perColumn = kind == Kind.MSE ? 1.0 / predictions.shape()[1] : 1.0;
    return Constants.scale(p, p.reduceSum(flat, 1), k * perColumn);
  }
}
