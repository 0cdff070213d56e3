package dev.tfe.model.privatetrain;

import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.Tensor;
import java.util.List;

/**
 * Dense {@code y = x W + b} on shares, forward and backward: {@code dW = x^T g},
 * {@code db = sum over the batch of g}, {@code dx = g W^T}. Three Beaver matrix products per
 * step (two when {@code dx} is not needed, at the first layer), each truncated once; the same
 * chain rule as {@link dev.tfe.model.layers.Dense}'s plaintext backward pass.
 *
 * <p>Each of {@code x}, {@code W} and {@code g} enters two of the products, so each is masked
 * once ({@link Protocol#mask}) and its masked opening reused by both, transposed where needed
 * (Pond's masked tensors, Dahl, Mancuso, Dupis and Decoste, "Private Machine Learning in
 * TensorFlow using Secure Computation", 2018, section 2): a step opens every operand once
 * instead of twice, which at the first layer saves the opening of the {@code [B, 784]} batch.
 * The weights are read afresh every step, so their mask is fresh every step.
 */
final class DenseStep implements TrainableStep {
  private final PrivateVariable weights;
  private final PrivateVariable bias;
  private Tensor w;
  private Tensor b;
  private Tensor x;
  private Tensor maskedW;
  private List<Tensor> gradients = List.of();

  DenseStep(PrivateVariable weights, PrivateVariable bias) {
    this.weights = weights;
    this.bias = bias;
  }

  @Override
  public Tensor forward(Protocol p, Tensor input, boolean training) {
    w = weights.read(p);
    b = bias.read(p);
    if (!training) {
      return p.add(p.matmul(input, w), b);
    }
    x = p.mask(input);
    Tensor wm = p.mask(w);
    maskedW = wm;
    return p.add(p.matmul(x, wm), b);
  }

  @Override
  public Tensor backward(Protocol p, Tensor g, boolean needInput) {
    Tensor gm = needInput ? p.mask(g) : g;
    Tensor dw = p.matmul(p.transpose(x, 1, 0), gm);
    Tensor db = p.reduceSum(g, 0);
    gradients = List.of(dw, db);
    return needInput ? p.matmul(gm, p.transpose(maskedW, 1, 0)) : null;
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
