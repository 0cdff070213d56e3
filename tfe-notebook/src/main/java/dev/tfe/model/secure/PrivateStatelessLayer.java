package dev.tfe.model.secure;

import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.Tensor;
import java.util.function.BiFunction;

/**
 * A layer without weights: an activation (exact ReLU, sigmoid and tanh within a stated bound),
 * a pooling, or a reshape, each one call of the protocol interface.
 */
final class PrivateStatelessLayer implements PrivateLayer {
  private final String name;
  private final BiFunction<Protocol, Tensor, Tensor> op;

  PrivateStatelessLayer(String name, BiFunction<Protocol, Tensor, Tensor> op) {
    this.name = name;
    this.op = op;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Tensor forward(Protocol p, Tensor x) {
    return op.apply(p, x);
  }
}
