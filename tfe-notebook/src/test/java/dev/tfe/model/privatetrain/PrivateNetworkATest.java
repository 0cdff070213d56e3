package dev.tfe.model.privatetrain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.program.Party;
import dev.tfe.api.Tfe;
import dev.tfe.data.Dataset;
import dev.tfe.data.Mnist;
import dev.tfe.model.Fit;
import dev.tfe.model.SecureNnNetworks;
import dev.tfe.model.Sequential;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Network A (784-128-128-10) trained privately for one epoch on the 8,000 bundled training
 * digits at batch 128, split between two data owners, against plaintext training with the same
 * initialisation and schedule: the target is test accuracy on the 2,000 held-back digits within
 * 1.5 points. Slow (minutes), so tagged {@code slow}.
 */
@Tag("slow")
@Timeout(1800)
class PrivateNetworkATest {

  @Test
  void oneEpochOfNetworkAWithinOneAndAHalfPointsOfPlaintext() {
    Mnist mnist = Mnist.load();
    Dataset train = mnist.train();
    Dataset test = mnist.test();
    Fit fit = Fit.epochs(1).batchSize(128).sgd(0.1, 0.9).seed(11);
    Sequential plain = SecureNnNetworks.network("A").initialize(5);
    Sequential start = Copies.of(plain);
    try (Tfe tfe = Tfe.local(PrivateTraining.PRECISION)) {
      Party owner = tfe.party("modelOwner");
      List<DataOwner> owners = List.of(DataOwner.of(tfe.party("hospitalA"), train.slice(0, 5000)),
          DataOwner.of(tfe.party("hospitalB"), train.slice(5000, train.size())));
      plain.fit(PrivateTraining.pooled(owners), fit);
      PrivateTraining pt = tfe.privateTraining(start, owner, owners.toArray(new DataOwner[0])).revealingLoss();
      PrivateHistory h = pt.fit(fit);
      Sequential trained = pt.revealWeights();
      double plainAcc = plain.evaluate(test).accuracy();
      double privAcc = trained.evaluate(test).accuracy();
      System.out.printf("network A, 1 epoch, %d train, %d test: plaintext %.4f private %.4f; %s; last step %.3f s, %s%n",
          train.size(), test.size(), plainAcc, privAcc, h, pt.lastStepSeconds(), pt.lastStepProfile());
      assertTrue(Math.abs(plainAcc - privAcc) <= 0.015, "private " + privAcc + " vs plaintext " + plainAcc);
      assertTrue(h.loss()[0] < 0.9, "the revealed Brier score after one epoch: " + h);
    }
  }
}
