package dev.tfe.model.train;

import static dev.tfe.model.Layers.dense;
import static dev.tfe.model.Layers.sigmoid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.data.Dataset;
import dev.tfe.model.Evaluation;
import dev.tfe.model.Fit;
import dev.tfe.model.Sequential;
import dev.tfe.model.TrainingHistory;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A model with one sigmoid output (two classes) trains with a real loss: by default binary
 * cross-entropy, which it used to be softmax cross-entropy, always 0 ("loss 0.0000") on one
 * column. Softmax cross-entropy asked for explicitly on one column refuses, naming the loss to use.
 */
class BinaryCrossEntropyTest {
  /** Points of the plane, class 1 above the line y = 0.5 x. */
  private static Dataset twoClasses(int n, long seed) {
    Random rnd = new Random(seed);
    double[][] x = new double[n][2];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = 2 * rnd.nextDouble() - 1;
      x[i][1] = 2 * rnd.nextDouble() - 1;
      labels[i] = x[i][1] > 0.5 * x[i][0] ? 1 : 0;
    }
    return Dataset.classification(Nd4j.createFromArray(x), labels, 2);
  }

  @Test
  void oneSigmoidOutputTrainsWithBinaryCrossEntropyByDefault() {
    Sequential model = Sequential.of(dense(2, 1), sigmoid()).initialize(1);
    TrainingHistory h = model.fit(twoClasses(400, 1), Fit.epochs(30).batchSize(20).adam(5e-2).seed(1));
    assertTrue(h.toString().contains("binary-cross-entropy"), h.toString());
    double first = h.epochs().get(0).loss();
    double last = h.last().loss();
    assertTrue(first > 0.05 && last < 0.6 * first, "loss from " + first + " to " + last);
    Evaluation e = model.evaluate(twoClasses(200, 2));
    assertEquals("binary-cross-entropy", e.lossName());
    assertTrue(e.loss() > 0 && e.accuracy() > 0.95, e.toString());
  }

  @Test
  void valueAndGradientMatchTheFormula() {
    INDArray p = Nd4j.createFromArray(new double[][] {{0.9}, {0.2}, {0.5}});
    INDArray y = Nd4j.createFromArray(new double[] {1, 0, 1});
    double expected = -(Math.log(0.9) + Math.log(0.8) + Math.log(0.5)) / 3;
    assertEquals(expected, Loss.binaryCrossEntropy().value(p, y), 1e-12);
    INDArray g = Loss.binaryCrossEntropy().gradient(p, y).castTo(DataType.DOUBLE);
    assertEquals((0.9 - 1) / (0.9 * 0.1) / 3, g.getDouble(0, 0), 1e-12);
    assertEquals(0.2 / (0.2 * 0.8) / 3, g.getDouble(1, 0), 1e-12);
    assertTrue(Double.isFinite(Loss.binaryCrossEntropy().value(Nd4j.createFromArray(new double[][] {{1.0}}),
        Nd4j.createFromArray(new double[] {0}))), "a saturated output gives a finite loss");
  }

  @Test
  void softmaxCrossEntropyOnOneColumnRefusesNamingBinaryCrossEntropy() {
    Sequential model = Sequential.of(dense(2, 1), sigmoid()).initialize(1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> model.fit(twoClasses(40, 3), Fit.epochs(1).loss(Loss.crossEntropy())));
    assertTrue(e.getMessage().contains("Loss.binaryCrossEntropy()"), e.getMessage());
    IllegalArgumentException t = assertThrows(IllegalArgumentException.class,
        () -> Loss.binaryCrossEntropy().value(Nd4j.createFromArray(new double[][] {{0.5}}),
            Nd4j.createFromArray(new double[] {3})));
    assertTrue(t.getMessage().contains("[0, 1]"), t.getMessage());
  }

  @Test
  void oneOutputForMoreThanTwoClassesIsRefused() {
    Sequential model = Sequential.of(dense(2, 1), sigmoid()).initialize(1);
    Dataset three = Dataset.classification(Nd4j.createFromArray(new double[][] {{0, 1}, {1, 0}, {1, 1}}),
        new int[] {0, 1, 2}, 3);
    RuntimeException e = assertThrows(RuntimeException.class, () -> model.fit(three, Fit.epochs(1)));
    assertTrue(e.getMessage().contains("one output per class"), e.getMessage());
  }
}
