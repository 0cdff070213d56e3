package dev.tfe.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.program.Party;
import dev.tfe.api.Tfe;
import dev.tfe.model.SecureNnNetworks;
import dev.tfe.model.Sequential;
import dev.tfe.model.secure.Prediction;
import dev.tfe.model.secure.PrivateModel;
import dev.tfe.profile.Profile;
import dev.tfe.protocol.TestData;
import dev.tfe.protocol.fss.FssModule;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The offline phase made ahead on party processes: each process keeps its preprocessed values
 * between runs (numbered per online run), the online runs that take them send nothing from the
 * dealer and agree with plaintext, and switching runtime drops what was made for the old one.
 */
@Tag("processes")
@Timeout(300)
class FssPreprocessingProcessTest {

  @AfterEach
  void noProcessLeft() {
    Processes.assertNoneLeft();
  }

  @Test
  void preprocessedRunsOnProcessesAreOnlineOnlyAndAgree() {
    Sequential model = SecureNnNetworks.network("A").initialize(3);
    INDArray x = TestData.uniform(new Random(9), 1, 6, 784).addi(1).divi(2);
    try (Tfe tfe = Tfe.local()) {
      tfe.launchLocal();
      Party client = tfe.party("prediction-client");
      PrivateModel m = tfe.privateModel(model, tfe.party("model-owner"), tfe.use(FssModule.automatic()));
      Profile offline = m.preprocess(client, 3, 2, 784);
      assertTrue(offline.bytesSentByParty().get("server2") > 0, "the dealer sends ahead");
      Prediction p = m.predict(client, x, 2);
      assertEquals(0L, p.profile().bytesSentByParty().getOrDefault("server2", 0L), "the dealer is silent online");
      assertArrayEquals(model.predictClasses(x), p.classes());
      assertTrue(model.logits(x).sub(p.logits()).amaxNumber().doubleValue() < 1.0 / 256);
      m.preprocess(client, 1, 2, 784);
      tfe.launchLocal(); // new processes hold none of it: the next run is whole, and still exact
      Prediction q = m.predict(client, x, 2);
      assertTrue(q.profile().bytesSentByParty().get("server2") > 0);
      assertArrayEquals(model.predictClasses(x), q.classes());
    }
  }
}
