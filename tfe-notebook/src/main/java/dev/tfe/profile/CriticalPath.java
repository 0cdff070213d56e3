package dev.tfe.profile;

import dev.tfe.graph.OpKind;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where a call's time went, in one line, computed from its {@link Profile}: the costliest op (the
 * op kind and party with the most compute time) and, of the other parties taking part in that op,
 * the one that waited longest, with the share of the call's wall time each took and the op kind it waited in most.
 * Waiting is charged to the op that reads the awaited values, so a party that waits in the op
 * where the costliest party computes is waiting on it.
 *
 * @param costliest the op kind with the most compute time on one party
 * @param costliestParty that party
 * @param costliestNanos its compute time
 * @param waiter the party in the costliest op (other than {@code costliestParty}) that waited longest, or {@code ""}
 * @param waitNanos its waiting time
 * @param waitedIn the op kind in which it waited longest
 * @param wallNanos the call's wall time
 */
public record CriticalPath(OpKind costliest, String costliestParty, long costliestNanos, String waiter, long waitNanos,
    OpKind waitedIn, long wallNanos) {

  /** The critical path of {@code profile}; refuses a profile without compute time. */
  public static CriticalPath of(Profile profile) {
    OpStats top = null;
    for (OpStats o : profile.byKind()) {
      if (top == null || o.nanos() > top.nanos()) {
        top = o;
      }
    }
    if (top == null || top.nanos() == 0) {
      throw new IllegalArgumentException("the profile records no compute time: run something first");
    }
    // the waiter is one of the parties that take part in the costliest op (a client that only
    // waits for its output is not on the path), or any party if none does
    OpKind kind = top.kind();
    String busiest = top.party();
    java.util.Set<String> peers = new java.util.HashSet<>();
    for (OpStats o : profile.byKind()) {
      if (o.kind().equals(kind) && !o.party().equals(busiest)) {
        peers.add(o.party());
      }
    }
    Map<String, Long> waits = new LinkedHashMap<>();
    for (OpStats o : profile.ops()) {
      if (!o.party().equals(busiest) && (peers.isEmpty() || peers.contains(o.party()))) {
        waits.merge(o.party(), o.waitNanos(), Long::sum);
      }
    }
    String waiter = "";
    long wait = 0;
    for (Map.Entry<String, Long> e : waits.entrySet()) {
      if (e.getValue() > wait) {
        waiter = e.getKey();
        wait = e.getValue();
      }
    }
    OpStats in = null;
    for (OpStats o : profile.byKind()) {
      if (o.party().equals(waiter) && (in == null || o.waitNanos() > in.waitNanos())) {
        in = o;
      }
    }
    return new CriticalPath(top.kind(), top.party(), top.nanos(), waiter, wait, in == null ? OpKind.NONE : in.kind(),
        profile.wallNanos());
  }

  /** The share of the call's wall time, in percent. */
  private double percent(long nanos) {
    return wallNanos <= 0 ? 0 : 100.0 * nanos / wallNanos;
  }

  /** E.g. "server1 waited 62% of the call, most on server2's securenn.privateCompare (36% computing it)". */
  @Override
  public String toString() {
    String cost = String.format(Locale.ROOT, "%s's %s (%.1f ms computing, %.0f%% of the %.1f ms call)",
        costliestParty, costliest, costliestNanos / 1e6, percent(costliestNanos), wallNanos / 1e6);
    if (waiter.isEmpty()) {
      return "critical path: " + cost;
    }
    String where = waitedIn.equals(costliest) ? "most of it on " + cost : "most of it in " + waitedIn + "; the costliest op is " + cost;
    return String.format(Locale.ROOT, "critical path: %s waited %.0f%% of the call, %s", waiter, percent(waitNanos), where);
  }
}
