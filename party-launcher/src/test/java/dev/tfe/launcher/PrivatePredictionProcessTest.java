package dev.tfe.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.api.Tfe;
import dev.tfe.launcher.bench.Mlp;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Private prediction with the 784-128-128-10 network over party processes: the client's logits
 * agree with the in-process runtime's and with the plaintext protocol's, and the client's input
 * and the owner's weights reach the servers only as shares.
 */
@Tag("processes")
@Timeout(300)
class PrivatePredictionProcessTest {

  @AfterEach
  void noProcessLeft() {
    Processes.assertNoneLeft();
  }

  @Test
  void mlpPredictionsOnProcessesAgreeWithInProcessAndPlaintext() {
    int batch = 32;
    INDArray images = Mlp.images(batch, 7);
    double[] plain;
    try (Tfe tfe = Tfe.local()) {
      plain = Mlp.build(tfe, tfe.plain(), batch, 1).predict(tfe, images);
    }
    double[] inProcess;
    try (Tfe tfe = Tfe.local()) {
      inProcess = Mlp.build(tfe, tfe.secureNn(), batch, 1).predict(tfe, images);
    }
    try (Tfe tfe = Tfe.local()) {
      Mlp mlp = Mlp.build(tfe, tfe.secureNn(), batch, 1);
      tfe.launchLocal();
      var first = tfe.run(Map.of(tfe.party("prediction-client"), Map.of("images", images)), mlp.output());
      double[] processes = first.values(mlp.output());
      double[] second = mlp.predict(tfe, Mlp.images(batch, 7));
      assertEquals(batch * 10, processes.length);
      assertEquals("prediction-client", first.receiver(mlp.output()));
      for (int i = 0; i < processes.length; i++) {
        assertEquals(plain[i], processes[i], 0.02, "logit " + i + " vs plaintext");
        assertEquals(inProcess[i], processes[i], 0.02, "logit " + i + " vs in-process");
        assertEquals(processes[i], second[i], 0.02, "logit " + i + " on a second run");
      }
      assertTrue(first.profile().bytesSentByParty().get("server0") > 0);
    }
  }
}
