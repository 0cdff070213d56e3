package dev.tfe.profile;

import dev.tfe.graph.Graph;
import dev.tfe.graph.Node;
import dev.tfe.graph.OpIdentity;
import dev.tfe.graph.Plan;
import dev.tfe.graph.Planner;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The analytical communication of a run, read off its plans before anything runs, for any
 * protocol: every value a plan sends costs its element count times its node's wire width
 * ({@link Node#wireBytes()}), charged to the sending party and to the identity of the node that
 * reads it on the peer (as the profile charges it); the rounds are the communication depth of
 * the plans, the steps in which any party sends. These are the bytes and rounds a run of the same
 * plans measures ({@link Profile#bytesSentByParty()}, {@link Profile#rounds()}), whatever the
 * values.
 */
public final class PlannedCost {
  /** Nothing sent, no rounds. */
  public static final PlannedCost NONE = new PlannedCost(Map.of(), Map.of(), 0);

  /** Bytes by identity, then by sending party; the steps with sends by identity. */
  private final Map<OpIdentity, Map<String, Long>> bytes;
  private final Map<OpIdentity, BitSet> steps;
  private final int rounds;

  private PlannedCost(Map<OpIdentity, Map<String, Long>> bytes, Map<OpIdentity, BitSet> steps, int rounds) {
    this.bytes = bytes;
    this.steps = steps;
    this.rounds = rounds;
  }

  /** A sum of runs: per-op rounds are unknown. */
  private PlannedCost(Map<OpIdentity, Map<String, Long>> bytes, int rounds) {
    this(bytes, null, rounds);
  }

  /** The cost of running {@code plans} (one per party, as {@link Planner} makes them). */
  public static PlannedCost of(Map<String, Plan> plans) {
    Map<OpIdentity, Map<String, Long>> bytes = new LinkedHashMap<>();
    Map<OpIdentity, BitSet> steps = new LinkedHashMap<>();
    BitSet levels = new BitSet();
    for (Plan p : plans.values()) {
      for (Plan.Step s : p.steps()) {
        for (int[] ids : s.sends().values()) {
          for (int id : ids) {
            Node n = p.nodes().get(id);
            OpIdentity charged = p.sendIdentities().getOrDefault(id, n.identity());
            long b = (long) n.wireBytes() * size(n.shape());
            bytes.computeIfAbsent(charged, k -> new LinkedHashMap<>()).merge(p.party(), b, Long::sum);
            steps.computeIfAbsent(charged, k -> new BitSet()).set(s.index());
            levels.set(s.index());
          }
        }
      }
    }
    return new PlannedCost(bytes, steps, levels.cardinality());
  }

  /** The cost of computing {@code targets} of {@code graph} (and what they depend on) in one run. */
  public static PlannedCost of(Graph graph, List<Integer> targets) {
    return targets.isEmpty() ? NONE : of(Planner.plan(graph, targets));
  }

  /** Communication rounds: the steps in which any party sends. */
  public int rounds() {
    return rounds;
  }

  /** Bytes sent by each party (parties that send nothing are left out), in order of first mention. */
  public Map<String, Long> bytesSentByParty() {
    return bytesSentByPartyFor(null);
  }

  /** Bytes sent by all parties together. */
  public long totalBytesSent() {
    return bytesSentByParty().values().stream().mapToLong(Long::longValue).sum();
  }

  /** Bytes sent by each party for what {@code q} selects (parties that send nothing for it are left out). */
  public Map<String, Long> bytesSentByPartyFor(OpQuery q) {
    Map<String, Long> r = new LinkedHashMap<>();
    bytes.forEach((id, byParty) -> {
      if (q == null || q.matches(id)) {
        byParty.forEach((party, b) -> r.merge(party, b, Long::sum));
      }
    });
    r.values().removeIf(b -> b == 0);
    return Collections.unmodifiableMap(r);
  }

  /** Bytes sent by all parties for what {@code q} selects. */
  public long bytesSentFor(OpQuery q) {
    return bytesSentByPartyFor(q).values().stream().mapToLong(Long::longValue).sum();
  }

  /** Rounds spent in what {@code q} selects: the steps in which any party sends for it (one run only). */
  public int roundsFor(OpQuery q) {
    if (steps == null) {
      throw new IllegalStateException("rounds per op are known for the cost of one run, not for a sum of runs");
    }
    BitSet s = new BitSet();
    steps.forEach((id, b) -> {
      if (q.matches(id)) {
        s.or(b);
      }
    });
    return s.cardinality();
  }

  /** Bytes sent by each identity's nodes, by party. */
  public Map<OpIdentity, Map<String, Long>> bytesByIdentity() {
    Map<OpIdentity, Map<String, Long>> r = new LinkedHashMap<>();
    bytes.forEach((id, m) -> r.put(id, Collections.unmodifiableMap(new TreeMap<>(m))));
    return Collections.unmodifiableMap(r);
  }

  /**
   * Two runs after one another, as {@link Profile#combine} adds their profiles: bytes add, and
   * the rounds are those of the longer run. Per-op rounds are not kept.
   */
  public PlannedCost plus(PlannedCost o) {
    Map<OpIdentity, Map<String, Long>> b = new LinkedHashMap<>();
    for (PlannedCost c : List.of(this, o)) {
      c.bytes.forEach((id, m) -> m.forEach((party, n) -> b.computeIfAbsent(id, k -> new LinkedHashMap<>())
          .merge(party, n, Long::sum)));
    }
    return new PlannedCost(b, Math.max(rounds, o.rounds));
  }

  /** {@code k} runs of these plans after one another. */
  public PlannedCost times(long k) {
    if (k < 0) {
      throw new IllegalArgumentException("a run count cannot be negative: " + k);
    }
    Map<OpIdentity, Map<String, Long>> b = new LinkedHashMap<>();
    bytes.forEach((id, m) -> m.forEach((party, n) -> b.computeIfAbsent(id, x -> new LinkedHashMap<>())
        .put(party, Math.multiplyExact(n, k))));
    return new PlannedCost(b, k == 0 ? 0 : rounds);
  }

  private static long size(int[] shape) {
    long n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }

  @Override
  public String toString() {
    return totalBytesSent() + " bytes " + bytesSentByParty() + ", " + rounds + " rounds";
  }
}
