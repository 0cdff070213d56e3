package dev.tfe.model.privatetrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.program.Party;
import dev.tfe.api.Tfe;
import dev.tfe.data.Dataset;
import dev.tfe.data.Mnist;
import dev.tfe.model.Fit;
import dev.tfe.model.Layers;
import dev.tfe.model.Sequential;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Logistic regression trained privately by two data owners (two hospitals holding different rows)
 * against plaintext training with the same data, initialisation and schedule: the target is test
 * accuracy within 1 point.
 */
@Timeout(600)
class PrivateLogisticRegressionTest {

  /** Digits 3 and 8 (a harder pair than 0 and 1), labelled 0 and 1. */
  static Dataset threesAndEights(Dataset d) {
    int[] c = d.classes();
    int[] keep = IntStream.range(0, c.length).filter(i -> c[i] == 3 || c[i] == 8).toArray();
    Dataset s = d.subset(keep);
    int[] y = java.util.Arrays.stream(s.classes()).map(k -> k == 8 ? 1 : 0).toArray();
    return Dataset.classification(s.features(), y, 2);
  }

  @Test
  void twoOwnersTrainWithinOnePointOfPlaintext() {
    Mnist mnist = Mnist.load();
    Dataset train = threesAndEights(mnist.train());
    Dataset test = threesAndEights(mnist.test());
    int half = train.size() / 2;
    Fit fit = Fit.epochs(2).batchSize(128).sgd(0.5).seed(7);
    Sequential plain = Sequential.of(Layers.dense(784, 1), Layers.sigmoid()).initialize(3);
    Sequential start = Copies.of(plain);
    try (Tfe tfe = Tfe.local(PrivateTraining.PRECISION)) {
      Party a = tfe.party("hospitalA");
      Party b = tfe.party("hospitalB");
      Party owner = tfe.party("modelOwner");
      List<DataOwner> owners = List.of(DataOwner.of(a, train.slice(0, half)), DataOwner.of(b, train.slice(half, train.size())));
      plain.fit(PrivateTraining.pooled(owners), fit);
      PrivateTraining pt = tfe.privateTraining(start, owner, owners.toArray(new DataOwner[0])).revealingLoss();
      PrivateHistory h = pt.fit(fit);
      Sequential trained = pt.revealWeights();
      double plainAcc = plain.evaluate(test).accuracy();
      double privAcc = trained.evaluate(test).accuracy();
      System.out.printf("logistic regression (3 vs 8, %d train, %d test): plaintext %.4f private %.4f, history %s, step %.3f s%n",
          train.size(), test.size(), plainAcc, privAcc, h, pt.lastStepSeconds());
      assertTrue(Math.abs(plainAcc - privAcc) <= 0.01, "private " + privAcc + " vs plaintext " + plainAcc);
      double maxDiff = plain.layer(0).parameters().get(0).value().sub(trained.layer(0).parameters().get(0).value())
          .amaxNumber().doubleValue();
      System.out.println("largest weight difference " + maxDiff);
      assertTrue(h.loss()[1] < h.loss()[0], "the revealed loss falls: " + h);
      assertEquals(2, h.epochs().size());
    }
  }
}
