package dev.tfe.profile;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The profile of one run: per protocol op and party, wall time, bytes sent and received, and
 * rounds; per party, totals; and the rounds of the whole run (steps in which any party sent).
 * Bytes count tensor payload as it travels (8 bytes per ring element, 1 for small values);
 * message headers are not included.
 */
public final class Profile {
  private final String runtime;
  private final long wallNanos;
  private final int rounds;
  private final List<PartyRunStats> parties;

  public Profile(String runtime, long wallNanos, int rounds, List<PartyRunStats> parties) {
    this.runtime = runtime;
    this.wallNanos = wallNanos;
    this.rounds = rounds;
    this.parties = List.copyOf(parties);
  }

  /**
   * The sum of several runs (e.g. the batches of one prediction): times, bytes and rounds per op
   * and party add up; the wall time is the sum of the runs' wall times; rounds are those of the
   * longest run.
   */
  public static Profile combine(List<Profile> runs) {
    if (runs.size() == 1) {
      return runs.get(0);
    }
    Map<String, Map<String, OpStats>> byParty = new LinkedHashMap<>();
    Map<String, long[]> totals = new LinkedHashMap<>();
    long wall = 0;
    int rounds = 0;
    String runtime = runs.isEmpty() ? "none" : runs.get(0).runtime;
    for (Profile p : runs) {
      wall += p.wallNanos;
      rounds = Math.max(rounds, p.rounds);
      for (PartyRunStats s : p.parties) {
        long[] t = totals.computeIfAbsent(s.party(), k -> new long[2]);
        t[0] += s.wallNanos();
        t[1] = Math.max(t[1], s.rounds());
        Map<String, OpStats> ops = byParty.computeIfAbsent(s.party(), k -> new LinkedHashMap<>());
        for (OpStats o : s.ops()) {
          ops.merge(o.op(), o, (a, b) -> {
            BitSet steps = a.sendSteps();
            steps.or(b.sendSteps());
            return new OpStats(a.op(), a.party(), a.nanos() + b.nanos(), a.bytesSent() + b.bytesSent(),
                a.bytesReceived() + b.bytesReceived(), Math.max(a.rounds(), b.rounds()), a.nodes() + b.nodes(), steps);
          });
        }
      }
    }
    List<PartyRunStats> merged = new ArrayList<>();
    for (Map.Entry<String, Map<String, OpStats>> e : byParty.entrySet()) {
      long[] t = totals.get(e.getKey());
      merged.add(PartyRunStats.restore(e.getKey(), t[0], (int) t[1], List.copyOf(e.getValue().values())));
    }
    return new Profile(runtime, wall, rounds, merged);
  }

  /** Which runtime produced it. */
  public String runtime() {
    return runtime;
  }

  public double wallMillis() {
    return wallNanos / 1e6;
  }

  public long wallNanos() {
    return wallNanos;
  }

  /** Communication rounds of the run. */
  public int rounds() {
    return rounds;
  }

  /** Every (op, party) record. */
  public List<OpStats> ops() {
    List<OpStats> r = new ArrayList<>();
    for (PartyRunStats p : parties) {
      r.addAll(p.ops());
    }
    return Collections.unmodifiableList(r);
  }

  /** The parties that took part. */
  public List<String> parties() {
    return parties.stream().map(PartyRunStats::party).toList();
  }

  /** Bytes sent by each party. */
  public Map<String, Long> bytesSentByParty() {
    Map<String, Long> r = new LinkedHashMap<>();
    for (PartyRunStats p : parties) {
      r.put(p.party(), p.bytesSent());
    }
    return r;
  }

  /** Bytes sent by all parties together. */
  public long totalBytesSent() {
    return parties.stream().mapToLong(PartyRunStats::bytesSent).sum();
  }

  /**
   * Bytes sent by all parties for ops of one kind (e.g. {@code pond.mul}, or {@code mul} for every
   * protocol's), or within a scope (e.g. {@code dense0}); see {@link #matches} for the rule.
   */
  public long bytesSentFor(String opKindOrScope) {
    return bytesSentByPartyFor(opKindOrScope).values().stream().mapToLong(Long::longValue).sum();
  }

