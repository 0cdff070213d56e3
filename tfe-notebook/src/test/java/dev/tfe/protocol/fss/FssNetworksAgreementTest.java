package dev.tfe.protocol.fss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.api.Tfe;
import dev.tfe.data.Dataset;
import dev.tfe.data.Mnist;
import dev.tfe.model.SecureNnNetworks;
import dev.tfe.model.Sequential;
import dev.tfe.model.secure.Prediction;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Networks A to D of the SecureNN paper under FSS: the private classes of real digits equal the
 * plaintext classes, and every logit is within {@code 2^-8} of the plaintext one (the fixed-point
 * rounding of inputs and weights and one unit per truncation, grown by the fan-in; the
 * comparisons themselves are exact). The dealer sends keys.
 */
@Timeout(300)
class FssNetworksAgreementTest {
  @ParameterizedTest(name = "network {0}")
  @ValueSource(strings = {"A", "B", "C", "D"})
  void privateClassesEqualPlaintextClasses(String net) {
    Sequential model = SecureNnNetworks.network(net).initialize(1);
    int[] shape = SecureNnNetworks.exampleShape(net);
    Dataset test = Mnist.load().test().head(8);
    if (shape.length == 3) {
      test = test.reshaped(shape);
    }
    try (Tfe tfe = Tfe.local()) {
      Fss fss = tfe.use(FssModule.automatic());
      Prediction p = tfe.privateModel(model, tfe.party("owner"), fss).predict(tfe.party("client"), test.features(), 8);
      Prediction.Agreement a = p.compareWithPlaintext();
      assertEquals(a.total(), a.same(), net + ": " + a);
      assertTrue(a.maxLogitDifference() < 1.0 / 256, net + ": " + a);
      assertTrue(p.profile().bytesSentByParty().get("server2") > 0, "the dealer sends keys");
    }
  }
}
