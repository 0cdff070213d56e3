package dev.tfe.profile;

import dev.tfe.graph.OpIdentity;
import dev.tfe.graph.ValueKind;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accumulates one party's {@link OpStats}, by {@link OpIdentity}, and what it saw
 * ({@link SeenStats}, by kind and source), during one run. Used by one thread only.
 */
public final class PartyRunStats {
  private final String party;
  private final Map<OpIdentity, long[]> byOp = new LinkedHashMap<>();
  private final Map<OpIdentity, BitSet> steps = new LinkedHashMap<>();
  private final Map<List<Object>, SeenStats> seen = new LinkedHashMap<>();
  private long wallNanos;
  private int rounds;
  private long bytesSent;
  private long bytesReceived;
  private final List<Span> timeline = new ArrayList<>();

  /** The most spans kept per party and run (later ones are dropped; {@link #timelineComplete()} says so). */
  public static final int MAX_SPANS = 200_000;

  private boolean timelineComplete = true;

  public PartyRunStats(String party) {
    this.party = party;
  }

  /**
   * Rebuilds the statistics a party reported from elsewhere (a party process sends its
   * {@link #ops()}, wall time and rounds to the coordinator).
   */
  public static PartyRunStats restore(String party, long wallNanos, int rounds, List<OpStats> ops) {
    return restore(party, wallNanos, rounds, ops, List.of());
  }

  /** As {@link #restore(String, long, int, List)}, with what the party saw. */
  public static PartyRunStats restore(String party, long wallNanos, int rounds, List<OpStats> ops, List<SeenStats> seen) {
    PartyRunStats s = new PartyRunStats(party);
    for (SeenStats v : seen) {
      s.addSeen(v);
    }
    for (OpStats o : ops) {
      s.byOp.put(o.identity(), new long[] {o.nanos(), o.bytesSent(), o.bytesReceived(), o.rounds(), o.nodes(), -1, o.waitNanos()});
      s.steps.put(o.identity(), o.sendSteps());
      s.bytesSent += o.bytesSent();
      s.bytesReceived += o.bytesReceived();
    }
    s.wallNanos = wallNanos;
    s.rounds = rounds;
    return s;
  }

  /**
   * {@link #restore} with what the party saw and its timeline (for instance the runs of a call,
   * one after another).
   */
  public static PartyRunStats restore(String party, long wallNanos, int rounds, List<OpStats> ops, List<SeenStats> seen,
      List<Span> timeline, boolean complete) {
    PartyRunStats s = restore(party, wallNanos, rounds, ops, seen);
    s.timeline.addAll(timeline);
    s.timelineComplete = complete;
    return s;
  }

  /** Records a stretch of this party's run. */
  public void addSpan(Span.Phase phase, String peer, long run, int step, long startNanos, long endNanos, long bytes) {
    if (timeline.size() < MAX_SPANS) {
      timeline.add(new Span(party, phase, peer, run, step, startNanos, endNanos, bytes));
    } else {
      timelineComplete = false;
    }
  }

  /** What this party did when, in order: waits, computes and sends (empty when not recorded, e.g. reported by a party process). */
  public List<Span> timeline() {
    return List.copyOf(timeline);
  }

  /** Whether {@link #timeline()} holds every span (false when more than {@link #MAX_SPANS} were recorded). */
  public boolean timelineComplete() {
    return timelineComplete;
  }

  private long[] slot(OpIdentity op) {
    // compute nanos, sent, received, rounds, nodes, last step counted, wait nanos
    return byOp.computeIfAbsent(op, k -> new long[] {0, 0, 0, 0, 0, -1, 0});
  }

  public void addCompute(OpIdentity op, long nanos) {
    long[] s = slot(op);
    s[0] += nanos;
    s[4]++;
  }

  /** Time spent waiting for a message (or handing one to the transport), kept apart from compute time. */
  public void addWait(OpIdentity op, long nanos) {
    slot(op)[6] += nanos;
  }

  public void addSent(OpIdentity op, long bytes, int step) {
    long[] s = slot(op);
    s[1] += bytes;
    if (s[5] != step) {
      s[5] = step;
      s[3]++;
    }
    steps.computeIfAbsent(op, k -> new BitSet()).set(step);
    bytesSent += bytes;
  }

  public void addReceived(OpIdentity op, long bytes) {
    slot(op)[2] += bytes;
    bytesReceived += bytes;
  }

  /**
   * Records values of {@code kind} this party saw from {@code from} (a peer, or
   * {@link SeenStats#CALLER}): {@code values} tensors of {@code bytes} payload bytes in total,
   * carried by {@code messages} messages.
   */
  public void addSeen(ValueKind kind, String from, long values, long messages, long bytes) {
    addSeen(new SeenStats(party, kind, from, values, messages, bytes));
  }

  private void addSeen(SeenStats v) {
    seen.merge(List.of(v.kind(), v.from()), v, SeenStats::plus);
  }

  /** What this party saw, by kind and source, in the order first seen. */
  public List<SeenStats> seen() {
    return List.copyOf(seen.values());
  }

  public void countRound() {
    rounds++;
  }

  public void setWallNanos(long nanos) {
    wallNanos = nanos;
  }

  public String party() {
    return party;
  }

  public long wallNanos() {
    return wallNanos;
  }

  public int rounds() {
    return rounds;
  }

  public long bytesSent() {
    return bytesSent;
  }

  public long bytesReceived() {
    return bytesReceived;
  }

  public List<OpStats> ops() {
    List<OpStats> r = new ArrayList<>();
    for (Map.Entry<OpIdentity, long[]> e : byOp.entrySet()) {
      long[] s = e.getValue();
      r.add(new OpStats(e.getKey(), party, s[0], s[1], s[2], (int) s[3], (int) s[4],
          steps.getOrDefault(e.getKey(), new BitSet()), s[6]));
    }
    return r;
  }
}
