package dev.tfe.launcher.bench;

import dev.tfe.launcher.bench.ops.OpsBenchmarks;
import java.util.List;
import picocli.CommandLine;

/**
 * {@code ./tfe bench}: the networks benchmark ({@link NetworksBenchmark}) with its options, also
 * reachable as {@code ./tfe bench networks} or {@code ./tfe bench all}, and one subcommand per other
 * benchmark program.
 */
public final class BenchCommand {
  private BenchCommand() {}

  /** The {@code bench} command with its subcommands. */
  public static CommandLine commandLine() {
    CommandLine bench = new CommandLine(NetworksBenchmark.class);
    bench.addSubcommand("networks", new CommandLine(NetworksBenchmark.class).setCommandName("networks"), "all");
    for (Class<?> c : List.of(OpsBenchmarks.class, TransportBenchmark.class, RoundChainBenchmark.class, TraceBenchmark.class,
        PredictionBenchmark.class, SecureNnBenchmark.class, TrainingBenchmark.class, FssKeyBenchmark.class)) {
      bench.addSubcommand(new CommandLine(c));
    }
    return bench;
  }
}
