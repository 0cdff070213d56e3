package dev.tfe.model.privatetrain;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.api.Tfe;
import dev.tfe.data.Dataset;
import dev.tfe.fixedpoint.FixedPointOverflowException;
import dev.tfe.model.Fit;
import dev.tfe.model.Layers;
import dev.tfe.model.Sequential;
import dev.tfe.protocol.TestData;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Bad requests get clear errors that say what to do; training that overflows stops loudly. */
@Timeout(300)
class PrivateTrainingErrorsTest {

  static Dataset rows(int n, double scale) {
    Random rnd = new Random(9);
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 2;
    }
    return Dataset.classification(TestData.uniform(rnd, scale, n, 4), y, 2);
  }

  static Sequential logistic() {
    return Sequential.of(Layers.dense(4, 1), Layers.sigmoid()).initialize(1);
  }

  @Test
  void unsupportedRequestsSayWhatToDo() {
    try (Tfe tfe = Tfe.local(PrivateTraining.PRECISION)) {
      var owner = tfe.party("owner");
      var a = DataOwner.of(tfe.party("a"), rows(8, 1));
      var adam = assertThrows(IllegalArgumentException.class,
          () -> tfe.privateTraining(logistic(), owner, a).fit(Fit.epochs(1).adam(1e-3)));
      assertTrue(adam.getMessage().contains("Fit.sgd"), adam.getMessage());
      var decay = assertThrows(IllegalArgumentException.class,
          () -> tfe.privateTraining(logistic(), owner, a).fit(Fit.epochs(1).sgd(0.1).learningRateDecay(0.5)));
      assertTrue(decay.getMessage().contains("decay"), decay.getMessage());
      var pond = assertThrows(UnsupportedOperationException.class,
          () -> new PrivateTraining(tfe, logistic(), owner, tfe.pond(), List.of(a)));
      assertTrue(pond.getMessage().contains("comparisons"), pond.getMessage());
      var layer = assertThrows(IllegalArgumentException.class, () -> tfe.privateTraining(
          Sequential.of(Layers.dense(4, 2), Layers.tanh(), Layers.dense(2, 1), Layers.sigmoid()), owner, a)
          .fit(Fit.epochs(1).sgd(0.1)));
      assertTrue(layer.getMessage().contains("supports Dense"), layer.getMessage());
      var twice = assertThrows(IllegalArgumentException.class, () -> tfe.privateTraining(logistic(), owner, a, a));
      assertTrue(twice.getMessage().contains("different party"), twice.getMessage());
      var bce = assertThrows(IllegalArgumentException.class, () -> tfe.privateTraining(Sequential.of(Layers.dense(4, 1)),
          owner, a).fit(Fit.epochs(1).sgd(0.1).loss(dev.tfe.model.train.Loss.binaryCrossEntropy())));
      assertTrue(bce.getMessage().contains("Sigmoid"), bce.getMessage());
      assertThrows(IllegalStateException.class, () -> tfe.privateTraining(logistic(), owner, a).revealWeights());
    }
  }

  @Test
  void weightsThatGrowOutOfRangeStopTraining() {
    try (Tfe tfe = Tfe.local(PrivateTraining.PRECISION)) {
      var pt = tfe.privateTraining(Sequential.of(Layers.dense(4, 1)).initialize(1), tfe.party("owner"),
          DataOwner.of(tfe.party("a"), Dataset.regression(TestData.uniform(new Random(1), 8, 16, 4),
              TestData.uniform(new Random(2), 200, 16, 1))));
      var e = assertThrows(FixedPointOverflowException.class, () -> pt.fit(Fit.epochs(3).batchSize(16).sgd(0.9)));
      assertTrue(e.getMessage().contains("lower the learning rate"), e.getMessage());
    }
  }
}
