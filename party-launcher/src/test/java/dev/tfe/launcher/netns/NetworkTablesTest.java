package dev.tfe.launcher.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The LAN and WAN tables: the estimate's parts, and the section replaced in place between its markers. */
class NetworkTablesTest {
  static Map<String, Object> record(String net, int batch, double ms, int rounds, long busiest) {
    return Map.of("network", net, "batch", batch, "protocol", "SecureNN", "runtime", "processes", "latency_ms", ms,
        "rounds", rounds, "reps", 3, "bytes_sent", Map.of("server0", busiest, "server1", busiest / 2));
  }

  @Test
  void estimateIsBasePlusRoundsTimesOneWayDelayPlusTheBusiestPartysBytesOverTheRate() {
    List<Map<String, Object>> base = List.of(record("A", 1, 5.0, 26, 1000));
    NetworkTables.Estimate e = NetworkTables.estimate(NetSetting.WAN, record("A", 1, 700, 26, 44_000_000), base);
    assertEquals(5.0, e.base(), 1e-12);
    assertEquals(27 * 20.0, e.delayMs(), 1e-9);
    assertEquals(44e6 * 8 / 352e6 * 1000, e.transferMs(), 1e-9); // 1 s for 44 MB at 352 Mbit/s
    assertEquals(5 + 540 + 1000, e.total(), 1e-9);
    NetworkTables.Estimate none = NetworkTables.estimate(NetSetting.LAN, record("B", 1, 9, 10, 0), base);
    assertEquals(-1, none.base(), 0, "no loopback case: no base");
    assertEquals(11 * 0.1, none.total(), 1e-9);
  }

  @Test
  void updateReplacesOnlyItsSection(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("BENCHMARKS.json"), Json.write(List.of(record("A", 1, 5.0, 26, 1000))));
    Files.writeString(dir.resolve("BENCHMARKS.md"), "# Benchmarks\n\nloopback tables\n");
    Files.writeString(dir.resolve("BENCHMARKS-wan.json"), Json.write(Map.of("command", "./tfe bench --net wan",
        "total_seconds", 60, "records", List.of(record("A", 1, 700, 26, 44_000_000)))));
    NetworkTables.update(dir);
    String once = Files.readString(dir.resolve("BENCHMARKS.md"));
    assertTrue(once.startsWith("# Benchmarks\n\nloopback tables\n"), once);
    assertTrue(once.contains("| A | 1 | SecureNN | CURVE | 700.0 | 1545.0 | 5.0 | 540.0 | 1000.0 | 26 | 44.00 MB | 0.45 | 3 |"), once);
    assertTrue(once.contains("Not measured yet: run `./tfe bench --net lan`"), once);
    NetworkTables.update(dir);
    assertEquals(once, Files.readString(dir.resolve("BENCHMARKS.md")), "a second update replaces the section in place");
  }
}
