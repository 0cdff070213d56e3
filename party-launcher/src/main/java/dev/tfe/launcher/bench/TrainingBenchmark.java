package dev.tfe.launcher.bench;

import dev.tfe.launcher.cli.HelpOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import dev.tfe.api.BuiltInModules;
import dev.tfe.api.Tfe;
import dev.tfe.data.Dataset;
import dev.tfe.data.Mnist;
import dev.tfe.model.Fit;
import dev.tfe.model.SecureNnNetworks;
import dev.tfe.model.privatetrain.DataOwner;
import dev.tfe.model.privatetrain.PrivateTraining;
import dev.tfe.profile.OpStats;
import dev.tfe.profile.Profile;
import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.ProtocolModule;
import dev.tfe.protocol.plain.PlainModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One private SGD step of SecureNN's networks at batch 128 (two data owners holding half the rows each,
 * momentum SGD, softmax cross-entropy), for every built-in protocol with comparisons, in-process
 * and on party processes of this machine: the median wall time of a step over {@code reps} steps
 * (the first, which plans, left out), the bytes sent and the rounds of one step, the compute time
 * of the busiest party, and what bytes and rounds alone would cost on loopback
 * ({@link #LOOPBACK_MB_PER_S}, {@link #LOOPBACK_ROUND_MS}). A network with a layer that cannot
 * train privately yet is reported as such.
 *
 * <p>Usage: {@code ./tfe bench training [reps] [--runtime both|in-process|processes] [--networks A,B]};
 * writes {@code bench-results/training.json}, and beside {@code BENCHMARKS.md} its training section and
 * {@code BENCHMARKS-training.json}.
 */
@Command(name = "training",
    header = "one private SGD step of networks A and B at batch 128",
    description = {"One private SGD step of networks A and B at batch 128 for every protocol "
    + "with comparisons: median wall time, bytes and rounds of a step. Saves bench-results/training.json and a section "
    + "of BENCHMARKS.md."})
public final class TrainingBenchmark implements Callable<Integer> {
  @Mixin
  HelpOption help;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "REPS", defaultValue = "5",
      description = "timed steps per case, after one that plans (default: ${DEFAULT-VALUE})")
  int reps;

  @Option(names = "--runtime", defaultValue = "both", description = "in-process, processes (party processes of this "
      + "machine) or both (default: ${DEFAULT-VALUE})")
  String runtime;

  @Option(names = "--networks", split = ",", defaultValue = "A,B", description = "networks to measure (default: "
      + "${DEFAULT-VALUE})")
  List<String> networks;

  /** Loopback throughput of the transport, unencrypted (party-launcher/README.md, {@code ./tfe bench transport}: 400 to 614 MB/s). */
  static final double LOOPBACK_MB_PER_S = 500;
  /** Loopback round trip of the transport (party-launcher/README.md: 85 to 100 us for 64 bytes). */
  static final double LOOPBACK_ROUND_MS = 0.1;

  private TrainingBenchmark() {}

  @Override
  public Integer call() throws IOException {
    if (reps < 1) {
      throw new ParameterException(spec.commandLine(), "REPS must be at least 1, got " + reps);
    }
    List<Boolean> modes = switch (runtime) {
      case "both" -> List.of(false, true);
      case "in-process" -> List.of(false);
      case "processes" -> List.of(true);
      default -> throw new ParameterException(spec.commandLine(), "--runtime must be both, in-process or processes, got "
          + runtime);
    };
    for (String n : networks) {
      if (!n.equals("A") && !n.equals("B")) {
        throw new ParameterException(spec.commandLine(), "--networks takes A and/or B, got " + n);
      }
    }
    run(reps, modes, networks, String.join(" ", spec.commandLine().getParseResult().originalArgs()));
    return 0;
  }

  /**
   * One case's figures: {@code busiestBytes} is the most any one party sent, {@code computeMs} the
   * most compute time (kernels, no waiting) of any one party in the measured step.
   */
  record Figure(String network, String protocol, String runtime, double medianMs, long bytes, int rounds, String note,
      long busiestBytes, double computeMs) {
    /** What the busiest party's bytes and the rounds alone take on loopback, in ms. */
    double loopbackMs() {
      return busiestBytes / (LOOPBACK_MB_PER_S * 1e3) + rounds * LOOPBACK_ROUND_MS;
    }
  }

  static void run(int reps, List<Boolean> modes, List<String> networks, String args) throws IOException {
    Dataset train = Mnist.load().train();
    List<Figure> figures = new ArrayList<>();
    for (String net : networks) {
      for (ProtocolModule<?> m : BuiltInModules.protocols()) {
        if (m.id().equals(PlainModule.ID)) {
          continue;
        }
        for (boolean processes : modes) {
          Figure f = measure(m, net, train, reps, processes);
          if (f != null) {
            figures.add(f);
            System.out.printf(Locale.ROOT, "%-3s %-10s %-12s %10.1f ms %12s %6d rounds, compute %.0f ms, loopback "
                + "estimate %.0f ms %s%n", f.network(), f.protocol(), f.runtime(), f.medianMs(), Profile.bytes(f.bytes()),
                f.rounds(), f.computeMs(), f.loopbackMs(), f.note());
            save(figures, reps, args);  // after every case, so that an interrupted run keeps what it measured
          }
        }
      }
    }
  }

  private static void save(List<Figure> figures, int reps, String args) throws IOException {
    Path out = Path.of("bench-results", "training.json");
    Files.createDirectories(out.getParent());
    StringBuilder sb = new StringBuilder("{\n  \"benchmark\": \"training\",\n  \"batch\": 128,\n  \"steps\": " + reps
        + ",\n  \"figures\": [\n");
    for (int i = 0; i < figures.size(); i++) {
      Figure f = figures.get(i);
      sb.append(String.format(Locale.ROOT, "    {\"network\": \"%s\", \"protocol\": \"%s\", \"runtime\": \"%s\", "
          + "\"median_ms\": %.1f, \"bytes\": %d, \"rounds\": %d, \"busiest_party_bytes\": %d, "
          + "\"busiest_party_compute_ms\": %.1f, \"loopback_estimate_ms\": %.1f, \"note\": \"%s\"}%s%n", f.network(),
          f.protocol(), f.runtime(), f.medianMs(), f.bytes(), f.rounds(), f.busiestBytes(), f.computeMs(), f.loopbackMs(),
          f.note(), i + 1 < figures.size() ? "," : ""));
    }
    String json = sb.append("  ]\n}\n").toString().replace(": NaN", ": null");  // a case without figures
    Files.writeString(out, json);
    System.out.println("saved " + out.toAbsolutePath());
    Path md = Path.of("BENCHMARKS.md");
    if (Files.exists(md)) {
      Files.writeString(md, withSection(Files.readString(md), section(figures, reps, args)));
      Files.writeString(Path.of("BENCHMARKS-training.json"), json);
      System.out.println("updated " + md.toAbsolutePath() + " and BENCHMARKS-training.json");
    }
  }

  static final String HEADER = "## Private training: one SGD step at batch 128";

  /** {@code doc} with its private-training section (if any) replaced by {@code section}, else with it appended. */
  static String withSection(String doc, String section) {
    int at = doc.indexOf(HEADER);
    if (at < 0) {
      return doc.endsWith("\n") ? doc + "\n" + section : doc + "\n\n" + section;
    }
    int next = doc.indexOf("\n## ", at + HEADER.length());
    return doc.substring(0, at) + section + (next < 0 ? "" : doc.substring(next + 1));
  }

  private static String section(List<Figure> figures, int reps, String args) {
    StringBuilder b = new StringBuilder(HEADER + "\n\n");
    b.append("`./tfe bench training").append(args.isEmpty() ? "" : " " + args).append("` (")
        .append(java.time.LocalDate.now(java.time.ZoneOffset.UTC)).append(", ")
        .append(Runtime.getRuntime().availableProcessors()).append(" cores, load average ")
        .append(String.format(Locale.ROOT, "%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
            .getSystemLoadAverage()))
        .append(" when written): two data owners, momentum SGD, softmax ")
        .append("cross-entropy, 20 fractional bits; median of ").append(reps)
        .append(" steps after a first that plans; bytes and rounds of one step; compute: the busiest party's kernel time ")
        .append("(no waiting) in the last step; loopback: what the busiest party's bytes and the rounds alone would take at ")
        .append(String.format(Locale.ROOT, "%.0f MB/s and %.1f ms a round", LOOPBACK_MB_PER_S, LOOPBACK_ROUND_MS))
        .append(" (the transport's unencrypted loopback figures, party-launcher/README.md). Target: 167 ms for A ")
        .append("(tf-encrypted's ABY3, 4-core LAN machines).\n\n");
    b.append("| network | protocol | runtime | step ms | bytes | rounds | compute ms | loopback ms | note |\n")
        .append("|---|---|---|---|---|---|---|---|---|\n");
    for (Figure f : figures) {
      boolean none = Double.isNaN(f.medianMs());
      b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %d | %s | %s | %s |%n", f.network(), f.protocol(),
          f.runtime(), none ? "-" : String.format(Locale.ROOT, "%.0f", f.medianMs()), Profile.bytes(f.bytes()), f.rounds(),
          none ? "-" : String.format(Locale.ROOT, "%.0f", f.computeMs()),
          none ? "-" : String.format(Locale.ROOT, "%.0f", f.loopbackMs()), f.note()));
    }
    return b.append("\n").toString();
  }

  private static Figure measure(ProtocolModule<?> m, String net, Dataset train, int reps, boolean processes) {
    try (Tfe tfe = Tfe.local(PrivateTraining.PRECISION)) {
      Protocol p = tfe.use(m);
      if (!p.supportsComparisons()) {
        return null;
      }
      if (processes) {
        tfe.launchLocal();
      }
      // reps + 1 batches of one epoch: the end-of-epoch overflow check (two comparisons per weight) runs once, not per step
      int n = 128 * (reps + 1);
      Dataset rows = net.equals("A") ? train.slice(0, n) : train.slice(0, n).reshaped(28, 28, 1);
      var model = SecureNnNetworks.network(net).initialize(1);
      PrivateTraining pt;
      try {
        pt = new PrivateTraining(tfe, model, tfe.party("model-owner"), p,
            List.of(DataOwner.of(tfe.party("ownerA"), rows.slice(0, n / 2)), DataOwner.of(tfe.party("ownerB"), rows.slice(n / 2, n))));
        pt.fit(Fit.epochs(1).batchSize(128).sgd(0.01, 0.9).shuffle(true).seed(1));
      } catch (IllegalArgumentException e) {
        return new Figure(net, p.name(), processes ? "processes" : "in-process", Double.NaN, 0, 0,
            "not trainable privately yet: " + e.getMessage().replace('"', '\''), 0, Double.NaN);
      } catch (RuntimeException e) {
        // a party that runs out of memory (FSS's keys for network B) fails the case, not the whole benchmark
        String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("").replace('"', '\'').replace('|', '/');
        System.err.println(net + " " + p.name() + ": " + e);
        return new Figure(net, p.name(), processes ? "processes" : "in-process", Double.NaN, 0, 0, "failed: " + why, 0,
            Double.NaN);
      }
      double[] s = pt.stepSeconds().stream().skip(1).mapToDouble(Double::doubleValue).sorted().toArray();
      Profile prof = pt.lastStepProfile();
      long busiest = prof.bytesSentByParty().values().stream().mapToLong(Long::longValue).max().orElse(0);
      Map<String, Long> compute = new HashMap<>();
      for (OpStats o : prof.ops()) {
        compute.merge(o.party(), o.nanos(), Long::sum);
      }
      double computeMs = compute.values().stream().mapToLong(Long::longValue).max().orElse(0) / 1e6;
      return new Figure(net, p.name(), processes ? "processes" : "in-process", 1000 * s[s.length / 2],
          prof.totalBytesSent(), prof.rounds(), "", busiest, computeMs);
    }
  }
}
