package dev.tfe.protocol.aby3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.api.Tfe;
import dev.tfe.model.SecureNnNetworks;
import dev.tfe.model.Sequential;
import dev.tfe.model.secure.Prediction;
import dev.tfe.protocol.TestData;
import java.util.Random;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The networks A to D of SecureNN's evaluation (ReLU, max pooling, convolutions, dense layers)
 * predict under ABY3 the classes the plaintext model predicts, with logits within a stated
 * tolerance: each truncation is off by at most one unit of 2^-16, and ReLU and max pooling are
 * exact, so the logits of these small networks stay within 1e-2 of the plaintext ones.
 */
@Timeout(600)
class Aby3NetworksTest {
  static final double LOGIT_TOLERANCE = 1e-2;

  @ParameterizedTest(name = "network {0}")
  @ValueSource(strings = {"A", "B", "C", "D"})
  void networkAgreesWithPlaintext(String name) {
    Sequential model = SecureNnNetworks.network(name).initialize(name.charAt(0));
    int batch = 4;
    int[] example = SecureNnNetworks.exampleShape(name);
    int[] shape = new int[example.length + 1];
    shape[0] = batch;
    System.arraycopy(example, 0, shape, 1, example.length);
    INDArray x = TestData.uniform(new Random(name.charAt(0)), 1, shape).addi(1).divi(2);
    try (Tfe tfe = Tfe.local()) {
      Prediction p = tfe.privateModel(model, tfe.party("owner"), tfe.aby3()).predict(tfe.party("client"), x);
      double diff = model.logits(x).sub(p.logits()).amaxNumber().doubleValue();
      assertTrue(diff < LOGIT_TOLERANCE, name + ": max logit difference " + diff);
      assertArrayEquals(model.predictClasses(x), p.classes(), name + ": classes");
      assertEquals(batch, p.compareWithPlaintext().same());
    }
  }
}
