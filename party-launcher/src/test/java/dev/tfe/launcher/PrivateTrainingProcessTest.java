package dev.tfe.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tfe.api.Tfe;
import dev.tfe.data.Dataset;
import dev.tfe.data.Mnist;
import dev.tfe.model.Fit;
import dev.tfe.model.Layers;
import dev.tfe.model.Sequential;
import dev.tfe.model.privatetrain.DataOwner;
import dev.tfe.model.privatetrain.PrivateTraining;
import dev.tfe.model.privatetrain.TrainingStepAgreementTest;
import dev.tfe.protocol.ProtocolCase;
import dev.tfe.protocol.Protocols;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Private training on party processes: logistic regression by two data owners, trained on the
 * servers' processes, gives the weights of in-process private training (within the rounding of
 * the truncations, which draw other randomness) and of plaintext training; and two SGD steps of a
 * small ReLU network with softmax cross-entropy, on processes, agree with plaintext training for
 * every protocol with comparisons (SecureNN, FSS, ABY3).
 */
@Tag("processes")
@Timeout(600)
class PrivateTrainingProcessTest {

  @AfterEach
  void noProcessLeft() {
    Processes.assertNoneLeft();
  }

  static Dataset zerosAndOnes(Dataset d, int n) {
    int[] c = d.classes();
    int[] keep = IntStream.range(0, c.length).filter(i -> c[i] < 2).limit(n).toArray();
    Dataset s = d.subset(keep);
    return Dataset.classification(s.features(), s.classes(), 2);
  }

  static INDArray train(boolean processes, Sequential start, Dataset rows, Fit fit) {
    try (Tfe tfe = Tfe.local(PrivateTraining.PRECISION)) {
      var a = tfe.party("hospitalA");
      var b = tfe.party("hospitalB");
      var owner = tfe.party("modelOwner");
      if (processes) {
        tfe.launchLocal();
      }
      PrivateTraining pt = tfe.privateTraining(start, owner, DataOwner.of(a, rows.slice(0, 200)),
          DataOwner.of(b, rows.slice(200, rows.size())));
      pt.fit(fit);
      return pt.revealWeights().layer(0).parameters().get(0).value();
    }
  }

  @Test
  void logisticRegressionOnProcessesMatchesInProcessAndPlaintext() {
    Dataset rows = zerosAndOnes(Mnist.load().train(), 384);
    Fit fit = Fit.epochs(1).batchSize(128).sgd(0.5).seed(2);
    Sequential plain = Sequential.of(Layers.dense(784, 1), Layers.sigmoid()).initialize(4);
    INDArray start = plain.layer(0).parameters().get(0).value().dup();
    INDArray inProcess = train(false, Sequential.of(Layers.dense(784, 1), Layers.sigmoid()).initialize(4), rows, fit);
    INDArray onProcesses = train(true, Sequential.of(Layers.dense(784, 1), Layers.sigmoid()).initialize(4), rows, fit);
    plain.fit(rows, fit);
    INDArray expected = plain.layer(0).parameters().get(0).value();
    double moved = expected.sub(start).amaxNumber().doubleValue();
    assertEquals(0, onProcesses.sub(inProcess).amaxNumber().doubleValue(), 1e-4, "processes vs in-process");
    assertEquals(0, onProcesses.sub(expected).amaxNumber().doubleValue(), 1e-3, "processes vs plaintext (weights moved by "
        + moved + ")");
  }

  static java.util.stream.Stream<ProtocolCase> protocols() {
    return Protocols.secure();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void twoStepsOnProcessesAgreeWithPlaintextForEveryProtocol(ProtocolCase pc) {
    TrainingStepAgreementTest.assertTwoStepsAgree(pc, true);
  }
}
