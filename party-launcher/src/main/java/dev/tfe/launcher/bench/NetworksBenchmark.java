package dev.tfe.launcher.bench;

import dev.tfe.launcher.cli.Cli;
import dev.tfe.launcher.cli.HelpOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;


import dev.tfe.program.Party;
import dev.tfe.api.Tfe;
import dev.tfe.data.Dataset;
import dev.tfe.data.Mnist;
import dev.tfe.json.Json;
import dev.tfe.launcher.Cluster;
import dev.tfe.launcher.netns.NetSetting;
import dev.tfe.launcher.netns.NetnsBench;
import dev.tfe.launcher.netns.NetworkTables;
import dev.tfe.model.Fit;
import dev.tfe.model.SecureNnNetworks;
import dev.tfe.model.Sequential;
import dev.tfe.model.secure.Prediction;
import dev.tfe.model.secure.PrivateModel;
import dev.tfe.profile.PlannedCost;
import dev.tfe.protocol.fss.FssModule;
import dev.tfe.profile.Profile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code ./tfe bench} (or {@code ./tfe bench networks}): private prediction with the four networks
 * of the SecureNN paper ({@link SecureNnNetworks}), issue 7.
 *
 * <p>Each network is trained briefly in plaintext on the bundled MNIST digits (the first 8,000;
 * the conv nets on a subset) and its plaintext accuracy on the held-back digits is printed. Then, for batch 1 and 128, under SecureNN (Pond
 * does not apply: every network has ReLU, which Pond cannot compute exactly), on the in-process
 * runtime and on local party processes (one cluster shared by all cases), it warms up (see
 * {@link #warmUp}) and then measures, each timed run on the next held-back digits: the median
 * latency of a private prediction, throughput, bytes sent by each party beside the analytical
 * bytes read off the planned graph ({@link PrivateModel#plannedCost}), rounds, agreement of the private classes with plaintext and
 * their accuracy, and the latency of plaintext ND4J inference on the same inputs. Prints a table
 * and saves {@code BENCHMARKS.json}, {@code BENCHMARKS.md} and the chart {@code BENCHMARKS.png}
 * (by {@link BenchmarksReport}) at the working directory, the repository root under
 * {@code ./tfe}, for a complete run; a partial run saves them in {@code bench-results/}.
 *
  * <p>Each case runs under SecureNN and, beside it in the same run, under FSS ({@code FssModule}) and
  * ABY3 ({@code Aby3Module}); FSS's
  * records give the end-to-end figures (keys made and sent during the run: {@code latency_ms},
  * {@code bytes_sent}, {@code rounds}) and, measured apart ({@link Phases}), the offline phase made
  * ahead ({@code offline_bytes}, {@code offline_ms}) and the online run alone ({@code online_bytes},
  * {@code online_rounds}, {@code online_latency_ms}). {@code --protocols securenn,fss,aby3} chooses.
  *
 * <p>Options: {@code --quick} (batch 1 only, fewer reps), {@code --networks A,B},
  * {@code --runtimes in-process,processes}, {@code --batches 1,128}, {@code --protocols securenn,fss,aby3}
  * (all three by default), {@code --out FILE},
  * {@code --net lan|wan} (as root: the party processes on emulated hosts with that network's delay
  * and rate, CURVE on; see {@link NetnsBench}; saves {@code BENCHMARKS-<net>.json} and the LAN and
  * WAN tables of {@code BENCHMARKS.md}, see {@link NetworkTables}).
 */
@Command(name = "bench",
    header = "networks A-D of SecureNN: latency, bytes, rounds per protocol",
    description = {"Private prediction of the SecureNN paper's networks A to D at batch 1 and 128, "
    + "in-process and on party processes, per protocol, beside plaintext ND4J and the planned bytes. A complete run "
    + "writes BENCHMARKS.json, BENCHMARKS.md and BENCHMARKS.png; other runs go to bench-results/."})
public final class NetworksBenchmark implements Callable<Integer> {
  /**
   * Warm-up before timing. The party processes compile the protocol's code with C2 for their
   * first 20 to 30 seconds (about 5 s of CPU each, measured), which on 2 cores slows every run
   * they take part in; a case is warm once the median of its last {@link #WINDOW} runs is no
   * longer 10% better than that of the {@link #WINDOW} before, after at least
   * {@link #MIN_WARM_SECONDS} and at most {@link #MAX_WARM_SECONDS}.
   */
  private static final double MIN_WARM_SECONDS = 2;

  /** The first case on the party processes warms them up this long: their C2 compiles then. */
  private static final double FIRST_PROCESSES_WARM_SECONDS = 25;

  private static final double MAX_WARM_SECONDS = 25;

  private static final int WINDOW = 8;

  private static final String OWNER = "model-owner";

  private static final String SECURENN = "SecureNN";

  private static final String FSS = "FSS";
  private static final String ABY3 = "ABY3";

  private static boolean processesWarm;

  private NetworksBenchmark() {}

  /** One measured case, one record of BENCHMARKS.json. */
  record Result(String network, int batch, String protocol, String runtime, double latencyMs, double plaintextMs,
      Map<String, Long> bytesSent, int rounds, long analyticalBytes, Map<String, Long> analyticalByParty,
      long setupBytes, double agreement, double privateAccuracy, int digits, int warmRuns, int reps, Phases phases) {
    Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("network", network);
      m.put("batch", batch);
      m.put("protocol", protocol);
      m.put("runtime", runtime);
      m.put("latency_ms", latencyMs);
      m.put("throughput_per_s", batch * 1000.0 / latencyMs);
      m.put("plaintext_latency_ms", plaintextMs);
      m.put("overhead", latencyMs / plaintextMs);
      m.put("bytes_sent", new java.util.TreeMap<>(bytesSent));
      m.put("rounds", rounds);
      m.put("analytical_bytes", analyticalBytes < 0 ? null : analyticalBytes); // none for ABY3 yet: "n/a"
      m.put("analytical_bytes_by_party", new java.util.TreeMap<>(analyticalByParty));
      m.put("setup_bytes", setupBytes); // one-off: sharing and masking the weights, before the first prediction
      m.put("agreement", agreement);
      m.put("private_accuracy", privateAccuracy);
      m.put("digits", digits);
      m.put("warm_up_runs", warmRuns);
      m.put("reps", reps);
      if (phases != null) {
        // measured apart: the offline phase made ahead (PrivateModel.preprocess), then the online run alone
        m.put("offline_bytes", phases.offlineBytes());
        m.put("offline_ms", phases.offlineMs());
        m.put("offline_rounds", phases.offlineRounds());
        m.put("online_bytes", phases.onlineBytes());
        m.put("online_rounds", phases.onlineRounds());
        m.put("online_latency_ms", phases.onlineMs());
        m.put("online_bytes_sent", new java.util.TreeMap<>(phases.onlineBySender()));
      }
      return m;
    }

    long bytesSentTotal() {
      return bytesSent.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /**
   * A case measured in two phases: the dealer's material made ahead for one run
   * ({@code PrivateModel.preprocess}), then that run's online part alone; medians over the reps.
   */
  record Phases(long offlineBytes, double offlineMs, int offlineRounds, long onlineBytes, int onlineRounds, double onlineMs,
      Map<String, Long> onlineBySender) {}

  @Mixin
  HelpOption help;

  @Spec
  CommandSpec spec;

  @Option(names = "--quick", description = "batch 1 only, fewer repetitions")
  boolean quick;

  @Option(names = "--networks", split = ",", paramLabel = "NET", description = "networks among A, B, C, D (default: all)")
  List<String> networks = SecureNnNetworks.NAMES;

  @Option(names = "--runtimes", split = ",", paramLabel = "RUNTIME",
      description = "in-process and/or processes (default: both)")
  List<String> runtimes = List.of("in-process", "processes");

  @Option(names = "--batches", split = ",", paramLabel = "N", description = "batch sizes (default: 1 and 128; 1 with --quick)")
  List<Integer> batches;

  @Option(names = "--protocols", split = ",", paramLabel = "ID",
      description = "protocols among securenn, fss, aby3 (default: all three)")
  List<String> protocols = List.of("securenn", "fss", "aby3");

  @Option(names = "--party-heap", paramLabel = "SIZE",
      description = "heap of each local party process, as for -Xmx (default: 2g; FSS on network B at batch 128 holds"
          + " about 3 GB of keys on the dealer and half of that on each server: use 6g)")
  String partyHeap = "2g";

  @Option(names = "--out", paramLabel = "FILE",
      description = "where to save the records (default: BENCHMARKS.json after a complete run, else bench-results/)")
  String out;

  @Option(names = "--net", paramLabel = "SETTING",
      description = "loopback (default), or as root lan or wan: the parties on emulated hosts with that delay and rate")
  String net = "loopback";

  @Option(names = "--net-timeout-minutes", paramLabel = "MIN", description = "bound of a --net run (default: 180)")
  int netTimeoutMinutes = 180;

  @Option(names = "--hostmap", hidden = true, description = "coordinator of emulated hosts (set by --net)")
  String hostmap;

  /** The arguments as given, recorded with the results and passed on to the emulated hosts' run. */
  private String[] args = new String[0];

  /** Run as the coordinator on emulated hosts (see {@link NetnsBench}); users run {@code ./tfe bench}. */
  public static void main(String[] args) {
    Cli.main("tfe bench", new NetworksBenchmark(), args);
  }

  @Override
  public Integer call() {
    args = spec.commandLine().getParseResult().expandedArgs().toArray(new String[0]);
    networks = networks.stream().map(String::trim).map(n -> n.toUpperCase(java.util.Locale.ROOT)).toList();
    for (String n : networks) {
      if (!SecureNnNetworks.NAMES.contains(n)) {
        throw new ParameterException(spec.commandLine(), "unknown network " + n + "; choose among " + SecureNnNetworks.NAMES);
      }
    }
    for (String r : runtimes) {
      if (!r.equals("in-process") && !r.equals("processes")) {
        throw new ParameterException(spec.commandLine(), "unknown runtime " + r + "; choose in-process and/or processes");
      }
    }
    List<String> names = new ArrayList<>();
    for (String p : protocols) {
      String name = displayName(p.trim().toLowerCase(java.util.Locale.ROOT));
      if (!List.of(SECURENN, FSS, ABY3).contains(name)) {
        throw new ParameterException(spec.commandLine(), "unknown protocol " + p + "; choose among securenn, fss and aby3");
      }
      names.add(name);
    }
    protocols = names;
    if (!partyHeap.matches("[0-9]+[kKmMgG]?")) {
      throw new ParameterException(spec.commandLine(), "--party-heap takes a size as -Xmx does (e.g. 6g), got " + partyHeap);
    }
    if (batches != null && batches.stream().anyMatch(b -> b < 1)) {
      throw new ParameterException(spec.commandLine(), "a batch size must be at least 1, got " + batches);
    }
    NetSetting netSetting;
    try {
      netSetting = NetSetting.named(net);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    run(netSetting);
    return 0;
  }

  private void run(NetSetting netSetting) {
    long t0 = System.nanoTime();
    List<String> networks = this.networks;
    List<String> runtimes = this.runtimes;
    List<Integer> batches = this.batches;
    List<String> protocols = this.protocols;
    String out = this.out;
    if (batches == null) {
      batches = quick ? List.of(1) : List.of(1, 128);
    }
    boolean onNet = netSetting != NetSetting.LOOPBACK;
    if (onNet && hostmap == null) { // set up the emulated hosts, then run this program again as their coordinator
      try {
        System.exit(NetnsBench.run(netSetting, NetworksBenchmark.class.getName(), List.of(args), netTimeoutMinutes));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        System.exit(1);
      }
    }
    if (onNet) {
      runtimes = List.of("processes");
      out = out == null ? "BENCHMARKS-" + netSetting.name() + ".json" : out;
    }
    if (out == null) {
      // only a complete run replaces the published BENCHMARKS.json; partial runs go to bench-results/
      boolean complete = !quick && protocols.contains(SECURENN) && networks.size() == SecureNnNetworks.NAMES.size() && runtimes.size() == 2 && batches.equals(List.of(1, 128));
      out = complete ? "BENCHMARKS.json" : "bench-results/BENCHMARKS-partial.json";
    }

    Mnist mnist = Mnist.load();
    Dataset train = mnist.train();
    Dataset test = mnist.test();
    System.out.printf("MNIST (bundled): %d training digits, %d held-back digits%n", train.size(), test.size());
    System.out.println("protocols: " + String.join(", ", protocols)
        + " (Pond does not apply: every network has ReLU, which Pond cannot compute exactly)");

    List<Result> results = new ArrayList<>();
    Map<String, Double> accuracies = new LinkedHashMap<>();
    Cluster cluster = null;
    try {
      for (String net : networks) {
        Sequential model = SecureNnNetworks.network(net);
        Dataset tr = net.equals("A") ? train : train.reshaped(28, 28, 1);
        Dataset te = net.equals("A") ? test : test.reshaped(28, 28, 1);
        long tt = System.nanoTime();
        int epochs = net.equals("A") ? 3 : 1;
        int examples = switch (net) {
          case "A" -> tr.size();
          case "C" -> Math.min(2000, tr.size());
          default -> Math.min(4000, tr.size());
        };
        model.initialize(1);
        model.fit(tr.head(examples), Fit.epochs(epochs).batchSize(64).adam(2e-3).learningRateDecay(0.7).seed(1));
        double acc = model.evaluate(te).accuracy();
        accuracies.put(net, acc);
        System.out.printf("network %s: trained on %d digits for %d epoch(s) in %.1f s; plaintext accuracy %.2f%% on %d held-back digits%n",
            net, examples, epochs, (System.nanoTime() - tt) / 1e9, 100 * acc, te.size());
        for (String runtime : runtimes) {
          if (runtime.equals("processes") && cluster == null) {
            long tc = System.nanoTime();
            // across emulated hosts CURVE, on one I/O thread per process, can hold a heartbeat behind a message of
            // 100 MB for over 10 s on a busy machine: parties are declared lost after 5 minutes of silence instead
            cluster = hostmap == null ? Cluster.launchLocal(dev.tfe.launcher.LaunchOptions.defaults().jvmArgs(List.of("-Xmx" + partyHeap)))
                : Cluster.connect(Path.of(hostmap), java.time.Duration.ofSeconds(60),
                java.time.Duration.ofMinutes(10), java.time.Duration.ofMinutes(5));
            System.out.printf("%s party processes in %.1f s%n", hostmap == null ? "launched local" : "connected to the",
                (System.nanoTime() - tc) / 1e9);
          }
          for (String protocol : protocols) {
          try (Tfe tfe = Tfe.local()) {
            if (runtime.equals("processes")) {
              tfe.useRuntime(cluster.newRuntime());
            }
            Party owner = tfe.party(OWNER);
            Party client = tfe.party("prediction-client");
            PrivateModel pm = privateModel(tfe, model, owner, protocol);
            for (int batch : batches) {
              int reps = reps(net, batch, quick);
              Result r = measure(net, runtime, protocol, model, pm, client, te, batch, reps);
              results.add(r);
              System.out.printf("  %s batch %3d %-10s %-8s: %9.1f ms (plaintext %.2f ms), %d rounds, %s sent (planned %s),"
                  + " agreement %.3f and accuracy %.3f on %d digits, after %d warm-up runs%n",
                  net, batch, runtime, r.protocol(), r.latencyMs(), r.plaintextMs(), r.rounds(), Profile.bytes(r.bytesSentTotal()),
                  r.analyticalBytes() < 0 ? "n/a" : Profile.bytes(r.analyticalBytes()), r.agreement(), r.privateAccuracy(), r.digits(), r.warmRuns());
            }
          }
          }
        }
      }
    } finally {
      if (cluster != null) {
        cluster.close();
      }
    }
    double totalS = (System.nanoTime() - t0) / 1e9;
    printTable(results);
    for (Result r : results) {
      if (r.analyticalBytes() >= 0 && r.analyticalBytes() != r.bytesSentTotal()) {
        System.out.printf("WARNING: %s batch %d on %s sent %d bytes, but the communication model says %d%n",
            r.network(), r.batch(), r.runtime(), r.bytesSentTotal(), r.analyticalBytes());
      }
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    List<Object> records = new ArrayList<>();
    results.forEach(r -> records.add(r.toJson()));
    if (onNet) {
      saveNetRun(Path.of(out).toAbsolutePath(), netSetting, records, args, totalS);
      return;
    }
    Path f = Path.of(out).toAbsolutePath();
    try {
      Files.createDirectories(f.getParent()); // bench-results/ does not exist in a fresh clone
      Files.writeString(f, Json.write(records));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save " + f + ": " + e.getMessage(), e);
    }
    doc.put("machine", BenchJson.machine());
    doc.put("plaintext_accuracy", accuracies);
    doc.put("total_seconds", totalS);
    doc.put("records", records);
    System.out.println("saved " + f.toAbsolutePath() + " and " + BenchJson.save("networks.json", doc));
    List<Path> report = BenchmarksReport.write(f.toAbsolutePath().getParent(), doc,
        "./tfe bench" + (args.length == 0 ? "" : " " + String.join(" ", args)), java.time.Instant.now());
    System.out.println("saved " + report.get(0) + " and " + report.get(1));
    System.out.printf("total time: %.1f s%n", totalS);
  }

  /** Saves a {@code --net} run's records and rewrites the LAN and WAN tables of BENCHMARKS.md beside them. */
  private static void saveNetRun(Path f, NetSetting net, List<Object> records, String[] args, double totalS) {
    List<String> shown = new ArrayList<>(List.of(args));
    int h = shown.indexOf("--hostmap");
    if (h >= 0) {
      shown.subList(h, h + 2).clear();
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("net", net.name());
    doc.put("command", "./tfe bench " + String.join(" ", shown));
    doc.put("machine", BenchJson.machine());
    doc.put("total_seconds", totalS);
    doc.put("load_average_at_end", NetworkTables.loadAverage()); // other work on the machine slows every case
    if (h >= 0 && h + 1 < args.length) { // how the hosts' connections were protected: AEAD or (before it) CURVE
      doc.put("encryption", dev.tfe.launcher.config.Hostmap.load(Path.of(args[h + 1])).protection());
    }
    doc.put("records", records);
    try {
      Files.createDirectories(f.getParent());
      Files.writeString(f, Json.write(doc));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save " + f + ": " + e.getMessage(), e);
    }
    System.out.println("saved " + f + " and " + NetworkTables.update(f.getParent()));
    System.out.printf("total time: %.1f s%n", totalS);
  }

  /** Timed repetitions after one warm-up: fewer for the big batches of the conv nets. */
  private static int reps(String net, int batch, boolean quick) {
    if (batch == 1) {
      return quick ? 5 : 15;
    }
    if (net.equals("C")) {
      return quick ? 1 : 2;
    }
    return net.equals("A") || net.equals("D") ? (quick ? 3 : 5) : (quick ? 2 : 3);
  }

  /**
   * Times {@code reps} warm private predictions, each on the next {@code batch} held-back digits,
   * and the plaintext model on the same digits; agreement and accuracy count every timed digit.
   */
  private static Result measure(String net, String runtime, String protocol, Sequential model, PrivateModel pm, Party client,
      Dataset te, int batch, int reps) {
    INDArray first = te.features(0, batch);
    // the first run builds the graph and masks the weights on the parties; then warm up the JIT
    pm.predict(client, first, batch);
    double minWarm = runtime.equals("processes") && !processesWarm ? FIRST_PROCESSES_WARM_SECONDS : MIN_WARM_SECONDS;
    processesWarm |= runtime.equals("processes");
    int warmRuns = warmUp(() -> pm.predict(client, first, batch).millis(), minWarm);
    double[] ms = new double[reps];
    double[] pms = new double[reps];
    int same = 0;
    int correct = 0;
    Prediction last = null;
    for (int i = 0; i < reps; i++) {
      int from = (i * batch) % (te.size() - batch + 1);
      INDArray x = te.features(from, from + batch);
      last = pm.predict(client, x, batch);
      ms[i] = last.millis();
      model.predict(x);
      long t = System.nanoTime();
      int[] plain = model.predictClasses(x);
      pms[i] = (System.nanoTime() - t) / 1e6;
      int[] mine = last.classes();
      int[] labels = java.util.Arrays.copyOfRange(te.classes(), from, from + batch);
      for (int j = 0; j < batch; j++) {
        same += mine[j] == plain[j] ? 1 : 0;
        correct += mine[j] == labels[j] ? 1 : 0;
      }
    }
    PlannedCost analytical = pm.plannedCost(client, first, batch);
    Phases phases = protocol.equals(FSS) ? phases(pm, client, te, batch, reps) : null;
    int digits = reps * batch;
    return new Result(net, batch, displayName(pm.protocol().name()), runtime, BenchJson.median(ms), BenchJson.median(pms),
        last.profile().bytesSentByParty(), last.profile().rounds(), analytical.totalBytesSent(),
        analytical.bytesSentByParty(), pm.plannedInitialisation().totalBytesSent(), (double) same / digits,
        (double) correct / digits, digits, warmRuns, reps, phases);
  }

  /**
   * The offline and online phases apart: per rep, the material of the next run made ahead
   * ({@link PrivateModel#preprocess}, timed as the offline phase), then the prediction, which
   * takes it and runs only its online part (timed as the online latency); the classes of that
   * run must equal plaintext's, or the benchmark stops.
   */
  private static Phases phases(PrivateModel pm, Party client, Dataset te, int batch, int reps) {
    int[] shape = java.util.stream.LongStream.of(te.features(0, batch).shape()).mapToInt(Math::toIntExact).toArray();
    double[] offMs = new double[reps];
    double[] onMs = new double[reps];
    Profile off = null;
    Prediction on = null;
    for (int i = 0; i < reps; i++) {
      int from = (i * batch) % (te.size() - batch + 1);
      INDArray x = te.features(from, from + batch);
      long t = System.nanoTime();
      off = pm.preprocess(client, 1, shape);
      offMs[i] = (System.nanoTime() - t) / 1e6;
      on = pm.predict(client, x, batch);
      onMs[i] = on.millis();
      Prediction.Agreement a = on.compareWithPlaintext();
      if (a.same() != a.total()) {
        throw new IllegalStateException("preprocessed run disagrees with plaintext: " + a);
      }
    }
    return new Phases(off.totalBytesSent(), BenchJson.median(offMs), off.rounds(), on.profile().totalBytesSent(),
        on.profile().rounds(), BenchJson.median(onMs), on.profile().bytesSentByParty());
  }

  /** Runs {@code run} (returning its latency in ms) until warm, see {@link #WINDOW}; returns the runs made. */
  static int warmUp(java.util.function.DoubleSupplier run, double minSeconds) {
    long start = System.nanoTime();
    List<Double> ms = new ArrayList<>();
    while (true) {
      ms.add(run.getAsDouble());
      double elapsed = (System.nanoTime() - start) / 1e9;
      if (elapsed >= Math.max(minSeconds, MAX_WARM_SECONDS)
          || (ms.get(ms.size() - 1) > 1000 * MIN_WARM_SECONDS && elapsed >= minSeconds)) {
        return ms.size(); // slow cases: a run or two is warm-up enough
      }
      int n = ms.size();
      if (elapsed >= minSeconds && n >= 2 * WINDOW) {
        double recent = median(ms.subList(n - WINDOW, n));
        double before = median(ms.subList(n - 2 * WINDOW, n - WINDOW));
        if (recent > 0.9 * before) {
          return n;
        }
      }
    }
  }

  private static double median(List<Double> v) {
    return BenchJson.median(v.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private static void printTable(List<Result> results) {
    System.out.println();
    System.out.printf("%-3s %5s %-10s %-8s %11s %10s %12s %10s %7s %-72s %9s%n", "net", "batch", "runtime", "protocol", "private ms",
        "pred/s", "plaintext ms", "overhead", "rounds", "bytes sent by party", "agreement");
    for (Result r : results) {
      StringBuilder by = new StringBuilder();
      new java.util.TreeMap<>(r.bytesSent()).forEach((p, b) -> by.append(by.length() == 0 ? "" : " ").append(p).append('=').append(Profile.bytes(b)));
      System.out.printf("%-3s %5d %-10s %-8s %11.1f %10.1f %12.3f %9.0fx %7d %-72s %9.3f%n", r.network(), r.batch(),
          r.runtime(), r.protocol(), r.latencyMs(), r.batch() * 1000.0 / r.latencyMs(), r.plaintextMs(), r.latencyMs() / r.plaintextMs(),
          r.rounds(), by, r.agreement());
    }
    System.out.println();
  }

  /** The private model of {@code model} under the protocol the tables call {@code protocol}. */
  private static PrivateModel privateModel(Tfe tfe, Sequential model, Party owner, String protocol) {
    return switch (protocol) {
      case SECURENN -> tfe.privateModel(model, owner, tfe.secureNn());
      case FSS -> tfe.privateModel(model, owner, tfe.use(FssModule.automatic()));
      case ABY3 -> tfe.privateModel(model, owner, tfe.aby3());
      default -> throw new IllegalArgumentException("no protocol '" + protocol + "' in this benchmark; use securenn, fss or aby3");
    };
  }

  /** How the tables name a protocol module: its paper's spelling where there is one, else its id. */
  static String displayName(String id) {
    return switch (id) {
      case "securenn" -> "SecureNN";
      case "aby3" -> "ABY3";
      case "pond" -> "Pond";
      case "fss" -> "FSS";
      default -> id;
    };
  }

}
