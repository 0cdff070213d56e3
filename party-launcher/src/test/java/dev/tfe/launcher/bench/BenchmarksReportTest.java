package dev.tfe.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.json.Json;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BENCHMARKS.md and BENCHMARKS.png from the records of a real full run, and from a partial run. */
class BenchmarksReportTest {
  private static final Instant WHEN = Instant.parse("2025-05-01T12:30:00Z");

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> fullRun() throws IOException {
    try (InputStream in = BenchmarksReportTest.class.getResourceAsStream("benchmarks-full-run.json")) {
      assertNotNull(in, "fixture benchmarks-full-run.json");
      return (List<Map<String, Object>>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cores", 2);
    m.put("java", "17.0.15");
    m.put("os", "Linux amd64");
    return m;
  }

  @Test
  void fullRunWritesTablesTargetsAndChart(@TempDir Path dir) throws IOException {
    List<Path> written = BenchmarksReport.write(dir, fullRun(), Map.of("A", 0.944, "B", 0.951, "C", 0.9, "D", 0.887),
        machine(), "./tfe bench", 158.7, WHEN);
    assertEquals(List.of(dir.resolve("BENCHMARKS.md"), dir.resolve("BENCHMARKS.png")), written);
    String md = Files.readString(dir.resolve("BENCHMARKS.md"));

    assertTrue(md.contains("- command: `./tfe bench`"), md);
    assertTrue(md.contains("- date: 2025-05-01 12:30 UTC"), md);
    assertTrue(md.contains("- machine: 2 cores, memory not recorded, OS Linux amd64, JDK 17.0.15, CPU not recorded"), md);
    assertTrue(md.contains("- total run time: 158.7 s"), md);
    assertTrue(md.contains("| A | 94.4% |"), md);
    // A batch 1 on processes: 206.906531 ms, 169,392 bytes in all, analytical bytes null; paper 43 ms
    assertTrue(md.contains("| A | 1 | processes | SecureNN | 207 | 4.8 | 0.314 | 659x | 26 | 169.4 KB | "
        + "prediction-client 6.3 KB, server0 55.6 KB, server1 55.6 KB, server2 51.9 KB | n/a | 100.0% | n/a | n/a | n/a | 5 "
        + "| 43.0 |"), md);
    assertTrue(md.contains("| C | 128 | processes | SecureNN | 10205 | 12.5 | 118 | 86x | 73 | 1.21 GB |"), md);
    assertEquals(16, md.lines().filter(l -> l.matches("\\| [ABCD] \\| \\d+ \\| (in-process|processes) \\|.*")).count());

    // targets: A128 361.7 <= 380 met; A1 206.9 > 43 not met; A1 169.4 KB <= 500 KB met; B1 297.9 > 130 not met
    assertTrue(md.contains("| latency (SecureNN Table 7) | A, batch 128, processes | 362 ms | ≤ 380 ms | met |"), md);
    assertTrue(md.contains("| latency (SecureNN Table 7) | A, batch 1, processes | 207 ms | ≤ 43.0 ms | not met |"), md);
    assertTrue(md.contains("| A, batch 1, processes | 169.4 KB | ≤ 500.0 KB | met |"), md);
    assertTrue(md.contains("| latency (SecureNN Table 7) | B, batch 1, processes | 298 ms | ≤ 130 ms | not met |"), md);
    assertTrue(md.contains("- 2 of 4 targets met."), md);

    assertTrue(md.contains("Pond does not apply: every network has ReLU, which Pond cannot compute exactly."), md);
    assertTrue(md.contains("](BENCHMARKS.png)"), md);
    assertTrue(md.contains("Rounds per call are the same for every batch and runtime of a network: A 26, B 73, C 73, D 26."), md);
    assertTrue(md.contains("Each party sends the same bytes on every runtime"), md);
    assertTrue(md.contains("Analytical byte counts are not recorded for any case (n/a)."), md);
    assertFalse(md.contains("Not measured in this run"), md);
    assertFalse(md.contains("NaN"), md);
    assertValidTables(md);
    assertPng(dir.resolve("BENCHMARKS.png"));
  }

  @Test
  void partialRunWithAnalyticalBytes(@TempDir Path dir) throws IOException {
    List<Map<String, Object>> records = fullRun().stream()
        .filter(r -> r.get("network").equals("A") && r.get("runtime").equals("in-process")).toList();
    records.get(0).put("analytical_bytes", 169_392L); // batch 1: equal to the measured total
    records.get(1).put("analytical_bytes", 20_000_000L); // batch 128: measured 21,617,152
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("machine", Map.of("cores", 36, "java", "21", "os", "Linux amd64", "memory_bytes", 64_000_000_000L,
        "cpu", "Xeon | test"));
    doc.put("plaintext_accuracy", Map.of("A", 0.9435));
    doc.put("total_seconds", 12.25);
    doc.put("records", records);
    BenchmarksReport.write(dir, doc, "./tfe bench --networks A --runtimes in-process", WHEN);
    String md = Files.readString(dir.resolve("BENCHMARKS.md"));

    assertTrue(md.contains("- machine: 36 cores, memory 64.00 GB, OS Linux amd64, JDK 21, CPU Xeon \\| test"), md);
    assertTrue(md.contains("| 169.4 KB | prediction-client 6.3 KB, server0 55.6 KB, server1 55.6 KB, server2 51.9 KB "
        + "| 169.4 KB, matches |"), md);
    assertTrue(md.contains("| 20.00 MB, differs from measured by +8.09% |"), md);
    assertEquals(4, md.lines().filter(l -> l.endsWith("| not measured |")).count(), md);
    assertTrue(md.contains("- 0 of 4 targets met (4 not measured)."), md);
    assertTrue(md.contains("1 of 2 analytical byte counts match the measured total."), md);
    assertFalse(md.contains("NaN"), md);
    assertValidTables(md);
    assertPng(dir.resolve("BENCHMARKS.png"));
  }

  @Test
  void missingCaseIsListed() throws IOException {
    List<Map<String, Object>> records = fullRun().stream()
        .filter(r -> r.get("network").equals("B") && !(((Number) r.get("batch")).intValue() == 128 && r.get("runtime").equals("processes")))
        .toList();
    String md = BenchmarksReport.markdown(records, Map.of("B", 0.95), machine(), "./tfe bench --networks B", 1, WHEN);
    assertTrue(md.contains("- Not measured in this run: B batch 128 processes."), md);
    assertTrue(md.contains("Latency on local party processes relative to in-process: B batch 1 5.28x."), md);
    assertValidTables(md);
  }

  /** Each table: a header, a separator of the same width, then rows of the same width. */
  private static void assertValidTables(String md) {
    List<String> lines = md.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("|") && (i == 0 || !lines.get(i - 1).startsWith("|"))) {
        assertTrue(i == 0 || lines.get(i - 1).isEmpty(), "blank line before table at line " + (i + 1));
        int width = cells(lines.get(i)).length;
        assertTrue(lines.get(i + 1).matches("\\|( -+:? \\|)+"), "separator at line " + (i + 2) + ": " + lines.get(i + 1));
        for (int j = i + 1; j < lines.size() && lines.get(j).startsWith("|"); j++) {
          assertEquals(width, cells(lines.get(j)).length, "cells at line " + (j + 1) + ": " + lines.get(j));
        }
      }
    }
  }

  private static String[] cells(String row) {
    // split on pipes that are not escaped
    String[] parts = row.trim().split("(?<!\\\\)\\|", -1);
    return Arrays.copyOfRange(parts, 1, parts.length - 1);
  }

  private static void assertPng(Path png) throws IOException {
    byte[] bytes = Files.readAllBytes(png);
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, Arrays.copyOf(bytes, 8));
    BufferedImage image = ImageIO.read(png.toFile());
    assertNotNull(image);
    assertEquals(1200, image.getWidth());
    assertEquals(600, image.getHeight());
  }
}
