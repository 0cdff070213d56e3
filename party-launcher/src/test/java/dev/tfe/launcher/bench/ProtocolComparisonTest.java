package dev.tfe.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The FSS-beside-SecureNN section pairs the records of a case and judges the targets. */
class ProtocolComparisonTest {
  private static Map<String, Object> record(String protocol, double ms, Map<String, Long> bytes, int rounds) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("network", "A");
    r.put("batch", 1);
    r.put("protocol", protocol);
    r.put("runtime", "processes");
    r.put("latency_ms", ms);
    r.put("bytes_sent", bytes);
    r.put("rounds", rounds);
    if (protocol.equals("FSS")) {
      long offline = bytes.get("server2");
      r.put("offline_bytes", offline);
      r.put("online_bytes", bytes.values().stream().mapToLong(Long::longValue).sum() - offline);
      r.put("online_rounds", rounds);
      r.put("online_latency_ms", ms / 2);
    }
    return r;
  }

  @Test
  void pairsCasesAndJudgesTheTargets() {
    var s = record("SecureNN", 20.0, Map.of("server0", 500L, "server1", 500L, "server2", 0L), 26);
    var f = record("FSS", 8.0, Map.of("server0", 40L, "server1", 40L, "server2", 5000L), 10);
    String md = ProtocolComparison.section(List.of(s, f));
    assertTrue(md.contains("| A | 1 | processes | 20.0 | 8.0 | 0.40 | 4.0 | 0.20 |"), md);
    assertTrue(md.contains("| A batch 1: online latency / SecureNN's | 0.20 | ≤ 0.50 | met |"), md);
    assertTrue(md.contains("| A batch 1: end-to-end latency / SecureNN's | 0.40 | ≤ 0.50 | met |"), md);
    assertTrue(md.contains("| A batch 1: online rounds | 10 | ≤ 8 | not met |"), md);
    assertTrue(md.contains("| A batch 1: online bytes / SecureNN's | 0.080 | ≤ 0.100 | met |"), md);
    assertEquals("", ProtocolComparison.section(List.of(s)), "no FSS record, no section");
  }
}
