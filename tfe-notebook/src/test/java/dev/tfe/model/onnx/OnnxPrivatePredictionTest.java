package dev.tfe.model.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.api.Tfe;
import dev.tfe.data.Dataset;
import dev.tfe.data.Mnist;
import dev.tfe.model.Sequential;
import dev.tfe.model.secure.Prediction;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Imported models predict privately (SecureNN, the default, in-process) what they predict in
 * plaintext: the same classes, logits within fixed-point rounding.
 */
@Timeout(600)
class OnnxPrivatePredictionTest {
  /** Largest logit difference allowed between private and plaintext predictions (16 fractional bits). */
  static final double LOGIT_TOLERANCE = 1e-3;

  @ParameterizedTest
  @ValueSource(strings = {"network_a", "network_b", "network_c", "network_d"})
  void pyTorchNetworksAgreeOnTheFixtureDigits(String name) throws IOException {
    OnnxFixturesTest.Fixture f = OnnxFixturesTest.fixture(name);
    try (Tfe tfe = Tfe.local()) {
      Prediction p = tfe.privateModel(f.model(), tfe.party("owner")).predict(tfe.party("client"), f.inputs());
      Prediction.Agreement a = p.compareWithPlaintext();
      System.out.println(name + ": " + a + "; " + p);
      assertEquals(a.total(), a.same(), name + ": " + a);
      assertTrue(a.maxLogitDifference() <= LOGIT_TOLERANCE, name + ": " + a);
    }
  }

  @Test
  void trainedMlpAgreesOnTwoHundredHeldBackDigits() throws IOException {
    Sequential model = OnnxFixturesTest.fixture("mlp_trained").model();
    Dataset heldBack = Mnist.load().test().head(200);
    try (Tfe tfe = Tfe.local()) {
      Prediction p = tfe.privateModel(model, tfe.party("owner")).predict(tfe.party("client"), heldBack.features(), 100);
      Prediction.Agreement a = p.compareWithPlaintext();
      double accuracy = p.accuracy(heldBack.classes());
      System.out.println("mlp_trained: " + a + "; private accuracy " + accuracy + "; " + p);
      assertEquals(200, a.same(), a.toString());
      assertTrue(a.maxLogitDifference() <= LOGIT_TOLERANCE, a.toString());
      assertTrue(accuracy > 0.85, "private accuracy " + accuracy);
    }
  }

  @Test
  void batchNormAfterReluHasNoPrivateVersionAndSaysSo() throws IOException {
    Sequential model = OnnxFixturesTest.fixture("bn_pool").model();
    try (Tfe tfe = Tfe.local()) {
      var e = assertThrows(UnsupportedOperationException.class, () -> tfe.privateModel(model, tfe.party("owner")));
      assertTrue(e.getMessage().contains("BatchNormalization") && e.getMessage().contains("Dense or Conv2D"),
          e.getMessage());
    }
  }
}
