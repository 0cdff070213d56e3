package dev.tfe.launcher.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The section of {@code BENCHMARKS.md} that sets FSS beside SecureNN, case by case from the same
 * run: latency end to end and of the online phase alone (the offline phase made ahead), with their
 * ratios; SecureNN's bytes against FSS's online bytes and offline bytes, rounds; then the targets of the FSS
 * issue (13) with a verdict: A batch 1 at most half SecureNN's latency, 8 online rounds and a
 * tenth of its bytes online; B batch 1 at most 20 online rounds and a tenth of the bytes; B
 * batch 128 at most half the latency and 60 MB online, all on local party processes.
 */
final class ProtocolComparison {
  private static final String SECURENN = "SecureNN";
  private static final String FSS = "FSS";

  private ProtocolComparison() {}

  /** The markdown section, or an empty string when no case ran under both protocols. */
  static String section(List<Map<String, Object>> rows) {
    List<Map<String, Object>[]> pairs = pairs(rows);
    if (pairs.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("\n## FSS beside SecureNN\n\n");
    b.append("Same run, same digits. FSS is measured two ways: end to end, with the dealer's keys and triples made and"
        + " sent during the timed prediction; and in two phases, the offline phase made ahead of the input"
        + " (`PrivateModel.preprocess`: masks, keys of 24k + 8 bytes per element and server for DReLU, 32k + 16 for the"
        + " ReLU gate, k = 33 compared bits by default; triples) and then the online run alone, in which the dealer"
        + " sends nothing. FSS online bytes and rounds are those of that online run; SecureNN's bytes and rounds are its"
        + " total.\n\n");
    b.append("| network | batch | runtime | SecureNN ms | FSS end-to-end ms | ratio | FSS online ms | online ratio"
        + " | SecureNN bytes | FSS online bytes | online bytes ratio | FSS offline bytes | FSS total / SecureNN"
        + " | SecureNN rounds | FSS online rounds |\n");
    b.append("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (Map<String, Object>[] p : pairs) {
      Map<String, Object> s = p[0];
      Map<String, Object> f = p[1];
      double sMs = num(s, "latency_ms");
      double fMs = num(f, "latency_ms");
      double oMs = num(f, "online_latency_ms");
      long sBytes = total(s);
      long on = (long) num(f, "online_bytes");
      long off = (long) num(f, "offline_bytes");
      b.append(String.format(Locale.ROOT, "| %s | %d | %s | %.1f | %.1f | %.2f | %.1f | %.2f | %s | %s | %.3f | %s | %.2f | %d | %d |%n",
          s.get("network"), (int) num(s, "batch"), s.get("runtime"), sMs, fMs, fMs / sMs, oMs, oMs / sMs,
          BenchmarksReport.bytes(sBytes), BenchmarksReport.bytes(on), (double) on / sBytes, BenchmarksReport.bytes(off),
          (double) (on + off) / sBytes, (int) num(s, "rounds"), (int) num(f, "online_rounds")));
    }
    b.append("\n| FSS target (issue 13, processes) | measured | target | verdict |\n| --- | ---: | ---: | --- |\n");
    for (Map<String, Object>[] p : pairs) {
      if (!"processes".equals(p[0].get("runtime"))) {
        continue;
      }
      String net = (String) p[0].get("network");
      int batch = (int) num(p[0], "batch");
      double latency = num(p[1], "online_latency_ms") / num(p[0], "latency_ms");
      double endToEnd = num(p[1], "latency_ms") / num(p[0], "latency_ms");
      double online = num(p[1], "online_bytes") / total(p[0]);
      int rounds = (int) num(p[1], "online_rounds");
      String c = net + " batch " + batch;
      if (net.equals("A") && batch == 1) {
        b.append(target(c + ": online latency / SecureNN's", latency, 0.5, "%.2f"));
        b.append(target(c + ": end-to-end latency / SecureNN's", endToEnd, 0.5, "%.2f"));
        b.append(target(c + ": online rounds", rounds, 8, "%.0f"));
        b.append(target(c + ": online bytes / SecureNN's", online, 0.1, "%.3f"));
      } else if (net.equals("B") && batch == 1) {
        b.append(target(c + ": online rounds", rounds, 20, "%.0f"));
        b.append(target(c + ": online bytes / SecureNN's", online, 0.1, "%.3f"));
      } else if (net.equals("B") && batch == 128) {
        b.append(target(c + ": online latency / SecureNN's", latency, 0.5, "%.2f"));
        b.append(target(c + ": end-to-end latency / SecureNN's", endToEnd, 0.5, "%.2f"));
        b.append(target(c + ": online MB", num(p[1], "online_bytes") / 1e6, 60, "%.1f"));
      }
    }
    return b.toString();
  }

  private static String target(String what, double v, double limit, String fmt) {
    return "| " + what + " | " + String.format(Locale.ROOT, fmt, v) + " | ≤ " + String.format(Locale.ROOT, fmt, limit)
        + " | " + (v <= limit ? "met" : "not met") + " |\n";
  }

  /** SecureNN's and FSS's record of each case that ran under both, in the order of {@code rows}. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>[]> pairs(List<Map<String, Object>> rows) {
    List<Map<String, Object>[]> out = new ArrayList<>();
    for (Map<String, Object> s : rows) {
      if (!SECURENN.equals(s.get("protocol"))) {
        continue;
      }
      for (Map<String, Object> f : rows) {
        if (FSS.equals(f.get("protocol")) && f.get("network").equals(s.get("network")) && num(f, "batch") == num(s, "batch")
            && f.get("runtime").equals(s.get("runtime")) && f.get("online_latency_ms") != null) {
          out.add(new Map[] {s, f});
        }
      }
    }
    return out;
  }

  private static double num(Map<String, Object> r, String key) {
    return ((Number) r.get(key)).doubleValue();
  }

  @SuppressWarnings("unchecked")
  private static long total(Map<String, Object> r) {
    return ((Map<String, Number>) r.get("bytes_sent")).values().stream().mapToLong(Number::longValue).sum();
  }
}
