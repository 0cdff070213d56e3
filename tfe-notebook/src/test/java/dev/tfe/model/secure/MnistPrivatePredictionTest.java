package dev.tfe.model.secure;

import static dev.tfe.model.Layers.conv2d;
import static dev.tfe.model.Layers.dense;
import static dev.tfe.model.Layers.flatten;
import static dev.tfe.model.Layers.maxPool2d;
import static dev.tfe.model.Layers.relu;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.program.Party;
import dev.tfe.api.Tfe;
import dev.tfe.data.Dataset;
import dev.tfe.data.Mnist;
import dev.tfe.model.Fit;
import dev.tfe.model.Sequential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The acceptance figures on real digits: the MLP 784-128-128-10 and SecureNN's Network B
 * (a small CNN) predict privately what they predict in plaintext.
 */
@Timeout(600)
class MnistPrivatePredictionTest {
  @Test
  void mlpAgreesOnTheHeldBackDigits() {
    Mnist mnist = Mnist.load();
    Sequential model = Sequential.of(dense(784, 128), relu(), dense(128, 128), relu(), dense(128, 10));
    model.initialize(1);
    model.fit(mnist.train(), Fit.epochs(2).batchSize(64).adam(2e-3).seed(1));
    Dataset test = mnist.test().head(500);
    try (Tfe tfe = Tfe.local()) {
      Prediction p = tfe.privateModel(model, tfe.party("owner")).predict(tfe.party("client"), test.features(), 250);
      Prediction.Agreement a = p.compareWithPlaintext();
      System.out.println("MLP: " + a + "; " + p);
      assertTrue(a.fraction() >= 0.995, "agreement " + a);
    }
  }

  @Test
  void networkBAgreesOnTwoHundredDigits() {
    Mnist mnist = Mnist.load();
    Dataset train = mnist.train().head(3000).reshaped(28, 28, 1);
    Dataset test = mnist.test().head(200).reshaped(28, 28, 1);
    Sequential cnn = Sequential.of(conv2d(1, 16, 5), maxPool2d(2), relu(), conv2d(16, 16, 5), maxPool2d(2), relu(),
        flatten(), dense(256, 100), relu(), dense(100, 10));
    cnn.initialize(1);
    cnn.fit(train, Fit.epochs(1).batchSize(32).adam(1e-3).seed(1));
    try (Tfe tfe = Tfe.local()) {
      Party client = tfe.party("client");
      Prediction p = tfe.privateModel(cnn, tfe.party("owner")).predict(client, test.features(), 50);
      Prediction.Agreement a = p.compareWithPlaintext();
      System.out.println("Network B: " + a + "; " + p + "; accuracy " + p.accuracy(test.classes()));
      assertTrue(a.fraction() >= 0.995, "agreement " + a);
    }
  }
}
