package dev.tfe.profile;

import dev.tfe.graph.OpIdentity;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The profile of one run: per {@link OpIdentity} (layers, protocol op, sub-protocols) and party,
 * compute time and waiting time (apart), bytes sent and received, and rounds; per party, totals; and the rounds of the whole
 * run (steps in which any party sent). Bytes count tensor payload as it travels (8 bytes per
 * ring element, 1 for small values); message headers are not included.
 *
 * <p>Queries select records by {@link OpQuery}: by op name ({@code bytesSentFor("mul")}, which
 * never counts {@code matmul}), by protocol and op ({@code OpQuery.op("pond", "mul")}), by
 * protocol, or by layer ({@code OpQuery.layer("dense_1")}); nothing parses display text.
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
    Map<String, Map<OpIdentity, OpStats>> byParty = new LinkedHashMap<>();
    Map<String, long[]> totals = new LinkedHashMap<>();
    Map<String, List<Span>> timelines = new LinkedHashMap<>();
    Map<String, Boolean> complete = new LinkedHashMap<>();
    Map<String, List<SeenStats>> seen = new LinkedHashMap<>();
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
        timelines.computeIfAbsent(s.party(), k -> new ArrayList<>()).addAll(s.timeline());
        complete.merge(s.party(), s.timelineComplete(), Boolean::logicalAnd);
        Map<OpIdentity, OpStats> ops = byParty.computeIfAbsent(s.party(), k -> new LinkedHashMap<>());
        seen.computeIfAbsent(s.party(), k -> new ArrayList<>()).addAll(s.seen());
        for (OpStats o : s.ops()) {
          ops.merge(o.identity(), o, (a, b) -> {
            OpStats sum = a.plus(b, a.identity());
            return new OpStats(sum.identity(), sum.party(), sum.nanos(), sum.bytesSent(), sum.bytesReceived(),
                Math.max(a.rounds(), b.rounds()), sum.nodes(), sum.sendSteps(), sum.waitNanos());
          });
        }
      }
    }
    List<PartyRunStats> merged = new ArrayList<>();
    for (Map.Entry<String, Map<OpIdentity, OpStats>> e : byParty.entrySet()) {
      long[] t = totals.get(e.getKey());
      merged.add(PartyRunStats.restore(e.getKey(), t[0], (int) t[1], List.copyOf(e.getValue().values()),
          seen.get(e.getKey()), timelines.get(e.getKey()), complete.get(e.getKey())));
    }
    return new Profile(runtime, wall, rounds, merged);
  }

  /**
   * This profile with the wall time of the whole call it belongs to (e.g. a prediction's, which
   * also covers building the graph and encoding the input), so that every view of the call
   * quotes one time.
   */
  public Profile withWallNanos(long nanos) {
    return new Profile(runtime, nanos, rounds, parties);
  }

  /** Every party's {@link Span}s, by start time (empty when the parties did not record them, e.g. party processes). */
  public List<Span> timeline() {
    List<Span> all = new ArrayList<>();
    parties.forEach(p -> all.addAll(p.timeline()));
    all.sort(java.util.Comparator.comparingLong(Span::startNanos));
    return all;
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

  /**
   * What each party saw in this run: the values it received, by the kind the protocol declared
   * (share, masked opening, dealer key or seed, public value, output) and by sender, and its own
   * inputs; with counts and bytes. Renders as a table per party.
   */
  public PartyViews seen() {
    List<SeenStats> r = new ArrayList<>();
    for (PartyRunStats p : parties) {
      r.addAll(p.seen());
    }
    return new PartyViews(parties(), r);
  }

  /** Bytes received by each party (payload, as {@link #bytesSentByParty()} counts it). */
  public Map<String, Long> bytesReceivedByParty() {
    Map<String, Long> r = new LinkedHashMap<>();
    for (PartyRunStats p : parties) {
      r.put(p.party(), p.bytesReceived());
    }
    return r;
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

  /** The (identity, party) records that {@code q} selects. */
  public List<OpStats> select(OpQuery q) {
    return ops().stream().filter(o -> q.matches(o.identity())).toList();
  }

  /** Bytes sent by all parties for what {@code q} selects. */
  public long bytesSentFor(OpQuery q) {
    return select(q).stream().mapToLong(OpStats::bytesSent).sum();
  }

  /** Bytes sent by each party for what {@code q} selects; parties that sent none for it are left out. */
  public Map<String, Long> bytesSentByPartyFor(OpQuery q) {
    Map<String, Long> r = new LinkedHashMap<>();
    for (OpStats o : select(q)) {
      if (o.bytesSent() > 0) {
        r.merge(o.party(), o.bytesSent(), Long::sum);
      }
    }
    return r;
  }

  /** Rounds spent in what {@code q} selects: the steps in which any party sent for it. */
  public int roundsFor(OpQuery q) {
    BitSet steps = new BitSet();
    for (OpStats o : select(q)) {
      steps.or(o.sendSteps());
    }
    return steps.cardinality();
  }

  /** Bytes sent by all parties for ops named {@code op} of any protocol ({@link OpQuery#op(String)}). */
  public long bytesSentFor(String op) {
    return bytesSentFor(opNamed(op));
  }

  /** Bytes sent by each party for ops named {@code op} ({@link OpQuery#op(String)}). */
  public Map<String, Long> bytesSentByPartyFor(String op) {
    return bytesSentByPartyFor(opNamed(op));
  }

  /** Rounds spent in ops named {@code op} ({@link OpQuery#op(String)}). */
  public int roundsFor(String op) {
    return roundsFor(opNamed(op));
  }

  private static OpQuery opNamed(String op) {
    if (op != null && (op.indexOf('.') >= 0 || op.indexOf('/') >= 0)) {
      throw new IllegalArgumentException("'" + op + "' is not an op name: pass a name such as \"mul\", or an OpQuery "
          + "such as OpQuery.op(\"pond\", \"mul\") for one protocol's op or OpQuery.layer(\"dense_1\") for a layer");
    }
    return OpQuery.op(op);
  }

  /** Per innermost op kind and party, summed over calls and layers (each node counted once). */
  public List<OpStats> byKind() {
    Map<List<Object>, OpStats> acc = new LinkedHashMap<>();
    for (OpStats o : ops()) {
      OpIdentity kind = OpIdentity.of(o.kind());
      acc.merge(List.of(o.kind(), o.party()),
          new OpStats(kind, o.party(), o.nanos(), o.bytesSent(), o.bytesReceived(), o.rounds(), o.nodes(), o.sendSteps(),
              o.waitNanos()),
          (a, b) -> a.plus(b, kind));
    }
    return List.copyOf(acc.values());
  }

  /** A plain-text table, by op kind and party. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("run on %s: %.2f ms, %d rounds, %s sent%n", runtime, wallMillis(), rounds, bytes(totalBytesSent())));
    sb.append(String.format("%-28s %-20s %10s %10s %12s %12s %7s%n", "op", "party", "compute ms", "wait ms", "sent", "received", "rounds"));
    for (OpStats o : byKind()) {
      sb.append(String.format("%-28s %-20s %10.3f %10.3f %12s %12s %7d%n", o.kind(), o.party(), o.millis(), o.waitMillis(),
          bytes(o.bytesSent()), bytes(o.bytesReceived()), o.rounds()));
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
