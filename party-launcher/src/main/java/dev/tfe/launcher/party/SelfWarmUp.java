package dev.tfe.launcher.party;

import dev.tfe.api.Party;
import dev.tfe.api.Tfe;
import dev.tfe.model.SecureNnNetworks;
import dev.tfe.model.Sequential;
import dev.tfe.model.secure.PrivateModel;
import java.time.Duration;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A short warm-up of a fresh party process, before it listens: private predictions of SecureNN's
 * network A at batch 1 on random weights and inputs, with every party a thread of this JVM, for
 * {@code -Dtfe.warmup.millis} (0, the default: none). They run the same executor, message codec
 * and ring kernels that the process runs for its coordinator later, so the JIT has compiled
 * them before the first real run; nothing of them is kept. Measured by {@code ./tfe bench trace
 * --cases A1 --party-jvm-args "-Xmx2g -Dtfe.warmup.millis=3000"} (BENCHMARKS.md, "latency").
 */
final class SelfWarmUp {
  /** The system property with the warm-up's length in milliseconds. */
  static final String PROPERTY = "tfe.warmup.millis";

  private SelfWarmUp() {}

  /** Warms up for the time the property asks for; returns the predictions made. */
  static int fromProperty(PartyLog log) {
    long millis = Long.getLong(PROPERTY, 0);
    if (millis <= 0) {
      return 0;
    }
    long t0 = System.nanoTime();
    int n = run(Duration.ofMillis(millis));
    log.log(String.format("warmed up: %d private predictions in %.0f ms", n, (System.nanoTime() - t0) / 1e6));
    return n;
  }

  /** Predicts until {@code budget} has passed (at least once); returns how often. */
  static int run(Duration budget) {
    long end = System.nanoTime() + budget.toNanos();
    int n = 0;
    try (Tfe tfe = Tfe.local()) {
      Sequential model = SecureNnNetworks.network("A");
      model.initialize(1);
      PrivateModel pm = tfe.privateModel(model, tfe.party("model-owner"), tfe.secureNn());
      Party client = tfe.party("prediction-client");
      INDArray x = Nd4j.rand(1, 784);
      do {
        pm.predict(client, x, 1);
        n++;
      } while (System.nanoTime() < end);
    }
    return n;
  }
}
