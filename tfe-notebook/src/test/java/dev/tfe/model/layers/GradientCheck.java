package dev.tfe.model.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Compares a layer's backward pass with central finite differences of
 * {@code f(x, params) = sum(r * layer(x))} for a fixed random {@code r}.
 */
final class GradientCheck {
  private static final double H = 1e-6;
  private static final double TOLERANCE = 1e-6;

  private GradientCheck() {}

  /** A random tensor with entries uniform in [-1, 1]. */
  static INDArray random(long seed, long... shape) {
    SplittableRandom rng = new SplittableRandom(seed);
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    double[] v = new double[(int) n];
    for (int i = 0; i < v.length; i++) {
      v[i] = rng.nextDouble() * 2 - 1;
    }
    return Nd4j.create(v, shape, DataType.DOUBLE);
  }

  /** Checks the input gradient and every trainable parameter's gradient of {@code layer} at {@code input}. */
  static void check(Layer layer, INDArray input, boolean training) {
    INDArray out = layer.forward(input.dup(), training);
    INDArray r = random(99, out.shape());
    layer.forward(input.dup(), training);
    INDArray dx = layer.backward(r.dup());
    INDArray x = input.dup();
    for (long i = 0; i < x.length(); i++) {
      double saved = x.getDouble(i);
      x.putScalar(i, saved + H);
      double plus = objective(layer, x, r, training);
      x.putScalar(i, saved - H);
      double minus = objective(layer, x, r, training);
      x.putScalar(i, saved);
      assertClose((plus - minus) / (2 * H), dx.getDouble(i), layer + " input gradient at " + i);
    }
    for (Parameter p : layer.parameters()) {
      if (!p.trainable()) {
        continue;
      }
      layer.forward(input.dup(), training);
      layer.backward(r.dup());
      INDArray analytic = p.gradient().dup();
      INDArray v = p.value();
      for (long i = 0; i < v.length(); i++) {
        double saved = v.getDouble(i);
        v.putScalar(i, saved + H);
        double plus = objective(layer, input, r, training);
        v.putScalar(i, saved - H);
        double minus = objective(layer, input, r, training);
        v.putScalar(i, saved);
        assertClose((plus - minus) / (2 * H), analytic.getDouble(i), layer + " gradient of " + p.name() + " at " + i);
      }
    }
  }

  private static double objective(Layer layer, INDArray x, INDArray r, boolean training) {
    return layer.forward(x.dup(), training).mul(r).sumNumber().doubleValue();
  }

  private static void assertClose(double numeric, double analytic, String what) {
    double scale = Math.max(1, Math.abs(numeric) + Math.abs(analytic));
    assertEquals(numeric, analytic, TOLERANCE * scale, what);
  }
}
