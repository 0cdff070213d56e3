package dev.tfe.launcher.netns;

import dev.tfe.program.Output;
import dev.tfe.program.Party;
import dev.tfe.api.Tfe;
import dev.tfe.launcher.Cluster;
import dev.tfe.launcher.bench.Mlp;
import dev.tfe.protocol.Tensor;
import dev.tfe.protocol.TestData;
import dev.tfe.protocol.pond.Pond;
import dev.tfe.runtime.RunFailedException;
import java.nio.file.Path;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The coordinator of the multi-host test, run in its own namespace: {@code predict HOSTS} runs a
 * private MLP prediction on the parties of the hostmap and compares it with plaintext (exit 0 when
 * every logit agrees within 0.02, else 3); {@code long HOSTS} prints {@value #STARTED} and runs a
 * long computation, and prints {@value #FAILED} and the error (exit 0) if it fails, exit 4 if not.
 */
public final class CoordinatorProgram {
  static final String STARTED = "long run started";
  static final String FAILED = "run failed: ";

  private CoordinatorProgram() {}

  public static void main(String[] args) {
    Path hosts = Path.of(args[1]);
    int code;
    try (Cluster cluster = Cluster.connect(hosts)) {
      code = args[0].equals("predict") ? predict(cluster) : longRun(cluster);
    }
    System.out.flush();
    System.exit(code);
  }

  private static int predict(Cluster cluster) {
    int batch = 4;
    INDArray images = Mlp.images(batch, 7);
    double[] plain;
    try (Tfe tfe = Tfe.local()) {
      plain = Mlp.build(tfe, tfe.plain(), batch, 1).predict(tfe, images);
    }
    try (Tfe tfe = Tfe.local()) {
      tfe.useRuntime(cluster.newRuntime());
      Mlp mlp = Mlp.build(tfe, tfe.secureNn(), batch, 1);
      double[] priv = mlp.predict(tfe, images);
      double err = 0;
      for (int i = 0; i < plain.length; i++) {
        err = Math.max(err, Math.abs(plain[i] - priv[i]));
      }
      System.out.printf("private prediction of %d logits on %s, max difference from plaintext %.5f%n", priv.length,
          cluster.hostmap().processParties(), err);
      return priv.length == batch * 10 && err <= 0.02 ? 0 : 3;
    }
  }

  private static int longRun(Cluster cluster) {
    try (Tfe tfe = Tfe.local()) {
      tfe.useRuntime(cluster.newRuntime());
      Pond pond = tfe.pond();
      Party client = tfe.party("client");
      INDArray x = TestData.uniform(new Random(1), 1, 64, 64);
      Tensor y = tfe.definePrivateInput(pond, client, x);
      for (int i = 0; i < 400; i++) { // hundreds of rounds: seconds of work
        y = pond.matmul(y, tfe.definePrivateInput(pond, client, x));
      }
      Output out = tfe.defineOutput(pond, client, y);
      System.out.println(STARTED);
      System.out.flush();
      tfe.run(out);
      System.out.println("the long run finished although a party was killed");
      return 4;
    } catch (RunFailedException e) {
      System.out.println(FAILED + "party " + e.party() + ": " + e.getMessage());
      return 0;
    }
  }
}
