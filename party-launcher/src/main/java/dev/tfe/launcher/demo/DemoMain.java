package dev.tfe.launcher.demo;

import dev.tfe.program.Party;
import dev.tfe.launcher.cli.HelpOption;
import dev.tfe.api.Tfe;
import dev.tfe.data.Dataset;
import dev.tfe.data.Mnist;
import dev.tfe.model.Evaluation;
import dev.tfe.model.Fit;
import dev.tfe.model.Sequential;
import dev.tfe.model.secure.Prediction;
import dev.tfe.model.secure.PrivateModel;
import dev.tfe.profile.Profile;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import static dev.tfe.model.Layers.dense;
import static dev.tfe.model.Layers.relu;

/**
 * The main job ({@code ./tfe demo}): the story of DESIGN.md section 1 on the embedded default.
 * Trains the MLP 784-128-128-10 in plaintext on the first 8,000 bundled MNIST digits, evaluates
 * it on the last 2,000, then predicts those 2,000 privately with SecureNN (every party a thread of
 * this JVM) and prints accuracy, agreement with plaintext, time and bytes.
 */
@Command(name = "demo",
    header = "private prediction demo on the bundled MNIST digits",
    sortOptions = false,
    description = {"Trains the MLP 784-128-128-10 in plaintext on the first 8,000 bundled MNIST digits, evaluates it on "
        + "the last 2,000, predicts those privately with SecureNN (every party a thread of this JVM) and prints "
        + "accuracy, agreement with plaintext, time and bytes."})
public final class DemoMain implements Callable<Integer> {
  @Mixin
  HelpOption help;

  @Parameters(index = "0", arity = "0..1", paramLabel = "BATCH", defaultValue = "250",
      description = "digits per private prediction run, 1 to 2000 (default: ${DEFAULT-VALUE})")
  int batch;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    if (batch < 1 || batch > 2000) {
      throw new ParameterException(spec.commandLine(), "BATCH must be a whole number from 1 to 2000, got '" + batch + "'");
    }
    run(batch);
    return 0;
  }

  static void run(int batch) {
    long t0 = System.nanoTime();
    Mnist mnist = Mnist.load();
    Dataset train = mnist.train();
    Dataset test = mnist.test();
    System.out.printf("MNIST (bundled): %d training digits, %d held-back digits%n", train.size(), test.size());

    Sequential model = Sequential.of(dense(784, 128), relu(), dense(128, 128), relu(), dense(128, 10));
    model.initialize(1);
    var history = model.fit(train, Fit.epochs(5).batchSize(64).adam(2e-3).learningRateDecay(0.7).seed(1));
    Evaluation plain = model.evaluate(test);
    System.out.printf("plaintext training: %d epochs, final loss %.4f, %.1f s%n",
        history.epochs().size(), history.last().loss(), (System.nanoTime() - t0) / 1e9);
    System.out.printf("plaintext accuracy on the %d held-back digits: %.2f%%%n", test.size(), 100 * plain.accuracy());

    try (Tfe tfe = Tfe.local()) {
      Party owner = tfe.party("model-owner");
      Party client = tfe.party("prediction-client");
      PrivateModel secure = tfe.privateModel(model, owner);
      Prediction result = secure.predict(client, test.features(), batch);
      Prediction.Agreement agreement = result.compareWithPlaintext();
      System.out.printf("private prediction (%s, in-process, batches of %d): %.1f s for %d digits, %.2f ms per digit%n",
          result.protocol(), batch, result.millis() / 1e3, test.size(), result.millis() / test.size());
      System.out.printf("private accuracy: %.2f%%%n", 100 * result.accuracy(test.classes()));
      System.out.printf("agreement with plaintext: %s%n", agreement);
      StringBuilder byParty = new StringBuilder();
      result.profile().bytesSentByParty().forEach((party, bytes) ->
          byParty.append(byParty.length() == 0 ? "" : ", ").append(party).append(' ').append(Profile.bytes(bytes)));
      System.out.printf("bytes sent: %s in all; by party: %s%n", Profile.bytes(result.profile().totalBytesSent()), byParty);
    }
    System.out.printf("total time: %.1f s%n", (System.nanoTime() - t0) / 1e9);
  }
}
