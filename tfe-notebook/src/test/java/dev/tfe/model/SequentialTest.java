package dev.tfe.model;

import static dev.tfe.model.Layers.avgPool2d;
import static dev.tfe.model.Layers.batchNorm;
import static dev.tfe.model.Layers.conv2d;
import static dev.tfe.model.Layers.dense;
import static dev.tfe.model.Layers.flatten;
import static dev.tfe.model.Layers.maxPool2d;
import static dev.tfe.model.Layers.relu;
import static dev.tfe.model.Layers.reshape;
import static dev.tfe.model.Layers.sigmoid;
import static dev.tfe.model.Layers.softmax;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.data.Dataset;
import dev.tfe.model.layers.Padding;
import dev.tfe.model.layers.ShapeMismatchException;
import dev.tfe.model.train.Loss;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SequentialTest {

  /** Two Gaussian blobs per class in 2-D, 3 classes: linearly separable with a margin. */
  static Dataset blobs(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] centres = {{2, 0}, {-1, 2}, {-1, -2}};
    double[] x = new double[n * 2];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 3;
      x[2 * i] = centres[y[i]][0] + 0.4 * (rng.nextDouble() - 0.5);
      x[2 * i + 1] = centres[y[i]][1] + 0.4 * (rng.nextDouble() - 0.5);
    }
    return Dataset.classification(Nd4j.create(x, new long[] {n, 2}, DataType.DOUBLE), y, 3);
  }

  @Test
  void shapeErrorsAtConstructionNameTheLayerAndBothShapes() {
    ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
        () -> Sequential.of(dense(784, 128), relu(), dense(100, 10)));
    assertTrue(e.getMessage().contains("layer 3 of 3") && e.getMessage().contains("Dense(100 -> 10)")
        && e.getMessage().contains("[N, 100]") && e.getMessage().contains("[N, 128]"), e.getMessage());
    e = assertThrows(ShapeMismatchException.class, () -> Sequential.of(conv2d(1, 8, 3), conv2d(4, 8, 3)));
    assertTrue(e.getMessage().contains("layer 2 of 2"), e.getMessage());
  }

  @Test
  void shapeErrorsWithDataNameTheLayer() {
    Sequential cnn = Sequential.of(conv2d(1, 16, 5), maxPool2d(2), relu(), conv2d(16, 16, 5), maxPool2d(2), relu(),
        flatten(), dense(300, 100), relu(), dense(100, 10));
    ShapeMismatchException e = assertThrows(ShapeMismatchException.class, () -> cnn.outputShape(28, 28, 1));
    assertTrue(e.getMessage().contains("layer 8 of 10") && e.getMessage().contains("[N, 300]")
        && e.getMessage().contains("[N, 256]"), e.getMessage());
    e = assertThrows(ShapeMismatchException.class, () -> cnn.predict(Nd4j.zeros(DataType.DOUBLE, 2, 28, 28, 1)));
    assertTrue(e.getMessage().contains("layer 8 of 10"), e.getMessage());
    Sequential mlp = Sequential.of(dense(784, 10));
    e = assertThrows(ShapeMismatchException.class, () -> mlp.predict(Nd4j.zeros(DataType.DOUBLE, 2, 28, 28, 1)));
    assertTrue(e.getMessage().contains("flatten"), e.getMessage());
    Dataset wrongClasses = Dataset.classification(Nd4j.zeros(DataType.DOUBLE, 4, 784), new int[] {0, 1, 2, 11});
    e = assertThrows(ShapeMismatchException.class, () -> mlp.fit(wrongClasses));
    assertTrue(e.getMessage().contains("12 classes"), e.getMessage());
  }

  @Test
  void outputShapesAndSummary() {
    Sequential cnn = Sequential.of(reshape(28, 28, 1), conv2d(1, 16, 5), maxPool2d(2), relu(), conv2d(16, 16, 5),
        maxPool2d(2), relu(), flatten(), dense(256, 100), relu(), dense(100, 10));
    assertArrayEquals(new int[] {10}, cnn.outputShape(784));
    assertArrayEquals(new int[] {4, 4, 16}, Sequential.of(conv2d(1, 16, 5), maxPool2d(2), relu(), conv2d(16, 16, 5),
        maxPool2d(2)).outputShape(28, 28, 1));
    assertArrayEquals(new int[] {14, 14, 8}, Sequential.of(conv2d(3, 8, 3, 2, Padding.SAME)).outputShape(28, 27, 3));
    String summary = cnn.summary();
    assertTrue(summary.contains("[N, 24, 24, 16]") && summary.contains("total parameters: " + cnn.parameterCount()),
        summary);
    assertEquals(16 * 25 + 16 + 16 * 16 * 25 + 16 + 256 * 100 + 100 + 100 * 10 + 10, cnn.parameterCount());
  }

  @Test
  void weightsAreDrawnReproduciblyFromSeeds() {
    Sequential a = Sequential.of(dense(4, 3), relu(), dense(3, 2));
    Sequential b = Sequential.of(dense(4, 3), relu(), dense(3, 2));
    assertEquals(a.parameters().get(0).value(), b.parameters().get(0).value());
    assertNotEquals(a.parameters().get(0).value(), a.parameters().get(2).value().reshape(1, 6).dup());
    b.initialize(7);
    assertNotEquals(a.parameters().get(0).value(), b.parameters().get(0).value());
    assertEquals(b.parameters().get(0).value(), Sequential.of(dense(4, 3), relu(), dense(3, 2)).initialize(7)
        .parameters().get(0).value());
    double limit = Math.sqrt(6.0 / 4);
    assertTrue(a.parameters().get(0).value().amaxNumber().doubleValue() <= limit);
  }

  @Test
  void predictProcessesLargeInputsInBatchesAndConvertsFloats() {
    Sequential model = Sequential.of(dense(6, 5), relu(), dense(5, 3));
    INDArray x = GradientInputs.random(3, 600, 6);
    INDArray all = model.predict(x);
    INDArray first = model.predict(x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 10),
        org.nd4j.linalg.indexing.NDArrayIndex.all()));
    assertArrayEquals(new long[] {600, 3}, all.shape());
    assertTrue(all.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 10), org.nd4j.linalg.indexing.NDArrayIndex.all())
        .equalsWithEps(first, 1e-12));
    assertTrue(model.predict(x.castTo(DataType.FLOAT)).equalsWithEps(all, 1e-5));
    int[] classes = model.predictClasses(x);
    assertEquals(all.argMax(1).getInt(599), classes[599]);
  }

  @Test
  void finalSoftmaxGivesProbabilitiesAndFusesWithCrossEntropy() {
    Dataset data = blobs(90, 1);
    Sequential plain = Sequential.of(dense(2, 8), relu(), dense(8, 3));
    Sequential withSoftmax = Sequential.of(dense(2, 8), relu(), dense(8, 3), softmax());
    TrainingHistory h1 = plain.fit(data, Fit.epochs(3).batchSize(16).sgd(0.1));
    TrainingHistory h2 = withSoftmax.fit(data, Fit.epochs(3).batchSize(16).sgd(0.1));
    assertArrayEquals(h1.loss(), h2.loss(), 1e-12);
    INDArray p = withSoftmax.predict(data.features(0, 5));
    assertTrue(p.sum(1).equalsWithEps(Nd4j.ones(DataType.DOUBLE, 5), 1e-12));
    assertEquals(plain.evaluate(data).loss(), withSoftmax.evaluate(data).loss(), 1e-12);
    assertArrayEquals(plain.predictClasses(data.features()), withSoftmax.predictClasses(data.features()));
  }

  @Test
  void learnsSeparableBlobsWithEveryOptimiserAndLoss() {
    Dataset train = blobs(300, 2);
    Dataset test = blobs(150, 3);
    for (Fit fit : new Fit[] {Fit.epochs(20).sgd(0.1), Fit.epochs(20).sgd(0.05, 0.9), Fit.epochs(20).adam(0.01),
        Fit.epochs(20).adam(0.01).loss(Loss.mse())}) {
      Sequential model = Sequential.of(dense(2, 16), relu(), dense(16, 3));
      TrainingHistory h = model.fit(train, fit.validation(test));
      assertTrue(h.loss()[19] < h.loss()[0], fit + ": " + h);
      assertEquals(1.0, model.evaluate(test).accuracy(), 1e-12, fit + ": " + h);
      assertEquals(1.0, h.last().validationAccuracy(), 1e-12);
    }
  }

  @Test
  void regressionWithMse() {
    SplittableRandom rng = new SplittableRandom(4);
    double[] x = new double[200 * 3];
    double[] y = new double[200];
    for (int i = 0; i < 200; i++) {
      for (int j = 0; j < 3; j++) {
        x[3 * i + j] = rng.nextDouble() * 2 - 1;
      }
      y[i] = 0.5 * x[3 * i] - 2 * x[3 * i + 1] + x[3 * i + 2] + 0.3;
    }
    Dataset data = Dataset.regression(Nd4j.create(x, new long[] {200, 3}, DataType.DOUBLE),
        Nd4j.create(y, new long[] {200}, DataType.DOUBLE));
    Sequential model = Sequential.of(dense(3, 1));
    TrainingHistory h = model.fit(data, Fit.epochs(60).batchSize(20).sgd(0.1));
    assertTrue(Double.isNaN(h.last().accuracy()));
    Evaluation e = model.evaluate(data);
    assertTrue(e.loss() < 1e-6, e.toString());
    assertEquals(-2, model.parameters().get(0).value().getDouble(1, 0), 1e-3);
  }

  @Test
  void batchNormalisationAndPoolingTrainInsideAModel() {
    Dataset data = blobs(120, 5);
    Sequential model = Sequential.of(dense(2, 12), batchNorm(12), relu(), reshape(2, 2, 3), avgPool2d(2, 1,
        Padding.SAME), sigmoid(), flatten(), dense(12, 3), softmax());
    TrainingHistory h = model.fit(data, Fit.epochs(15).batchSize(16).adam(0.02).seed(3));
    assertTrue(h.loss()[14] < h.loss()[0] / 2, h.toString());
    assertTrue(model.evaluate(data).accuracy() > 0.95, model.evaluate(data).toString());
  }

  @Test
  void historyAsTableAndListener() {
    int[] calls = {0};
    TrainingHistory h = Sequential.of(dense(2, 3)).fit(blobs(30, 6),
        Fit.epochs(4).batchSize(8).onEpoch(e -> calls[0]++));
    assertEquals(4, calls[0]);
    assertEquals(4, h.toTable().rowCount());
    assertEquals(java.util.List.of("epoch", "loss", "accuracy", "val_loss", "val_accuracy", "seconds"),
        h.toTable().columnNames());
    assertTrue(h.description().contains("batchSize=8") && h.description().contains("cross-entropy"), h.description());
  }

  @Test
  void shufflingFollowsTheSeed() {
    Dataset data = blobs(60, 7);
    double[] a = Sequential.of(dense(2, 3)).fit(data, Fit.epochs(2).batchSize(8).seed(1)).loss();
    double[] b = Sequential.of(dense(2, 3)).fit(data, Fit.epochs(2).batchSize(8).seed(1)).loss();
    double[] c = Sequential.of(dense(2, 3)).fit(data, Fit.epochs(2).batchSize(8).seed(2)).loss();
    assertArrayEquals(a, b, 0);
    assertNotEquals(a[1], c[1]);
  }

  @Test
  void learningRateDecaysPerEpoch() {
    Fit f = Fit.epochs(3).sgd(0.1).learningRateDecay(0.5);
    assertEquals(0.1, f.learningRate(1), 1e-15);
    assertEquals(0.025, f.learningRate(3), 1e-15);
    assertTrue(f.toString().contains("decay=0.5"), f.toString());
    assertThrows(IllegalArgumentException.class, () -> Fit.epochs(1).learningRateDecay(0));
    Dataset data = blobs(60, 8);
    double[] constant = Sequential.of(dense(2, 3)).fit(data, Fit.epochs(3).batchSize(8).sgd(0.1)).loss();
    double[] decayed = Sequential.of(dense(2, 3)).fit(data, f.batchSize(8)).loss();
    assertEquals(constant[0], decayed[0], 0, "the first epoch runs at the full rate");
    assertNotEquals(constant[2], decayed[2]);
  }

  /** Random inputs for model tests. */
  static final class GradientInputs {
    static INDArray random(long seed, long... shape) {
      SplittableRandom rng = new SplittableRandom(seed);
      INDArray a = Nd4j.create(DataType.DOUBLE, shape);
      for (long i = 0; i < a.length(); i++) {
        a.putScalar(i, rng.nextDouble() * 2 - 1);
      }
      return a;
    }
  }
}
