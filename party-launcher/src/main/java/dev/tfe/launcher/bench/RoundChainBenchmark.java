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
import dev.tfe.graph.NodeRef;
import dev.tfe.graph.Ops;
import dev.tfe.protocol.Parties;
import dev.tfe.ring.RingTensor;
import dev.tfe.runtime.Session;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./tfe bench rounds}: what one communication round costs on party processes, with no
 * computation in it. A chain of {@code k} dependent one-message rounds (a single ring element
 * moved server0, server1, server0, ...: each hop is one planned step waiting for the previous)
 * is run in-process and on local party processes for a short and a long chain; the slope
 * between them is the cost per round, which the program prints beside the transport's own
 * one-way latency (half its 64-byte round trip, {@link TransportBenchmark}) and bare JeroMQ's,
 * all measured in this run. Saves {@code bench-results/rounds.json}.
 *
 * <p>Usage: {@code ./tfe bench rounds [runs] [long-chain]} (defaults 300 and 64).
 */
@Command(name = "rounds",
    header = "cost of one round on party processes beside the transport's",
    description = {"What one communication round costs on local party processes: chains of dependent one-message rounds, the cost per round beside the transport's one-way latency and bare JeroMQ's, measured in one run. Saves bench-results/rounds.json."})
public final class RoundChainBenchmark implements Callable<Integer> {
  @Mixin
  HelpOption help;

  private static final String CLIENT = "client";

  private RoundChainBenchmark() {}

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "RUNS", defaultValue = "300",
      description = "timed runs of each chain (default: ${DEFAULT-VALUE})")
  int runs;

  @Parameters(index = "1", arity = "0..1", paramLabel = "LONG", defaultValue = "64",
      description = "rounds of the long chain (default: ${DEFAULT-VALUE})")
  int longChain;

  @Override
  public Integer call() throws Exception {
    if (runs < 5) {
      throw new ParameterException(spec.commandLine(), "RUNS must be at least 5, got " + runs);
    }
    if (longChain < 2) {
      throw new ParameterException(spec.commandLine(), "LONG must be at least 2, got " + longChain);
    }
    run(runs, longChain);
    return 0;
  }

  static void run(int runs, int longChain) throws Exception {
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("machine", BenchJson.machine());
    results.put("note", "chains of dependent one-message rounds (1 ring element, no computation) between server0 and "
        + "server1; per round = (median(long chain) - median(1-round chain)) / (long - 1); medians of " + runs + " runs");
    Map<String, Object> transport = TransportBenchmark.measure(dev.tfe.launcher.config.Hostmap.Encryption.OFF, Math.max(1000, runs * 4), 2);
    Map<String, Object> raw = TransportBenchmark.rawJeromq(Math.max(1000, runs * 4), 2);
    double transportOneWay = (Double) transport.get("rtt_us_median") / 2;
    double rawOneWay = (Double) raw.get("rtt_us_median") / 2;
    try (Tfe tfe = Tfe.local()) {
      Parties s = tfe.servers();
      tfe.party(CLIENT);
      NodeRef shortChain = chain(tfe, s, 1, "short");
      NodeRef longOut = chain(tfe, s, longChain, "long");
      Map<String, Object> inProcess = measure(tfe, shortChain, longOut, longChain, runs);
      results.put("in_process", inProcess);
      tfe.launchLocal();
      Map<String, Object> processes = measure(tfe, shortChain, longOut, longChain, runs);
      results.put("processes", processes);
      double perRound = (Double) processes.get("us_per_round");
      results.put("transport_one_way_us", transportOneWay);
      results.put("raw_jeromq_one_way_us", rawOneWay);
      results.put("per_round_over_transport_one_way", perRound / transportOneWay);
      System.out.printf("chain of dependent rounds, %d and 1 hops, medians of %d runs:%n", longChain, runs);
      System.out.printf("  in-process:        %8.1f us per round%n", (Double) inProcess.get("us_per_round"));
      System.out.printf("  party processes:   %8.1f us per round%n", perRound);
      System.out.printf("  transport one-way: %8.1f us (half its 64-byte round trip)%n", transportOneWay);
      System.out.printf("  bare JeroMQ:       %8.1f us one-way%n", rawOneWay);
      System.out.printf("  a round on processes costs %.1fx the transport's one-way latency (target: at most 2x)%n",
          perRound / transportOneWay);
    }
    System.out.println("saved " + BenchJson.save("rounds.json", results));
  }

  /**
   * A chain of {@code hops} moves of one element, alternating server1 and server0, then revealed
   * to the client (whose output the coordinator collects).
   */
  static NodeRef chain(Tfe tfe, Parties s, int hops, String key) {
    Ops ops = tfe.session().ops();
    NodeRef x = ops.constant(s.server0(), RingTensor.fill(7, 1));
    for (int i = 1; i <= hops; i++) {
      x = ops.move(x, i % 2 == 1 ? s.server1() : s.server0());
    }
    return ops.output(key, ops.move(x, CLIENT)); // the same last hop for every chain: it cancels in the slope
  }

  private static Map<String, Object> measure(Tfe tfe, NodeRef shortChain, NodeRef longChain, int hops, int runs) {
    Session session = tfe.session();
    double[] shortUs = new double[runs];
    double[] longUs = new double[runs];
    for (int i = -runs / 2; i < runs; i++) { // the first half-batch warms the code paths up
      long t0 = System.nanoTime();
      long a = session.run(List.of(shortChain), Map.of()).get("short").get(0);
      long t1 = System.nanoTime();
      long b = session.run(List.of(longChain), Map.of()).get("long").get(0);
      long t2 = System.nanoTime();
      if (a != 7 || b != 7) {
        throw new IllegalStateException("a chain of moves changed its value: " + a + ", " + b);
      }
      if (i >= 0) {
        shortUs[i] = (t1 - t0) / 1e3;
        longUs[i] = (t2 - t1) / 1e3;
      }
    }
    Map<String, Object> r = new LinkedHashMap<>();
    double s = BenchJson.median(shortUs);
    double l = BenchJson.median(longUs);
    r.put("one_round_us_median", s);
    r.put("long_chain_us_median", l);
    r.put("long_chain_rounds", hops);
    r.put("us_per_round", (l - s) / (hops - 1));
    return r;
  }
}
