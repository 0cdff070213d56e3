package dev.tfe.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.api.Tfe;
import dev.tfe.model.SecureNnNetworks;
import dev.tfe.model.Sequential;
import dev.tfe.model.secure.Prediction;
import dev.tfe.protocol.TestData;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Private prediction under ABY3 on party processes ({@code tfe.privateModel(model, owner,
 * tfe.aby3())} after {@code tfe.launchLocal()}): the party processes install ABY3's op module
 * from the plan's module ids, and the classes agree with the plaintext model's, the logits within
 * 1e-2 (each truncation is off by at most 2^-16; ReLU and max pooling are exact).
 */
@Tag("processes")
@Timeout(300)
class Aby3PredictionProcessTest {

  @AfterEach
  void noProcessLeft() {
    Processes.assertNoneLeft();
  }

  @ParameterizedTest(name = "network {0}")
  @ValueSource(strings = {"A", "D"})
  void networkOnProcessesAgreesWithPlaintext(String name) {
    Sequential model = SecureNnNetworks.network(name).initialize(3);
    int batch = 8;
    int[] example = SecureNnNetworks.exampleShape(name);
    int[] shape = new int[example.length + 1];
    shape[0] = batch;
    System.arraycopy(example, 0, shape, 1, example.length);
    INDArray x = TestData.uniform(new Random(9), 1, shape).addi(1).divi(2);
    try (Tfe tfe = Tfe.local()) {
      tfe.launchLocal();
      Prediction p = tfe.privateModel(model, tfe.party("model-owner"), tfe.aby3()).predict(tfe.party("prediction-client"), x);
      double diff = model.logits(x).sub(p.logits()).amaxNumber().doubleValue();
      assertTrue(diff < 1e-2, name + ": max logit difference " + diff);
      assertArrayEquals(model.predictClasses(x), p.classes(), name + ": classes");
      assertTrue(p.profile().bytesSentByParty().get("server2") > 0, "the third party holds shares and sends");
    }
  }
}
