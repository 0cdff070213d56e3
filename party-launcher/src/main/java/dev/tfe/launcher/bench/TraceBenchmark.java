package dev.tfe.launcher.bench;

import dev.tfe.program.Party;
import dev.tfe.api.Tfe;
import dev.tfe.graph.NodeRef;
import dev.tfe.launcher.Cluster;
import dev.tfe.launcher.LaunchOptions;
import dev.tfe.launcher.WorkDir;
import dev.tfe.launcher.cli.HelpOption;
import dev.tfe.launcher.net.RoundTrace;
import dev.tfe.model.SecureNnNetworks;
import dev.tfe.model.Sequential;
import dev.tfe.model.secure.PrivateModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.DoubleSupplier;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./tfe bench trace}: where a round goes on local party processes. Launches the parties
 * with a {@link RoundTrace} each, runs the chain of dependent one-message rounds of
 * {@link RoundChainBenchmark} and private predictions of SecureNN's networks, and splits every
 * round of the timed runs with {@link RoundSplit} into encode, send, wire, receiver busy,
 * wake-up, decode, compute and scheduling (medians and means, microseconds). For each case it
 * also reports the parties' CPU time over the timed runs divided by their wall time (from
 * {@link ProcessHandle.Info#totalCpuDuration}, i.e. {@code /proc/<pid>/stat} on Linux), and for
 * the first prediction case the latency of the first predictions on the fresh processes beside
 * the warm median. Saves {@code bench-results/trace.json}.
 *
 * <p>Usage: {@code ./tfe bench trace [runs] [--cases chain,A1,B128] [--warm-seconds 10]}.
 */
@Command(name = "trace", header = "where a round goes on party processes: send, wire, wake-up, decode, compute",
    description = {"Where a round goes on local party processes: every round of a chain of"
    + " one-message rounds and of private predictions split into encode, send, wire, receiver busy, wake-up, decode,"
    + " compute and scheduling; CPU time per wall time of the parties; first predictions on fresh processes."
    + " Saves bench-results/trace.json."})
public final class TraceBenchmark implements Callable<Integer> {
  @Mixin
  HelpOption help;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "RUNS", defaultValue = "30",
      description = "timed (traced) runs per case (default: ${DEFAULT-VALUE})")
  int runs;

  @Option(names = "--cases", split = ",", defaultValue = "chain,A1",
      description = "cases: chain (32 dependent rounds), or a network and batch such as A1, A128, B128 (default: ${DEFAULT-VALUE})")
  List<String> cases;

  @Option(names = "--warm-seconds", defaultValue = "10",
      description = "least warm-up before the first case's timed runs (default: ${DEFAULT-VALUE})")
  double warmSeconds;

  @Option(names = "--party-jvm-args", split = " ", defaultValue = "-Xmx2g",
      description = "JVM options of the party processes, space-separated, e.g. for class-data sharing or an AOT cache (default: ${DEFAULT-VALUE})")
  List<String> partyJvmArgs;

  private TraceBenchmark() {}

  @Override
  public Integer call() throws Exception {
    if (runs < 3) {
      throw new ParameterException(spec.commandLine(), "RUNS must be at least 3, got " + runs);
    }
    for (String c : cases) {
      if (!c.equals("chain") && !c.matches("[A-D][0-9]+")) {
        throw new ParameterException(spec.commandLine(), "unknown case " + c + "; use chain, or a network A-D and a batch, e.g. A1");
      }
    }
    Path dir = Files.createTempDirectory("tfe-trace");
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("machine", BenchJson.machine());
    results.put("note", "every round of " + runs + " traced runs per case, split by hand-off times of one machine-wide"
        + " monotonic clock (System.nanoTime = CLOCK_MONOTONIC on Linux); see RoundSplit");
    List<String> jvm = new ArrayList<>(partyJvmArgs);
    jvm.add("-D" + RoundTrace.PROPERTY + "=" + dir);
    results.put("party_jvm_args", partyJvmArgs);
    results.put("party_java", System.getProperty("java.home"));
    long launch = System.nanoTime();
    LaunchOptions o = LaunchOptions.defaults().jvmArgs(jvm);
    try (Cluster cluster = Cluster.launchLocal(o)) {
      double launchMs = (System.nanoTime() - launch) / 1e6;
      results.put("launch_ms", launchMs);
      System.out.printf("party processes launched and ready in %.0f ms (JVM options %s)%n", launchMs, partyJvmArgs);
      double warm = warmSeconds;
      for (String c : cases) {
        Map<String, Object> r = runCase(cluster, dir, c, warm);
        results.put(c, r);
        warm = 2;
      }
    } finally {
      WorkDir.delete(dir, true);
    }
    System.out.println("saved " + BenchJson.save("trace.json", results));
    return 0;
  }

  private Map<String, Object> runCase(Cluster cluster, Path dir, String name, double warm) {
    try (Tfe tfe = Tfe.local()) {
      tfe.useRuntime(cluster.newRuntime());
      DoubleSupplier once = name.equals("chain") ? chain(tfe) : prediction(tfe, name);
      Map<String, Object> r = new LinkedHashMap<>();
      List<Double> first = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        first.add(once.getAsDouble());
      }
      int warmRuns = NetworksBenchmark.warmUp(once, warm);
      sleep(300); // the parties write their traces after they answer
      long after = RoundSplit.lastRun(dir);
      Map<String, ProcessHandle> procs = cluster.processes();
      Map<String, Double> cpu0 = cpu(procs);
      long t0 = System.nanoTime();
      double[] ms = new double[runs];
      for (int i = 0; i < runs; i++) {
        ms[i] = once.getAsDouble();
      }
      double wallMs = (System.nanoTime() - t0) / 1e6;
      Map<String, Double> cpu1 = cpu(procs);
      sleep(300);
      RoundSplit split = RoundSplit.read(dir, after);
      double median = BenchJson.median(ms);
      Map<String, Object> cpuPerWall = new LinkedHashMap<>();
      double total = 0;
      for (String p : cpu1.keySet()) {
        double share = (cpu1.get(p) - cpu0.get(p)) / wallMs;
        cpuPerWall.put(p, share);
        total += share;
      }
      cpuPerWall.put("all_parties", total);
      r.put("ms_median", median);
      r.put("first_runs_ms_on_fresh_processes", first);
      r.put("first_run_over_warm_median", first.get(0) / median);
      r.put("warm_up_runs", warmRuns);
      r.put("cpu_time_per_wall_time", cpuPerWall);
      r.put("split", split.toJson());
      System.out.printf("%n%s: median %.2f ms per run (%d timed runs after %d warm-up runs); first runs %s ms"
          + " (the first %.1fx the warm median)%n", name, median, runs, warmRuns,
          first.stream().map(v -> String.format("%.1f", v)).toList(), first.get(0) / median);
      System.out.printf("  CPU time / wall time of the parties over the timed runs: %s%n", cpuPerWall.entrySet().stream()
          .map(e -> String.format("%s %.2f", e.getKey(), (Double) e.getValue())).toList());
      split.print("  " + name);
      return r;
    }
  }

  /** Milliseconds of CPU time each process used so far. */
  private static Map<String, Double> cpu(Map<String, ProcessHandle> procs) {
    Map<String, Double> m = new LinkedHashMap<>();
    procs.forEach((p, h) -> m.put(p, h.info().totalCpuDuration().map(Duration::toNanos).orElse(0L) / 1e6));
    m.put("coordinator", ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L) / 1e6);
    return m;
  }

  /** One run of the 32-round chain of {@link RoundChainBenchmark}, in milliseconds. */
  private static DoubleSupplier chain(Tfe tfe) {
    tfe.party("client");
    NodeRef out = RoundChainBenchmark.chain(tfe, tfe.servers(), 32, "long");
    return () -> {
      long t0 = System.nanoTime();
      long v = tfe.session().run(List.of(out), Map.of()).get("long").get(0);
      if (v != 7) {
        throw new IllegalStateException("the chain changed its value to " + v);
      }
      return (System.nanoTime() - t0) / 1e6;
    };
  }

  /** One private prediction of {@code name} (network and batch, e.g. A1) with SecureNN, in milliseconds. */
  private static DoubleSupplier prediction(Tfe tfe, String name) {
    String net = name.substring(0, 1);
    int batch = Integer.parseInt(name.substring(1));
    Sequential model = SecureNnNetworks.network(net);
    model.initialize(1);
    PrivateModel pm = tfe.privateModel(model, tfe.party("model-owner"), tfe.secureNn());
    Party client = tfe.party("prediction-client");
    int[] shape = SecureNnNetworks.exampleShape(net);
    long[] full = new long[shape.length + 1];
    full[0] = batch;
    for (int i = 0; i < shape.length; i++) {
      full[i + 1] = shape[i];
    }
    Nd4j.getRandom().setSeed(3);
    var x = Nd4j.rand(full);
    return () -> pm.predict(client, x, batch).millis();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
