package dev.tfe.model.train;

import dev.tfe.model.layers.Parameter;
import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam (Kingma and Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015): with
 * {@code m = b1 m + (1 - b1) g}, {@code v = b2 v + (1 - b2) g^2} and step count {@code t},
 * {@code p -= lr * (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)}.
 *
 * <p>The update runs element by element over the parameters' buffers, without temporary arrays.
 */
public record Adam(double learningRate, double beta1, double beta2, double epsilon) implements Optimizer {

  public Adam {
    if (!(learningRate > 0) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(epsilon > 0)) {
      throw new IllegalArgumentException("Adam needs lr > 0, 0 <= beta1, beta2 < 1 and epsilon > 0, got lr="
          + learningRate + ", beta1=" + beta1 + ", beta2=" + beta2 + ", epsilon=" + epsilon);
    }
  }

  @Override
  public Updater start(List<Parameter> parameters) {
    List<Parameter> params = new ArrayList<>();
    List<double[]> first = new ArrayList<>();
    List<double[]> second = new ArrayList<>();
    for (Parameter p : parameters) {
      if (p.trainable()) {
        params.add(p);
        first.add(new double[Math.toIntExact(p.size())]);
        second.add(new double[Math.toIntExact(p.size())]);
      }
    }
    int[] step = {0};
    return lr -> {
      step[0]++;
      double c1 = 1 - Math.pow(beta1, step[0]);
      double c2 = 1 - Math.pow(beta2, step[0]);
      for (int i = 0; i < params.size(); i++) {
        DoubleBuffer value = Buffers.of(params.get(i).value());
        DoubleBuffer grad = Buffers.of(params.get(i).gradient());
        double[] m = first.get(i);
        double[] v = second.get(i);
        for (int j = 0; j < m.length; j++) {
          double g = grad.get(j);
          m[j] = beta1 * m[j] + (1 - beta1) * g;
          v[j] = beta2 * v[j] + (1 - beta2) * g * g;
          value.put(j, value.get(j) - lr * (m[j] / c1) / (Math.sqrt(v[j] / c2) + epsilon));
        }
      }
    };
  }

  @Override
  public String toString() {
    return "Adam(lr=" + learningRate + ")";
  }
}
