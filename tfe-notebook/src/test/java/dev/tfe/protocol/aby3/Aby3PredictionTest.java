package dev.tfe.protocol.aby3;

import static dev.tfe.model.Layers.avgPool2d;
import static dev.tfe.model.Layers.conv2d;
import static dev.tfe.model.Layers.dense;
import static dev.tfe.model.Layers.flatten;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.api.Tfe;
import dev.tfe.model.Sequential;
import dev.tfe.model.secure.Prediction;
import dev.tfe.protocol.TestData;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Private prediction under ABY3, chosen by one argument ({@code tfe.aby3()}), against the plaintext model. */
@Timeout(120)
class Aby3PredictionTest {
  /** Logits may differ by a few truncation units per layer; 1e-2 is far above that and far below a class margin. */
  static final double LOGIT_TOLERANCE = 1e-2;

  @Test
  void linearLayersDenseConvAvgPoolFlattenAgreeWithPlaintext() {
    Sequential model = Sequential.of(conv2d(1, 4, 3), avgPool2d(2), flatten(), dense(4 * 3 * 3, 16), dense(16, 10))
        .initialize(5);
    INDArray x = TestData.uniform(new Random(4), 1, 12, 8, 8, 1);
    try (Tfe tfe = Tfe.local()) {
      Prediction p = tfe.privateModel(model, tfe.party("owner"), tfe.aby3()).predict(tfe.party("client"), x);
      assertEquals("aby3", p.protocol());
      double diff = model.logits(x).sub(p.logits()).amaxNumber().doubleValue();
      assertTrue(diff < LOGIT_TOLERANCE, "max logit difference " + diff);
      Prediction.Agreement a = p.compareWithPlaintext();
      assertEquals(12, a.same(), a.toString());
    }
  }
}
