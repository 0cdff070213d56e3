package dev.tfe.model.privatetrain;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tfe.api.Tfe;
import dev.tfe.data.Dataset;
import dev.tfe.model.Fit;
import dev.tfe.model.Layers;
import dev.tfe.model.Sequential;
import dev.tfe.protocol.ProtocolCase;
import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.Protocols;
import dev.tfe.protocol.TestData;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Whole SGD steps on every protocol with comparisons against plaintext training with the same
 * initialisation and schedule: a 12-8-3 ReLU network, softmax cross-entropy, momentum SGD, two
 * data owners, two steps of batch 16 (so the second step reads the weights and velocities the
 * first wrote, and the masks of its products are fresh). Every trained weight must lie within
 * {@link #TOLERANCE} of plaintext training's.
 *
 * <p>The tolerance: the softmax's error is at most {@code 1.9e-2} per probability (its stated
 * bound), so each logit's gradient is off by at most {@code 1.9e-2 / 16}; through a layer's
 * {@code x^T g} (16 rows, inputs below 1, hidden values below 4 here) and a learning rate of 0.1,
 * a step moves a weight at most {@code 0.1 * 16 * 4 * 1.2e-3 = 7.6e-3} away, twice with momentum
 * 0.5 over two steps: about {@code 2e-2}, plus the truncations' units. That worst case is as large
 * as the training's own movement, so each parameter must also be off by less than 1% of how far
 * plaintext training moved it: the measured differences are about 1e-5 against movements of 2e-2
 * (the softmax's errors largely cancel), while a wrong mask, gradient or update is off by about
 * the step itself.
 */
@Timeout(300)
public class TrainingStepAgreementTest {
  static final double TOLERANCE = 2e-2;

  static Stream<ProtocolCase> protocols() {
    return Protocols.secure();
  }

  static Dataset rows() {
    Random rnd = new Random(3);
    INDArray x = TestData.uniform(rnd, 1, 32, 12);
    int[] y = new int[32];
    for (int i = 0; i < 32; i++) {
      y[i] = (int) Math.floorMod(Math.round(x.getDouble(i, 0) * 3 + x.getDouble(i, 1) * 2), 3);
    }
    return Dataset.classification(x, y, 3);
  }

  static Sequential network() {
    return Sequential.of(Layers.dense(12, 8), Layers.relu(), Layers.dense(8, 3)).initialize(9);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void twoStepsAgreeWithPlaintextTraining(ProtocolCase pc) {
    assertTwoStepsAgree(pc, false);
  }

  /** The check of this class for one protocol, in-process or (after {@code tfe.launchLocal()}) on party processes. */
  public static void assertTwoStepsAgree(ProtocolCase pc, boolean processes) {
    Dataset rows = rows();
    Fit fit = Fit.epochs(1).batchSize(16).sgd(0.1, 0.5).seed(4);
    Sequential plain = network();
    try (Tfe tfe = Tfe.local(PrivateTraining.PRECISION)) {
      Protocol p = pc.factory().apply(tfe);
      assumeTrue(p.supportsComparisons(), pc.name() + " has no comparisons");
      if (processes) {
        tfe.launchLocal();
      }
      List<DataOwner> owners = List.of(DataOwner.of(tfe.party("ownerA"), rows.slice(0, 20)),
          DataOwner.of(tfe.party("ownerB"), rows.slice(20, 32)));
      PrivateTraining pt = new PrivateTraining(tfe, network(), tfe.party("modelOwner"), p, owners);
      pt.fit(fit);
      assertTrue(pt.stepSeconds().size() == 2, "two steps: " + pt.stepSeconds());
      plain.fit(PrivateTraining.pooled(owners), fit);
      Sequential trained = pt.revealWeights();
      Sequential start = network();
      for (int layer : new int[] {0, 2}) {
        for (int k = 0; k < 2; k++) {
          INDArray want = plain.layer(layer).parameters().get(k).value();
          INDArray got = trained.layer(layer).parameters().get(k).value();
          double moved = want.sub(start.layer(layer).parameters().get(k).value()).amaxNumber().doubleValue();
          double diff = got.sub(want).amaxNumber().doubleValue();
          System.out.printf("%s layer %d parameter %d: moved %.3e, private vs plaintext %.3e%n", pc, layer, k, moved, diff);
          assertTrue(diff <= TOLERANCE, pc + " layer " + layer + " parameter " + k + ": off by " + diff);
          assertTrue(diff < 0.01 * moved, pc + " layer " + layer + " parameter " + k + ": off by " + diff
              + ", not below 1% of plaintext training's movement " + moved);
        }
      }
    }
  }
}
