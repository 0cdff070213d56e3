package dev.tfe.launcher.bench;

import dev.tfe.launcher.cli.HelpOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import dev.tfe.api.Tfe;
import dev.tfe.profile.Profile;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code ./tfe bench prediction}: private prediction with the 784-128-128-10 network under SecureNN
 * at batch 128 (and 1), in-process and on party processes over ZeroMQ (a fresh cluster per case):
 * median wall time of a prediction after warm-up ({@link NetworksBenchmark#warmUp}; 25 s on the
 * cold party processes), rounds and bytes. Takes about a minute. Saves
 * bench-results/prediction.json.
 */
@Command(name = "prediction",
    header = "MLP 784-128-128-10 prediction, in-process and on processes",
    description = {"Private prediction of the MLP 784-128-128-10 with SecureNN at batch 128 and 1, in-process and on party processes: medians, rounds, bytes. Saves bench-results/prediction.json."})
public final class PredictionBenchmark implements Callable<Integer> {
  @Mixin
  HelpOption help;

  private PredictionBenchmark() {}

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "REPS", defaultValue = "7",
      description = "timed predictions per case (default: ${DEFAULT-VALUE})")
  int reps;

  @Override
  public Integer call() {
    if (reps < 1) {
      throw new ParameterException(spec.commandLine(), "REPS must be at least 1, got " + reps);
    }
    run(reps);
    return 0;
  }

  static void run(int reps) {
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("machine", BenchJson.machine());
    results.put("network", "784-128-128-10, SecureNN, exact ReLU activations, masked private weights");
    for (int batch : new int[] {128, 1}) {
      for (boolean processes : new boolean[] {false, true}) {
        Map<String, Object> r = measure(batch, processes, reps);
        results.put((processes ? "processes" : "in-process") + "_batch" + batch, r);
        System.out.printf("batch %3d, %-10s: median %.1f ms per prediction (%d rounds, %s sent)%n", batch,
            processes ? "processes" : "in-process", r.get("ms_median"), r.get("rounds"), Profile.bytes((Long) r.get("bytes_sent")));
      }
    }
    System.out.println("saved " + BenchJson.save("prediction.json", results));
  }

  private static Map<String, Object> measure(int batch, boolean processes, int reps) {
    try (Tfe tfe = Tfe.local()) {
      Mlp mlp = Mlp.build(tfe, tfe.secureNn(), batch, 1);
      if (processes) {
        tfe.launchLocal();
      }
      INDArray images = Mlp.images(batch, 3);
      Map<dev.tfe.program.Party, Map<String, INDArray>> feeds = Map.of(tfe.party("prediction-client"), Map.of("images", images));
      tfe.run(feeds, mlp.output()); // initialises the weights on the parties
      int warm = NetworksBenchmark.warmUp(() -> {
        long t0 = System.nanoTime();
        tfe.run(feeds, mlp.output());
        return (System.nanoTime() - t0) / 1e6;
      }, processes ? 25 : 2);
      double[] ms = new double[reps];
      Profile last = null;
      for (int i = 0; i < reps; i++) {
        long t0 = System.nanoTime();
        last = tfe.run(feeds, mlp.output()).profile();
        ms[i] = (System.nanoTime() - t0) / 1e6;
      }
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("ms_median", BenchJson.median(ms));
      r.put("runs", reps);
      r.put("warm_up_runs", warm);
      r.put("rounds", last.rounds());
      r.put("bytes_sent", last.totalBytesSent());
      return r;
    }
  }
}
