package dev.tfe.profile;

import dev.tfe.graph.ValueKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each party saw in a run ({@link Profile#seen()}): per party, the values it received,
 * grouped by the {@link ValueKind} the protocol declared where it sends them (a share, a masked
 * opening, dealer material, a public value, an output meant for it) and its own inputs, with
 * counts and bytes. It shows where values reside: a server should see only shares, masked
 * openings and dealer material; a client only its input and its output. (The statistical
 * privacy tests check that what a party sees does not depend on the inputs; this view names it.)
 *
 * <p>The bytes a party received from peers add up to its {@link Profile#bytesReceivedByParty()}.
 */
public final class PartyViews {
  private final List<String> parties;
  private final List<SeenStats> records;

  /** A view of {@code records}, for {@code parties} in this order (parties without records see nothing). */
  public PartyViews(List<String> parties, List<SeenStats> records) {
    Set<String> all = new LinkedHashSet<>(parties);
    records.forEach(r -> all.add(r.party()));
    this.parties = List.copyOf(all);
    this.records = List.copyOf(records);
  }

  /**
   * One line of a party's view: a kind, the sources it came from, and the totals.
   *
   * @param kind what the values are
   * @param from the peers that sent them (or {@link SeenStats#CALLER})
   * @param values tensors
   * @param messages messages that carried some of them
   * @param bytes payload bytes
   */
  public record Row(ValueKind kind, List<String> from, long values, long messages, long bytes) {}

  /** The parties, in the order of the run's profile. */
  public List<String> parties() {
    return parties;
  }

  /** Every record, by party, kind and source. */
  public List<SeenStats> records() {
    return records;
  }

  /** What {@code party} saw, one row per kind, in the order of {@link ValueKind}. */
  public List<Row> of(String party) {
    requireParty(party);
    Map<ValueKind, List<SeenStats>> byKind = new EnumMap<>(ValueKind.class);
    for (SeenStats r : records) {
      if (r.party().equals(party)) {
        byKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r);
      }
    }
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<ValueKind, List<SeenStats>> e : byKind.entrySet()) {
      List<String> from = e.getValue().stream().map(SeenStats::from).distinct().sorted().toList();
      rows.add(new Row(e.getKey(), from, e.getValue().stream().mapToLong(SeenStats::values).sum(),
          e.getValue().stream().mapToLong(SeenStats::messages).sum(), e.getValue().stream().mapToLong(SeenStats::bytes).sum()));
    }
    return rows;
  }

  /** The kinds of the values {@code party} received from peers (its own input not included). */
  public Set<ValueKind> kindsReceived(String party) {
    requireParty(party);
    Set<ValueKind> r = EnumSet.noneOf(ValueKind.class);
    records.stream().filter(s -> s.party().equals(party) && s.received()).forEach(s -> r.add(s.kind()));
    return r;
  }

  /** Every kind {@code party} saw, its own input included. */
  public Set<ValueKind> kinds(String party) {
    requireParty(party);
    Set<ValueKind> r = EnumSet.noneOf(ValueKind.class);
    records.stream().filter(s -> s.party().equals(party)).forEach(s -> r.add(s.kind()));
    return r;
  }

  /** Payload bytes {@code party} received from peers. */
  public long bytesReceived(String party) {
    requireParty(party);
    return records.stream().filter(s -> s.party().equals(party) && s.received()).mapToLong(SeenStats::bytes).sum();
  }

  /** Payload bytes of {@code kind} that {@code party} saw. */
  public long bytes(String party, ValueKind kind) {
    requireParty(party);
    return records.stream().filter(s -> s.party().equals(party) && s.kind() == kind).mapToLong(SeenStats::bytes).sum();
  }

  private void requireParty(String party) {
    if (!parties.contains(party)) {
      throw new IllegalArgumentException("no party " + party + " in this run; its parties are " + parties);
    }
  }

  /** A plain-text table per party: kind, sources, values, messages, bytes. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("what each party saw\n");
    for (String p : parties) {
      List<Row> rows = of(p);
      sb.append(p).append(rows.isEmpty() ? ": nothing\n" : ":\n");
      for (Row r : rows) {
        sb.append(String.format("  %-20s %-28s %8d values %8d messages %12s%n", r.kind().label(), "from " + String.join(", ", r.from()),
            r.values(), r.messages(), Profile.bytes(r.bytes())));
      }
    }
    return sb.toString();
  }
}
