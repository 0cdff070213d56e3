package dev.tfe.launcher.cli;

import dev.tfe.program.Output;
import dev.tfe.program.Party;
import dev.tfe.program.RunResult;
import dev.tfe.api.Tfe;
import dev.tfe.launcher.Cluster;
import dev.tfe.launcher.LaunchOptions;
import dev.tfe.protocol.Tensor;
import dev.tfe.protocol.pond.Pond;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./tfe launch}: starts the party processes on this machine (or, with {@code --config},
 * attaches to the ones of a hostmap started with {@code ./tfe party}), waits until all are ready,
 * runs a private product on them to check that they compute, and prints the parties, their
 * process ids and logs.
 */
@Command(name = "launch",
    header = "start the server processes on this machine and check them",
    sortOptions = false,
    description = {"Starts the party processes on this machine (or, with --config, attaches to the ones of a hostmap "
        + "started with ./tfe party), waits until all are ready, runs a private product on them to check that they "
        + "compute, and prints the parties, their process ids and logs."})
public final class LaunchMain implements Callable<Integer> {
  @Mixin
  HelpOption help;

  @Option(names = "--parties", split = ",", paramLabel = "NAME",
      description = "parties to start (default: server0,server1,server2)")
  List<String> parties;

  @Option(names = "--encrypt", description = "CURVE on loopback too")
  boolean encrypt;

  @Option(names = "--config", paramLabel = "HOSTS.JSON",
      description = "attach to the parties of this hostmap instead of starting local ones; they stay up afterwards, "
          + "detached, ready for the next coordinator")
  Path config;

  @Option(names = "--stop", description = "with --config: stop those parties after the check")
  boolean stop;

  @Option(names = "--keep", description = "keep the local parties running until this command is interrupted")
  boolean keep;

  public static void main(String[] args) {
    Cli.main("tfe launch", new LaunchMain(), args);
  }

  @Override
  public Integer call() throws InterruptedException {
    LaunchOptions o = LaunchOptions.defaults();
    if (parties != null) {
      o.parties(parties);
    }
    o.encrypt(encrypt);
    long t0 = System.nanoTime();
    Cluster cluster;
    try {
      cluster = config == null ? Cluster.launchLocal(o) : Cluster.connect(config);
    } catch (RuntimeException e) {
      System.err.println("tfe launch: " + e.getMessage());
      return 1;
    }
    System.out.printf("ready in %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, cluster);
    cluster.coordinator().pids().forEach((p, pid) -> System.out.println("pid " + p + " = " + pid));
    System.out.flush();
    try (Tfe tfe = Tfe.local()) {
      tfe.useRuntime(cluster.newRuntime());
      check(tfe);
    } catch (RuntimeException e) {
      System.err.println("tfe launch: the check failed: " + e.getMessage());
      cluster.close();
      return 1;
    }
    if (keep && config == null) {
      System.out.println("the parties are up; interrupt this command (Ctrl-C) to stop them");
      System.out.flush();
      while (cluster.isAlive()) {
        Thread.sleep(500);
      }
      System.err.println("tfe launch: the cluster stopped: " + cluster);
      return 1;
    }
    if (stop && config != null) {
      cluster.stopParties("./tfe launch --stop");
      System.out.println("told the parties of " + config + " to stop");
    } else {
      cluster.close();
      if (config != null) {
        System.out.println("the parties of " + config + " stay up for the next coordinator (--stop stops them)");
      }
    }
    return 0;
  }

  /** A private 16x64 by 64x8 product on the parties, against plaintext. */
  private static void check(Tfe tfe) {
    Random rnd = new Random(42);
    INDArray x = Nd4j.create(rnd.doubles(16 * 64, -1, 1).toArray(), new long[] {16, 64}, DataType.DOUBLE);
    INDArray w = Nd4j.create(rnd.doubles(64 * 8, -1, 1).toArray(), new long[] {64, 8}, DataType.DOUBLE);
    Pond pond = tfe.pond();
    Party client = tfe.party("client");
    Tensor y = pond.matmul(tfe.definePrivateInput(pond, client, x), tfe.definePrivateInput(pond, client, w));
    Output out = tfe.defineOutput(pond, client, y);
    RunResult r = tfe.run(out);
    double[] want = x.mmul(w).data().asDouble();
    double[] got = r.values(out);
    double err = 0;
    for (int i = 0; i < got.length; i++) {
      err = Math.max(err, Math.abs(got[i] - want[i]));
    }
    if (err > 1e-3) {
      throw new IllegalStateException("private product differs from plaintext by " + err + ": " + Arrays.toString(got));
    }
    System.out.printf("check: a private 16x64 by 64x8 product on %s agrees with plaintext (max error %.2g) in %.1f ms, %d rounds%n",
        r.profile().parties(), err, r.profile().wallMillis(), r.profile().rounds());
  }
}
