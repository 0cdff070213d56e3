package dev.tfe.model.privatetrain;

import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.Tensor;
import java.util.List;

/**
 * Dense {@code y = x W + b} on shares, forward and backward: {@code dW = x^T g},
 * {@code db = sum over the batch of g}, {@code dx = g W^T}. Three Beaver matrix products per
 * step (two when {@code dx} is not needed, at the first layer), each truncated once; the same
 * chain rule as {@link dev.tfe.model.layers.Dense}'s plaintext backward pass.
 */
final class DenseStep implements TrainableStep {
  private final PrivateVariable weights;
  private final PrivateVariable bias;
  private Tensor w;
  private Tensor b;
  private Tensor x;
  private List<Tensor> gradients = List.of();

  DenseStep(PrivateVariable weights, PrivateVariable bias) {
    this.weights = weights;
    this.bias = bias;
  }

  @Override
  public Tensor forward(Protocol p, Tensor input, boolean training) {
    x = input;
    w = weights.read(p);
    b = bias.read(p);
    return p.add(p.matmul(input, w), b);
  }

  @Override
  public Tensor backward(Protocol p, Tensor g, boolean needInput) {
    Tensor dw = p.matmul(p.transpose(x, 1, 0), g);
    Tensor db = p.reduceSum(g, 0);
    gradients = List.of(dw, db);
    return needInput ? p.matmul(g, p.transpose(w, 1, 0)) : null;
  }

  @Override
  public List<PrivateVariable> parameters() {
    return List.of(weights, bias);
  }

  @Override
  public List<Tensor> values() {
    return List.of(w, b);
  }

  @Override
  public List<Tensor> gradients() {
    return gradients;
  }
}
