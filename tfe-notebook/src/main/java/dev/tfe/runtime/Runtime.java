package dev.tfe.runtime;

import dev.tfe.graph.Plan;
import dev.tfe.profile.PartyRunStats;
import dev.tfe.ring.RingTensor;
import java.util.List;
import java.util.Map;

/**
 * Executes the per-party plans of one run. Parties keep their variables between runs. The
 * in-process runtime runs a thread per party; the multi-process one (in {@code party-launcher})
 * a JVM per party. Both run the same {@link PlanExecutor} over a {@link Transport}.
 */
public interface Runtime extends AutoCloseable {

  /** What one run produced: outputs by receiving party and key, and per-party statistics. */
  record Outcome(Map<String, Map<String, RingTensor>> outputs, List<PartyRunStats> stats, long wallNanos) {}

  /**
   * Runs {@code plans}; {@code feeds} gives each party the input values only it may see.
   *
   * @throws RunFailedException naming the party that failed first and why
   */
  Outcome run(long runId, Map<String, Plan> plans, Map<String, Map<String, RingTensor>> feeds);

  /**
   * Gives the runtime the op set of its session, for the parties it runs in this JVM. A runtime
   * of party processes ignores it: each process installs the modules its plan names.
   */
  default void useKernels(Kernels kernels) {}

  /** "in-process" or "processes". */
  String name();

  @Override
  default void close() {}
}
