package dev.tfe.launcher.bench.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code ./tfe bench ops}: runs the JMH microbenchmarks of this package (one fork, 3 warm-up and
 * 5 measured iterations of a second each; {@code --quick}: 1 and 3) and saves JMH's JSON to
 * {@code bench-results/ops.json}; then prints the ring kernels' time per product beside ND4J's
 * gemm on each shape, from the same run. Any other argument is JMH's own (a benchmark regex,
 * {@code -p protocol=pond,securenn}, {@code -f}, {@code -wi}, ...; {@code --help} lists them).
 */
public final class OpsBenchmarks {
  static final String USAGE = "usage: ./tfe bench ops [--quick] [JMH options] [benchmark regex]\n"
      + "  JMH microbenchmarks of the ring kernels, the PRG and the protocols' ops; results in bench-results/ops.json";

  private OpsBenchmarks() {}

  public static void main(String[] args) throws Exception {
    List<String> rest = new ArrayList<>();
    boolean quick = false;
    for (String a : args) {
      if (a.equals("--help") || a.equals("-h")) {
        System.out.println(USAGE + "\n\nJMH options:");
        new CommandLineOptions().showHelp();
        return;
      }
      if (a.equals("--quick")) {
        quick = true;
      } else {
        rest.add(a);
      }
    }
    CommandLineOptions cli;
    try {
      cli = new CommandLineOptions(rest.toArray(new String[0]));
    } catch (CommandLineOptionException e) {
      System.err.println("tfe bench ops: " + e.getMessage() + "\n" + USAGE);
      System.exit(2);
      return;
    }
    ChainedOptionsBuilder b = new OptionsBuilder().parent(cli);
    if (cli.getIncludes().isEmpty()) {
      b.include(OpsBenchmarks.class.getPackageName() + "\\.");
    }
    if (!cli.getForkCount().hasValue()) {
      b.forks(1);
    }
    if (!cli.getWarmupIterations().hasValue()) {
      b.warmupIterations(quick ? 1 : 3);
    }
    if (!cli.getMeasurementIterations().hasValue()) {
      b.measurementIterations(quick ? 3 : 5);
    }
    if (!cli.getWarmupTime().hasValue()) {
      b.warmupTime(TimeValue.seconds(1));
    }
    if (!cli.getMeasurementTime().hasValue()) {
      b.measurementTime(TimeValue.seconds(1));
    }
    if (!cli.getResult().hasValue()) {
      Path out = Path.of("bench-results", "ops.json");
      Files.createDirectories(out.getParent());
      b.result(out.toString()).resultFormat(ResultFormatType.JSON);
    }
    Collection<RunResult> results = new Runner(b.build()).run();
    System.out.print(matmulSummary(results));
  }

  /** Per matmul shape: the ring kernels' and ND4J's mean time and the ratio ring / ND4J. */
  static String matmulSummary(Collection<RunResult> results) {
    Map<String, Map<String, Double>> byShape = new TreeMap<>();
    for (RunResult r : results) {
      var p = r.getParams();
      if (p.getBenchmark().endsWith("RingMatmulBench.multiply")) {
        byShape.computeIfAbsent(p.getParam("shape"), k -> new TreeMap<>())
            .put(p.getParam("impl"), r.getPrimaryResult().getScore());
      }
    }
    if (byShape.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder("\nRing matmul mod 2^64 beside ND4J's double gemm (us per product; ratio = ring / ND4J)\n");
    for (var e : byShape.entrySet()) {
      Map<String, Double> t = e.getValue();
      Double nd4j = t.get("nd4j");
      sb.append(String.format(Locale.ROOT, "%-16s", e.getKey()));
      for (String k : new String[] {"vector", "scalar", "nd4j"}) {
        if (t.containsKey(k)) {
          sb.append(String.format(Locale.ROOT, "  %s %10.1f", k, t.get(k)));
          if (nd4j != null && !k.equals("nd4j")) {
            sb.append(String.format(Locale.ROOT, " (%.2fx)", t.get(k) / nd4j));
          }
        }
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
