package dev.tfe.model.privatetrain;

import dev.tfe.graph.NodeRef;
import dev.tfe.model.train.Optimizer;
import dev.tfe.model.train.Sgd;
import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Stochastic gradient descent on shares, the plaintext {@link Sgd}'s rule: {@code w -= lr g}, or
 * with momentum {@code v = m v - lr g; w += v} (the velocity a private variable too). Each
 * product by a public constant is local plus one truncation. Adam is refused: its update divides
 * by the square root of a second moment that spans many orders of magnitude (1e-8 to 1), which a
 * fixed-point number with a 2^-20 resolution cannot hold, and needs a private inverse square root
 * per weight and step.
 */
final class PrivateSgd {
  private final double learningRate;
  private final double momentum;

  PrivateSgd(Optimizer optimizer) {
    if (!(optimizer instanceof Sgd s)) {
      throw new IllegalArgumentException("private training supports SGD (with or without momentum), not " + optimizer
          + ": Adam divides by the square root of second moments as small as 1e-8, below the fixed-point resolution; "
          + "use Fit.sgd(learningRate) or Fit.sgd(learningRate, momentum)");
    }
    this.learningRate = s.learningRate();
    this.momentum = s.momentum();
  }

  boolean hasMomentum() {
    return momentum > 0;
  }

  /** The updates of one step: the writes of every parameter (and velocity), to be targeted by the step's run. */
  List<NodeRef> update(Protocol p, List<PrivateVariable> params, List<Tensor> values, List<Tensor> grads,
      List<PrivateVariable> velocities) {
    List<NodeRef> writes = new ArrayList<>();
    for (int i = 0; i < params.size(); i++) {
      Tensor step = Constants.scale(p, grads.get(i), learningRate);
      if (momentum > 0) {
        PrivateVariable v = velocities.get(i);
        Tensor vNew = p.sub(Constants.scale(p, v.read(p), momentum), step);
        writes.addAll(v.write(p, vNew));
        writes.addAll(params.get(i).write(p, p.add(values.get(i), vNew)));
      } else {
        writes.addAll(params.get(i).write(p, p.sub(values.get(i), step)));
      }
    }
    return writes;
  }
}
