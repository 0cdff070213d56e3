package dev.tfe.launcher.bench.ops;

import dev.tfe.launcher.cli.HelpOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code ./tfe bench ops}: runs the JMH microbenchmarks of this package (one fork, 3 warm-up and
 * 5 measured iterations of a second each; {@code --quick}: 1 and 3) and saves JMH's JSON to
 * {@code bench-results/ops.json}; then prints the ring kernels' time per product beside ND4J's
 * gemm on each shape, from the same run. Any other argument is JMH's own (a benchmark regex,
 * {@code -p protocol=pond,securenn}, {@code -f}, {@code -wi}, ...; {@code --jmh-help} lists them).
 */
@Command(name = "ops",
    header = "JMH: ring matmul beside ND4J gemm, the PRG, protocol ops",
    sortOptions = false,
    description = {"JMH microbenchmarks of the ring kernels (beside ND4J's gemm), the PRG and the protocols' ops: one "
        + "fork, 3 warm-up and 5 measured iterations of a second each. Saves JMH's JSON to bench-results/ops.json and "
        + "prints the ring matmul beside ND4J's gemm per shape."},
    footer = {"", "Any other argument is JMH's own: a benchmark regex, -p protocol=pond,securenn, -f, -wi, -i, ... "
        + "(--jmh-help lists them)."})
public final class OpsBenchmarks implements Callable<Integer> {
  @Mixin
  HelpOption help;

  @Spec
  CommandSpec spec;

  @Option(names = "--quick", description = "1 warm-up and 3 measured iterations")
  boolean quick;

  @Option(names = "--jmh-help", description = "list JMH's own options and exit")
  boolean jmhHelp;

  @Unmatched
  List<String> jmhArgs = new ArrayList<>();

  private OpsBenchmarks() {}

  @Override
  public Integer call() throws Exception {
    if (jmhHelp) {
      new CommandLineOptions().showHelp();
      return 0;
    }
    CommandLineOptions cli;
    try {
      cli = new CommandLineOptions(jmhArgs.toArray(new String[0]));
    } catch (CommandLineOptionException e) {
      throw new ParameterException(spec.commandLine(), "JMH: " + e.getMessage() + " (--jmh-help lists JMH's options)");
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
    return 0;
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
