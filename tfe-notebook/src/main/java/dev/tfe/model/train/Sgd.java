package dev.tfe.model.train;

import dev.tfe.model.layers.Parameter;
import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Stochastic gradient descent, {@code p -= lr * g}, optionally with classical momentum
 * (Polyak's heavy ball, as in Sutskever et al., "On the importance of initialization and momentum
 * in deep learning", ICML 2013): {@code v = momentum * v - lr * g; p += v}.
 *
 * <p>The update runs element by element over the parameters' buffers, without temporary arrays.
 */
public record Sgd(double learningRate, double momentum) implements Optimizer {

  public Sgd {
    if (!(learningRate > 0) || !(momentum >= 0 && momentum < 1)) {
      throw new IllegalArgumentException(
          "SGD needs learningRate > 0 and 0 <= momentum < 1, got " + learningRate + ", " + momentum);
    }
  }

  @Override
  public Updater start(List<Parameter> parameters) {
    List<Parameter> params = new ArrayList<>();
    List<double[]> velocity = new ArrayList<>();
    for (Parameter p : parameters) {
      if (p.trainable()) {
        params.add(p);
        velocity.add(new double[Math.toIntExact(p.size())]);
      }
    }
    return lr -> {
      for (int i = 0; i < params.size(); i++) {
        DoubleBuffer value = Buffers.of(params.get(i).value());
        DoubleBuffer grad = Buffers.of(params.get(i).gradient());
        double[] v = velocity.get(i);
        for (int j = 0; j < v.length; j++) {
          if (momentum > 0) {
            v[j] = momentum * v[j] - lr * grad.get(j);
            value.put(j, value.get(j) + v[j]);
          } else {
            value.put(j, value.get(j) - lr * grad.get(j));
          }
        }
      }
    };
  }

  @Override
  public String toString() {
    return momentum > 0 ? "SGD(lr=" + learningRate + ", momentum=" + momentum + ")" : "SGD(lr=" + learningRate + ")";
  }
}
