package dev.tfe.render;

import dev.tfe.graph.OpKind;
import dev.tfe.profile.OpStats;
import dev.tfe.profile.Profile;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A profile as a compact pivot: one row per op kind (innermost op, summed over calls and
 * layers), one column per party holding its compute time and, apart, its waiting time; then the
 * bytes all parties sent for the op kind and its rounds. Rows are sorted by compute time over all
 * parties, the costliest first; a last row holds the parties' totals.
 *
 * @param parties the columns, in the profile's order
 * @param rows the rows, the costliest first
 */
public record ProfilePivot(List<String> parties, List<Row> rows) {

  /**
   * One op kind.
   *
   * @param kind the op kind
   * @param computeNanos compute time per party (0 where the party has no record)
   * @param waitNanos waiting time per party
   * @param bytesSent bytes sent by all parties for it
   * @param rounds steps in which any party sent for it
   */
  public record Row(OpKind kind, long[] computeNanos, long[] waitNanos, long bytesSent, int rounds) {
    /** Compute time over all parties. */
    public long totalComputeNanos() {
      long t = 0;
      for (long n : computeNanos) {
        t += n;
      }
      return t;
    }
  }

  /** The pivot of {@code profile}. */
  public static ProfilePivot of(Profile profile) {
    List<String> parties = profile.parties();
    Map<OpKind, long[][]> acc = new LinkedHashMap<>();
    Map<OpKind, BitSet> steps = new LinkedHashMap<>();
    Map<OpKind, Long> bytes = new LinkedHashMap<>();
    for (OpStats o : profile.ops()) {
      int col = parties.indexOf(o.party());
      long[][] a = acc.computeIfAbsent(o.kind(), k -> new long[2][parties.size()]);
      a[0][col] += o.nanos();
      a[1][col] += o.waitNanos();
      steps.computeIfAbsent(o.kind(), k -> new BitSet()).or(o.sendSteps());
      bytes.merge(o.kind(), o.bytesSent(), Long::sum);
    }
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<OpKind, long[][]> e : acc.entrySet()) {
      rows.add(new Row(e.getKey(), e.getValue()[0], e.getValue()[1], bytes.get(e.getKey()), steps.get(e.getKey()).cardinality()));
    }
    rows.sort(Comparator.comparingLong(Row::totalComputeNanos).reversed());
    return new ProfilePivot(parties, List.copyOf(rows));
  }

  /** An HTML table: op, a column per party ("compute ms" with "+wait" below), sent, rounds; totals last. */
  public String html() {
    StringBuilder sb = new StringBuilder("<table class=\"tfe-pivot\"><thead><tr><th>op (by compute time)</th>");
    for (String p : parties) {
      sb.append("<th>").append(Svg.escape(p)).append("<br/><small>compute ms (wait)</small></th>");
    }
    sb.append("<th>sent</th><th>rounds</th></tr></thead><tbody>");
    long[] compute = new long[parties.size()];
    long[] wait = new long[parties.size()];
    long sent = 0;
    for (Row r : rows) {
      sb.append("<tr><td>").append(Svg.escape(r.kind().toString())).append("</td>");
      for (int i = 0; i < parties.size(); i++) {
        sb.append(cell(r.computeNanos()[i], r.waitNanos()[i]));
        compute[i] += r.computeNanos()[i];
        wait[i] += r.waitNanos()[i];
      }
      sent += r.bytesSent();
      sb.append("<td>").append(Profile.bytes(r.bytesSent())).append("</td><td>").append(r.rounds()).append("</td></tr>");
    }
    sb.append("<tr><th>total</th>");
    for (int i = 0; i < parties.size(); i++) {
      sb.append(cell(compute[i], wait[i]));
    }
    sb.append("<th>").append(Profile.bytes(sent)).append("</th><th></th></tr></tbody></table>");
    return sb.toString();
  }

  private static String cell(long compute, long wait) {
    if (compute == 0 && wait == 0) {
      return "<td></td>";
    }
    return String.format(Locale.ROOT, "<td>%.1f%s</td>", compute / 1e6,
        wait >= 50_000 ? String.format(Locale.ROOT, " <small>(%.1f)</small>", wait / 1e6) : "");
  }
}
