package dev.tfe.launcher;

import dev.tfe.launcher.config.Hostmap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The coordinator's account of parties that are not ready: for each, its own last report (sent
 * with its heartbeat answers: which peer it cannot reach and why, or that it serves another
 * coordinator), or that it never answered, and which other parties cannot reach it either.
 */
final class HandshakeReport {
  private HandshakeReport() {}

  /** One line per party of {@code waiting}, each followed by its last log lines if known. */
  static String describe(Hostmap hostmap, Set<String> waiting, Map<String, String> statuses,
      Function<String, String> diagnostics) {
    StringBuilder sb = new StringBuilder();
    for (String p : waiting) {
      sb.append("\n  ").append(p).append(" at ").append(hostmap.entry(p).address());
      String status = statuses.get(p);
      if (status == null) {
        sb.append(" did not answer the coordinator (not started, wrong address, or its hostmap holds another"
            + " key for the coordinator)");
        List<String> cannot = reportersOf(p, statuses);
        if (!cannot.isEmpty()) {
          sb.append("; ").append(String.join(" and ", cannot)).append(" cannot")
              .append(" reach it either");
        }
      } else {
        sb.append(" answered, but is not ready: ").append(status);
      }
      sb.append(Coordinator.quote(diagnostics.apply(p)));
    }
    return sb.toString();
  }

  /** The parties whose report says they cannot reach {@code party}. */
  private static List<String> reportersOf(String party, Map<String, String> statuses) {
    List<String> out = new ArrayList<>();
    statuses.forEach((who, status) -> {
      if (status.contains(" cannot reach ") && (status.contains(" " + party + " at ") || status.contains(", " + party + " at "))) {
        out.add(who);
      }
    });
    out.sort(null);
    return out;
  }

  /** After one party's failure: the other parties that never answered at all, or "". */
  static String silent(Set<String> waiting, Map<String, String> statuses, String failed) {
    List<String> none = new ArrayList<>();
    for (String p : waiting) {
      if (!p.equals(failed) && !statuses.containsKey(p)) {
        none.add(p);
      }
    }
    return none.isEmpty() ? "" : "\n  (no report yet from " + String.join(", ", none) + ")";
  }
}
