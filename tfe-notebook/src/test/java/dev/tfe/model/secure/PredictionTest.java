package dev.tfe.model.secure;

import static dev.tfe.model.Layers.dense;
import static dev.tfe.model.Layers.relu;
import static dev.tfe.model.Layers.softmax;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.program.Party;
import dev.tfe.api.Tfe;
import dev.tfe.fixedpoint.NotFiniteValueException;
import dev.tfe.model.Sequential;
import dev.tfe.protocol.TestData;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.api.ndarray.INDArray;

/** What a client reads from a {@link Prediction}: logits compared with logits, classes, input errors. */
@Timeout(120)
class PredictionTest {
  private static final INDArray X = TestData.uniform(new Random(3), 2, 40, 12);

  @Test
  void aFinalSoftmaxIsComparedLogitsWithLogits() {
    Sequential model = Sequential.of(dense(12, 8), relu(), dense(8, 5), softmax()).initialize(7);
    try (Tfe tfe = Tfe.local()) {
      Prediction p = tfe.privateModel(model, tfe.party("owner")).predict(tfe.party("client"), X);
      Prediction.Agreement a = p.compareWithPlaintext();
      assertEquals(40, a.same(), a.toString());
      // before the fix, probabilities minus logits: differences of the logits' own size
      assertTrue(a.maxLogitDifference() < 1e-2, a.toString());
      assertTrue(model.logits(X).sub(p.logits()).amaxNumber().doubleValue() < 1e-2);
      assertTrue(model.predict(X).sub(p.outputs()).amaxNumber().doubleValue() < 1e-2, "probabilities too");
    }
  }

  @Test
  void aSingleOutputIsClassedByThresholdAsThePlaintextModelDoes() {
    Sequential model = Sequential.of(dense(12, 1)).initialize(11);
    INDArray x = X.mul(10);
    try (Tfe tfe = Tfe.local()) {
      Prediction p = tfe.privateModel(model, tfe.party("owner")).predict(tfe.party("client"), x);
      int[] plain = model.predictClasses(x);
      assertTrue(java.util.Arrays.stream(plain).anyMatch(c -> c == 1), "the fixture should predict both classes");
      // before the fix, arg-max over one column: every private class was 0
      assertArrayEquals(plain, p.classes());
    }
  }

  @Test
  void aNanInputIsNamedByItsRowAndColumnBeforeAnyBatchRuns() {
    Sequential model = Sequential.of(dense(12, 3)).initialize(1);
    INDArray x = X.dup();
    x.putScalar(new long[] {33, 4}, Double.NaN);
    try (Tfe tfe = Tfe.local()) {
      Party client = tfe.party("client");
      PrivateModel pm = tfe.privateModel(model, tfe.party("owner"));
      var e = assertThrows(NotFiniteValueException.class, () -> pm.predict(client, x, 10));
      assertTrue(e.getMessage().contains("[33, 4] is NaN"), e.getMessage());
    }
  }
}
