package dev.tfe.model.privatetrain;

import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.Tensor;

/** Flatten (or Reshape) on shares: a local reshape forward, the inverse reshape backward. */
final class ReshapeStep implements TrainableStep {
  private final int[] perExample;
  private int[] inputShape;

  /** @param perExample the output shape of one example, e.g. {@code [-1]} to flatten */
  ReshapeStep(int... perExample) {
    this.perExample = perExample.clone();
  }

  @Override
  public Tensor forward(Protocol p, Tensor x, boolean training) {
    inputShape = x.shape();
    int[] out = new int[perExample.length + 1];
    out[0] = inputShape[0];
    System.arraycopy(perExample, 0, out, 1, perExample.length);
    return p.reshape(x, out);
  }

  @Override
  public Tensor backward(Protocol p, Tensor g, boolean needInput) {
    return p.reshape(g, inputShape);
  }
}
