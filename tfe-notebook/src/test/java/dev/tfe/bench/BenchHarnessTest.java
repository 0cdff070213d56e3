package dev.tfe.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark harness, report and JSON writer (not the benchmarks themselves). */
class BenchHarnessTest {
  @Test
  void measurementTakesOrderStatistics() {
    Measurement m = Measurement.of(2, new double[] {5, 1, 4, 2, 3, 100, 6, 7, 8, 9});
    assertEquals(5.5, m.medianMs());
    assertEquals(1, m.minMs());
    assertEquals(9, m.p90Ms());
    assertEquals(100, m.maxMs());
    assertEquals(10, m.reps());
    assertEquals(3, Measurement.of(0, new double[] {3}).medianMs());
    assertEquals(2, Measurement.of(0, new double[] {9, 1, 2}).medianMs());
    assertThrows(IllegalArgumentException.class, () -> Measurement.of(0, new double[0]));
  }

  @Test
  void harnessRunsWarmupsAndReps() {
    BenchHarness h = new BenchHarness(null);
    int[] runs = {0};
    Measurement m = h.measure("count", 3, 7, () -> runs[0]++);
    assertEquals(10, runs[0]);
    assertEquals(7, m.reps());
    assertEquals(3, m.warmups());
    assertTrue(m.minMs() <= m.medianMs() && m.medianMs() <= m.p90Ms() && m.p90Ms() <= m.maxMs());
    assertThrows(IllegalArgumentException.class, () -> h.measure("none", 0, 0, () -> {}));
  }

  @Test
  void interleavedRunsAlternateBetweenBodies() {
    BenchHarness h = new BenchHarness(null);
    StringBuilder order = new StringBuilder();
    List<Measurement> ms = h.measureInterleaved(List.of(
        new BenchHarness.Timed("a", 1, 4, () -> order.append('a')),
        new BenchHarness.Timed("b", 0, 2, () -> order.append('b'))), 2);
    assertEquals("a" + "aab" + "aab", order.toString());
    assertEquals(4, ms.get(0).reps());
    assertEquals(2, ms.get(1).reps());
    assertThrows(IllegalArgumentException.class, () -> new BenchHarness.Timed("x", -1, 1, () -> {}));
    assertThrows(IllegalArgumentException.class, () -> h.measureInterleaved(List.of(), 0));
  }

  @Test
  void reportComputesRatiosWithinAGroup() {
    BenchHarness h = new BenchHarness(null);
    h.add("op A", "plain", true, new Measurement(1, 3, 2.0, 1.0, 3.0, 3.0), Map.of());
    BenchResult slow = h.add("op A", "private", false, new Measurement(1, 3, 5.0, 4.0, 6.0, 6.0), Map.of("bytes", 10));
    BenchResult alone = h.add("op B", "private", false, new Measurement(1, 3, 5.0, 4.0, 6.0, 6.0), Map.of());
    assertEquals(2.5, BenchReport.ratio(slow, h.results()));
    assertTrue(Double.isNaN(BenchReport.ratio(h.results().get(0), h.results())));
    assertTrue(Double.isNaN(BenchReport.ratio(alone, h.results())));
    String table = BenchReport.table(h.results(), "ratio");
    assertTrue(table.contains("plain (baseline)"), table);
    assertTrue(table.contains("2.50x"), table);
    String json = BenchReport.json("t", Map.of("cpus", 2), h.results());
    assertTrue(json.contains("\"ratio_to_baseline\": 2.5"), json);
    assertTrue(json.contains("\"ratio_to_baseline\": null"), json);
    assertTrue(json.contains("\"bytes\": 10"), json);
  }

  @Test
  void jsonEscapesAndNests() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("s", "a\"b\\c\nd\u0001");
    m.put("n", 3);
    m.put("x", 0.25);
    m.put("whole", 2.0);
    m.put("nan", Double.NaN);
    m.put("t", true);
    m.put("null", null);
    List<Object> list = new ArrayList<>(List.of(1L, "two"));
    m.put("list", list);
    m.put("empty", List.of());
    String expected = "{\n"
        + "  \"s\": \"a\\\"b\\\\c\\nd\\u0001\",\n"
        + "  \"n\": 3,\n"
        + "  \"x\": 0.25,\n"
        + "  \"whole\": 2,\n"
        + "  \"nan\": null,\n"
        + "  \"t\": true,\n"
        + "  \"null\": null,\n"
        + "  \"list\": [\n    1,\n    \"two\"\n  ],\n"
        + "  \"empty\": []\n"
        + "}\n";
    assertEquals(expected, Json.write(m));
  }

  @Test
  void saveCreatesParentDirectories(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("a/b/ops.json");
    BenchReport.save(out, "{}\n");
    assertEquals("{}\n", Files.readString(out));
  }

  @Test
  void optionsParse() {
    OpsBenchmark.Options o = OpsBenchmark.Options.parse(new String[] {"--quick", "--out", "x/y.json"});
    assertTrue(o.quick());
    assertEquals(Path.of("x/y.json"), o.out());
    assertEquals(Path.of("bench-results/ops.json"), OpsBenchmark.Options.parse(new String[0]).out());
    assertThrows(IllegalArgumentException.class, () -> OpsBenchmark.Options.parse(new String[] {"--fast"}));
    assertThrows(IllegalArgumentException.class, () -> OpsBenchmark.Options.parse(new String[] {"--out"}));
  }
}
