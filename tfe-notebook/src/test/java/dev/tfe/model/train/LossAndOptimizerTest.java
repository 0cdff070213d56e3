package dev.tfe.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tfe.model.layers.Dense;
import dev.tfe.model.layers.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class LossAndOptimizerTest {

  private static INDArray arr(double[] v, long... shape) {
    return Nd4j.create(v, shape, DataType.DOUBLE);
  }

  private static final INDArray LOGITS = arr(new double[] {1, 2, 0.5, -1, 0, 3, 2, 2, 2}, 3, 3);
  private static final INDArray CLASSES = arr(new double[] {1, 2, 0}, 3);
  private static final INDArray ONE_HOT = arr(new double[] {0, 1, 0, 0, 0, 1, 1, 0, 0}, 3, 3);

  @Test
  void crossEntropyByHand() {
    double expected = 0;
    for (int i = 0; i < 3; i++) {
      double z = 0;
      for (int k = 0; k < 3; k++) {
        z += Math.exp(LOGITS.getDouble(i, k));
      }
      expected -= Math.log(Math.exp(LOGITS.getDouble(i, (int) CLASSES.getDouble(i))) / z) / 3;
    }
    assertEquals(expected, Loss.crossEntropy().value(LOGITS, CLASSES), 1e-12);
    assertEquals(expected, Loss.crossEntropy().value(LOGITS, ONE_HOT), 1e-12);
    assertEquals(expected, Loss.crossEntropy().value(LOGITS, CLASSES.reshape(3, 1)), 1e-12);
    // stable for huge logits
    assertEquals(0, Loss.crossEntropy().value(arr(new double[] {1000, 0}, 1, 2), arr(new double[] {0}, 1)), 1e-12);
  }

  @Test
  void lossGradientsMatchFiniteDifferences() {
    for (Loss loss : List.of(Loss.crossEntropy(), Loss.mse())) {
      for (INDArray labels : List.of(CLASSES, ONE_HOT)) {
        INDArray g = loss.gradient(LOGITS, labels);
        INDArray z = LOGITS.dup();
        for (long i = 0; i < z.length(); i++) {
          double saved = z.getDouble(i);
          z.putScalar(i, saved + 1e-6);
          double plus = loss.value(z, labels);
          z.putScalar(i, saved - 1e-6);
          double minus = loss.value(z, labels);
          z.putScalar(i, saved);
          assertEquals((plus - minus) / 2e-6, g.getDouble(i), 1e-7, loss + " at " + i);
        }
      }
    }
  }

  @Test
  void mseByHandAndLabelErrors() {
    INDArray out = arr(new double[] {0.5, 0.5, 1, 0}, 2, 2);
    assertEquals((0.25 + 0.25 + 1 + 1) / 4, Loss.mse().value(out, arr(new double[] {1, 1}, 2)), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> Loss.crossEntropy().value(LOGITS, arr(new double[] {0, 3, 1}, 3)));
    assertThrows(IllegalArgumentException.class, () -> Loss.crossEntropy().value(LOGITS, arr(new double[] {0, 1}, 2)));
  }

  private static Parameter parameterWithGradient(double[] value, double[] grad) {
    Dense d = Dense.withWeights(arr(value, 1, value.length), Nd4j.zeros(DataType.DOUBLE, value.length));
    Parameter p = d.parameters().get(0);
    p.gradient().assign(arr(grad, 1, grad.length));
    return p;
  }

  @Test
  void sgdAndMomentumSteps() {
    Parameter p = parameterWithGradient(new double[] {1, 2}, new double[] {0.5, -1});
    Optimizer.Updater u = Optimizer.sgd(0.1).start(List.of(p));
    u.step(0.1);
    assertEquals(0.95, p.value().getDouble(0), 1e-15);
    assertEquals(2.1, p.value().getDouble(1), 1e-15);

    Parameter q = parameterWithGradient(new double[] {1}, new double[] {1});
    Optimizer.Updater m = Optimizer.sgd(0.1, 0.9).start(List.of(q));
    m.step(0.1); // v = -0.1, p = 0.9
    m.step(0.1); // v = -0.09 - 0.1 = -0.19, p = 0.71
    assertEquals(0.71, q.value().getDouble(0), 1e-12);
  }

  @Test
  void adamStepsByHand() {
    Parameter p = parameterWithGradient(new double[] {1, 1}, new double[] {4, -0.001});
    Optimizer.Updater u = Optimizer.adam(0.01).start(List.of(p));
    u.step(0.01);
    // the first bias-corrected step is lr * g / (|g| + eps): about lr * sign(g)
    assertEquals(0.99, p.value().getDouble(0), 1e-9);
    assertEquals(1.01, p.value().getDouble(1), 1e-6);
    p.gradient().assign(arr(new double[] {2, 0}, 1, 2));
    u.step(0.01);
    double m = (0.9 * 0.1 * 4 + 0.1 * 2) / (1 - 0.81);
    double v = (0.999 * 0.001 * 16 + 0.001 * 4) / (1 - 0.999 * 0.999);
    assertEquals(0.99 - 0.01 * m / (Math.sqrt(v) + 1e-8), p.value().getDouble(0), 1e-9);
  }

  @Test
  void optimisersRejectBadSettings() {
    assertThrows(IllegalArgumentException.class, () -> Optimizer.sgd(0));
    assertThrows(IllegalArgumentException.class, () -> Optimizer.sgd(0.1, 1));
    assertThrows(IllegalArgumentException.class, () -> Optimizer.adam(-1));
  }
}
