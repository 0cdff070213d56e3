package dev.tfe.protocol.fss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.program.Party;
import dev.tfe.api.Tfe;
import dev.tfe.data.Dataset;
import dev.tfe.data.Mnist;
import dev.tfe.model.SecureNnNetworks;
import dev.tfe.model.Sequential;
import dev.tfe.model.secure.Prediction;
import dev.tfe.model.secure.PrivateModel;
import dev.tfe.profile.Profile;
import dev.tfe.protocol.Protocol;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The offline phase ahead of the input: {@code PrivateModel.preprocess} makes the dealer's
 * material for the next runs; those runs then send nothing from the dealer, take fewer or as many
 * rounds, and answer exactly as a run without preprocessing (the same classes as plaintext, logits
 * within the same bound); a run after the material is used up falls back to the whole run.
 */
@Timeout(300)
class FssPreprocessingTest {

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"fss, A", "fss, B", "securenn, A"})
  void preprocessedRunsAreOnlineOnlyAndExact(String protocol, String net) {
    Sequential model = SecureNnNetworks.network(net).initialize(1);
    int[] shape = SecureNnNetworks.exampleShape(net);
    Dataset test = Mnist.load().test().head(6);
    if (shape.length == 3) {
      test = test.reshaped(shape);
    }
    INDArray x = test.features();
    int[] batch = new int[shape.length + 1];
    batch[0] = 2;
    System.arraycopy(shape, 0, batch, 1, shape.length);
    try (Tfe tfe = Tfe.local()) {
      Protocol p = protocol.equals("fss") ? tfe.use(FssModule.automatic()) : tfe.secureNn();
      Party client = tfe.party("client");
      PrivateModel m = tfe.privateModel(model, tfe.party("owner"), p);
      Prediction whole = m.predict(client, x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 2)), 2);
      Profile offline = m.preprocess(client, 2, batch);
      assertTrue(offline.bytesSentByParty().getOrDefault("server2", 0L) > 0, "the dealer sends offline");
      Prediction online = m.predict(client, x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 4)), 2);
      Prediction.Agreement a = online.compareWithPlaintext();
      assertEquals(a.total(), a.same(), a.toString());
      assertTrue(a.maxLogitDifference() < 1.0 / 256, a.toString());
      if (protocol.equals("fss")) {
        assertEquals(0L, online.profile().bytesSentByParty().getOrDefault("server2", 0L), "the dealer is offline only");
      }
      assertTrue(online.profile().rounds() <= 2 * whole.profile().rounds(), "rounds " + online.profile().rounds());
      long onlineBytes = online.profile().totalBytesSent();
      assertTrue(onlineBytes < 2 * whole.profile().totalBytesSent(), "online bytes " + onlineBytes);
      // material used up: the next batch runs whole, and is still exact
      Prediction after = m.predict(client, x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(4, 6)), 2);
      assertTrue(after.profile().bytesSentByParty().getOrDefault("server2", 0L) > 0);
      assertEquals(after.compareWithPlaintext().total(), after.compareWithPlaintext().same());
    }
  }
}