  /** Bytes sent by each party for ops of one kind or within a scope; parties that sent none are left out. */
  public Map<String, Long> bytesSentByPartyFor(String opKindOrScope) {
    Map<String, Long> r = new LinkedHashMap<>();
    for (OpStats o : ops()) {
      if (matches(o, opKindOrScope) && o.bytesSent() > 0) {
        r.merge(o.party(), o.bytesSent(), Long::sum);
      }
    }
    return r;
  }

  /** Rounds spent in ops of one kind (or scope): the steps in which any party sent for them. */
  public int roundsFor(String opKindOrScope) {
    BitSet steps = new BitSet();
    for (OpStats o : ops()) {
      if (matches(o, opKindOrScope)) {
        steps.or(o.sendSteps());
      }
    }
    return steps.cardinality();
  }

  /**
   * Whether an op record falls under a query: the query's segments ({@code /}-separated, blank
   * ones ignored) must stand as consecutive segments of the op's scope path, where a query segment
   * names a scope segment exactly ({@code securenn.matmul#3}), by kind ({@code securenn.matmul}) or
   * by the kind without its protocol ({@code matmul}). So {@code "mul"} counts {@code pond.mul} but
   * never {@code pond.matmul}, and {@code "dense0/pond.matmul"} only that layer's products.
   */
  static boolean matches(OpStats o, String what) {
    String[] query = java.util.Arrays.stream(what.split("/")).filter(s -> !s.isBlank()).toArray(String[]::new);
    if (query.length == 0) {
      return false;
    }
    String[] path = o.op().split("/");
    for (int start = 0; start + query.length <= path.length; start++) {
      int i = 0;
      while (i < query.length && segmentMatches(path[start + i], query[i])) {
        i++;
      }
      if (i == query.length) {
        return true;
      }
    }
    return false;
  }

  private static boolean segmentMatches(String segment, String query) {
    if (segment.equals(query)) {
      return true;
    }
    int hash = segment.indexOf('#');
    String kind = hash < 0 ? segment : segment.substring(0, hash);
    return kind.equals(query) || kind.substring(kind.lastIndexOf('.') + 1).equals(query);
  }

  /** Per op kind and party, summed over instances. */
  public List<OpStats> byKind() {
    Map<String, OpStats> acc = new LinkedHashMap<>();
    for (OpStats o : ops()) {
      acc.merge(o.kind() + "\u0000" + o.party(),
          new OpStats(o.kind(), o.party(), o.nanos(), o.bytesSent(), o.bytesReceived(), o.rounds(), o.nodes(), o.sendSteps()),
          (a, b) -> {
            BitSet steps = a.sendSteps();
            steps.or(b.sendSteps());
            return new OpStats(a.op(), a.party(), a.nanos() + b.nanos(), a.bytesSent() + b.bytesSent(),
                a.bytesReceived() + b.bytesReceived(), steps.cardinality(), a.nodes() + b.nodes(), steps);
          });
    }
    return List.copyOf(acc.values());
  }

  /** A plain-text table, by op kind and party. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("run on %s: %.2f ms, %d rounds, %s sent%n", runtime, wallMillis(), rounds, bytes(totalBytesSent())));
    sb.append(String.format("%-28s %-20s %10s %12s %12s %7s%n", "op", "party", "ms", "sent", "received", "rounds"));
    for (OpStats o : byKind()) {
      sb.append(String.format("%-28s %-20s %10.3f %12s %12s %7d%n", o.op(), o.party(), o.millis(), bytes(o.bytesSent()), bytes(o.bytesReceived()), o.rounds()));
    }
    return sb.toString();
  }

  /** A byte count for people: B, KB, MB (powers of 1000). */
  public static String bytes(long b) {
    if (b < 1000) {
      return b + " B";
    }
    if (b < 1_000_000) {
      return String.format("%.1f KB", b / 1e3);
    }
    return String.format("%.2f MB", b / 1e6);
  }
}
