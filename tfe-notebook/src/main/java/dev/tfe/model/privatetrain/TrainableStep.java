package dev.tfe.model.privatetrain;

import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.Tensor;
import java.util.List;

/**
 * One layer of a private training step: its forward pass on shares, keeping what its backward
 * pass needs (the input of a dense layer, the DReLU bits of a ReLU), and its backward pass, the
 * chain rule on shares. One instance serves one step graph.
 */
interface TrainableStep {
  /** The layer's output; {@code training} says whether {@link #backward} will follow. */
  Tensor forward(Protocol p, Tensor x, boolean training);

  /**
   * Given the gradient of the loss with respect to this layer's output, records the gradients
   * of the parameters and returns the gradient with respect to its input ({@code null} when
   * {@code needInput} is false, for the first layer).
   */
  Tensor backward(Protocol p, Tensor gradOutput, boolean needInput);

  /** The parameters' variables, in the order of {@link #gradients}. */
  default List<PrivateVariable> parameters() {
    return List.of();
  }

  /** The parameters' values read by the last {@link #forward}, in the order of {@link #parameters}. */
  default List<Tensor> values() {
    return List.of();
  }

  /** The parameters' gradients of the last {@link #backward}. */
  default List<Tensor> gradients() {
    return List.of();
  }
}
