package dev.tfe.model.secure;

import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.Tensor;

/**
 * A dense layer {@code y = x W + b} on private values: {@code W} is a masked private variable
 * (opened once, in the initialisation run), so each prediction costs one Beaver matmul with a
 * fresh mask for {@code x} only; the bias is a private variable added locally.
 */
final class PrivateDense implements PrivateLayer {
  private final String name;
  private final Tensor weights;
  private final Tensor bias;

  PrivateDense(String name, Protocol p, Tensor weights, Tensor bias) {
    this.name = name;
    this.weights = p.mask(weights);
    this.bias = bias;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Tensor forward(Protocol p, Tensor x) {
    return p.add(p.matmul(x, weights), bias);
  }
}
