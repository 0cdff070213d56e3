package dev.tfe.launcher.bench;

import dev.tfe.launcher.cli.HelpOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import dev.tfe.program.Output;
import dev.tfe.program.Party;
import dev.tfe.program.RunResult;
import dev.tfe.api.Tfe;
import dev.tfe.profile.OpQuery;
import dev.tfe.profile.Profile;
import dev.tfe.protocol.Tensor;
import dev.tfe.protocol.securenn.SecureNn;
import dev.tfe.ring.ConvGeometry.Padding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * SecureNN's microbenchmark: DReLU and ReLU on 128x128 values, max pooling 2x2 (stride 2) over a
 * 24x24x16 input at batch 1, on the in-process runtime (three server threads and a client).
 * For each op: the median wall time of a warm run (input shared, op, result revealed), the same
 * for a run without the op, the op's time as their difference, the bytes the profile counts for
 * the op, and its rounds. The paper's Table 8 (Wagh, Gupta and Chandran, PoPETs 2019) reports
 * DReLU on 128x128 at 109.8 ms and 10.88 MB on a LAN.
 *
 * <p>Usage: {@code ./tfe bench securenn [reps]}; writes {@code bench-results/securenn.json}.
 */
@Command(name = "securenn",
    header = "SecureNN's DReLU, ReLU and max pooling beside the paper's",
    description = {"SecureNN's DReLU and ReLU on 128x128 values and 2x2 max pooling over 24x24x16, in-process, with bytes and rounds, beside the paper's Table 8. Saves bench-results/securenn.json."})
public final class SecureNnBenchmark implements Callable<Integer> {
  @Mixin
  HelpOption help;

  private SecureNnBenchmark() {}

  /** One measured op. */
  record Figure(String op, String shape, double runMs, double baselineMs, double opMs, long bytes, int rounds,
      String paperMs, String paperBytes) {}

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "REPS", defaultValue = "15",
      description = "timed runs per op (default: ${DEFAULT-VALUE})")
  int reps;

  @Override
  public Integer call() throws java.io.IOException {
    if (reps < 1) {
      throw new ParameterException(spec.commandLine(), "REPS must be at least 1, got " + reps);
    }
    run(reps);
    return 0;
  }

  static void run(int reps) throws java.io.IOException {
    List<Figure> figures = new ArrayList<>();
    figures.add(measure("drelu", new int[] {128, 128}, reps, (p, x) -> p.drelu(x), OpQuery.op(SecureNn.NAME, "drelu"),
        "109.8", "10.88 MB"));
    figures.add(measure("relu", new int[] {128, 128}, reps, (p, x) -> p.relu(x), OpQuery.op(SecureNn.NAME, "relu"),
        "-", "-"));
    figures.add(measure("maxPool2d 2x2", new int[] {1, 24, 24, 16}, reps,
        (p, x) -> p.maxPool2d(x, 2, 2, 2, 2, Padding.VALID), OpQuery.op(SecureNn.NAME, "maxPool2d"), "-", "-"));
    System.out.println();
    System.out.printf(Locale.ROOT, "%-15s %-14s %10s %10s %10s %12s %7s   %s%n", "op", "input", "run ms", "base ms", "op ms",
        "bytes", "rounds", "paper (Table 8, LAN)");
    for (Figure f : figures) {
      System.out.printf(Locale.ROOT, "%-15s %-14s %10.1f %10.1f %10.1f %12s %7d   %s%n", f.op(), f.shape(), f.runMs(),
          f.baselineMs(), f.opMs(), Profile.bytes(f.bytes()), f.rounds(),
          f.paperMs().equals("-") ? "" : f.paperMs() + " ms, " + f.paperBytes());
    }
    Path out = Path.of("bench-results", "securenn.json");
    Files.createDirectories(out.getParent());
    Files.writeString(out, json(figures, reps));
    System.out.println("\nsaved " + out.toAbsolutePath());
  }

  private static Figure measure(String name, int[] shape, int reps, BiFunction<SecureNn, Tensor, Tensor> op, OpQuery scope,
      String paperMs, String paperBytes) {
    try (Tfe tfe = Tfe.local()) {
      Party client = tfe.party("client");
      SecureNn p = tfe.secureNn();
      Tensor x = tfe.definePrivateInput(p, client, "x", shape);
      Output withOp = tfe.defineOutput(p, client, op.apply(p, x));
      Output without = tfe.defineOutput(p, client, x);
      Map<Party, Map<String, INDArray>> feeds = Map.of(client, Map.of("x", input(shape)));
      for (int i = 0; i < 20; i++) {
        tfe.run(feeds, withOp);
        tfe.run(feeds, without);
      }
      double[] t = new double[reps];
      double[] b = new double[reps];
      RunResult last = null;
      for (int i = 0; i < reps; i++) {
        last = tfe.run(feeds, withOp);
        t[i] = last.profile().wallMillis();
        b[i] = tfe.run(feeds, without).profile().wallMillis();
      }
      Profile prof = last.profile();
      double run = median(t);
      double base = median(b);
      Figure f = new Figure(name, Arrays.toString(shape), run, base, run - base, prof.bytesSentFor(scope),
          prof.rounds() - 2, paperMs, paperBytes);
      System.out.printf(Locale.ROOT, "%s %s: %.1f ms per run (%.1f without the op), %s, %d rounds%n", name,
          Arrays.toString(shape), run, base, Profile.bytes(f.bytes()), f.rounds());
      return f;
    }
  }

  private static INDArray input(int[] shape) {
    long n = 1;
    long[] ls = new long[shape.length];
    for (int i = 0; i < shape.length; i++) {
      n *= shape[i];
      ls[i] = shape[i];
    }
    Random rnd = new Random(1);
    double[] v = new double[(int) n];
    for (int i = 0; i < v.length; i++) {
      v[i] = rnd.nextGaussian() * 10;
    }
    return Nd4j.create(v, ls, DataType.DOUBLE);
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static String json(List<Figure> figures, int reps) {
    StringBuilder sb = new StringBuilder("{\n");
    sb.append("  \"benchmark\": \"securenn\",\n");
    sb.append("  \"runtime\": \"in-process\",\n");
    sb.append(String.format(Locale.ROOT, "  \"cores\": %d,%n", Runtime.getRuntime().availableProcessors()));
    sb.append("  \"java\": \"").append(System.getProperty("java.version")).append("\",\n");
    sb.append("  \"repetitions\": ").append(reps).append(",\n");
    sb.append("  \"paper\": {\"source\": \"Wagh, Gupta and Chandran, PoPETs 2019, Table 8 (LAN)\", \"drelu_128x128_ms\": 109.8, \"drelu_128x128_mb\": 10.88},\n");
    sb.append("  \"ops\": [\n");
    for (int i = 0; i < figures.size(); i++) {
      Figure f = figures.get(i);
      sb.append(String.format(Locale.ROOT,
          "    {\"op\": \"%s\", \"input\": \"%s\", \"run_ms\": %.2f, \"baseline_ms\": %.2f, \"op_ms\": %.2f, \"bytes\": %d, \"rounds\": %d}%s%n",
          f.op(), f.shape(), f.runMs(), f.baselineMs(), f.opMs(), f.bytes(), f.rounds(), i + 1 < figures.size() ? "," : ""));
    }
    sb.append("  ]\n}\n");
    return sb.toString();
  }
}
