package dev.tfe.launcher.bench;

import dev.tfe.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Shared bits of the benchmark programs: medians, machine facts, and saving JSON results. */
final class BenchJson {
  private BenchJson() {}

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  static Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cores", java.lang.Runtime.getRuntime().availableProcessors());
    m.put("java", System.getProperty("java.version"));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      m.put("memory_bytes", os.getTotalMemorySize());
    }
    String cpu = cpuModel();
    if (cpu != null) {
      m.put("cpu", cpu);
    }
    return m;
  }

  /** The CPU model from /proc/cpuinfo (Linux), or null elsewhere. */
  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or not readable: leave it out
    }
    return null;
  }

  static Path save(String name, Map<String, Object> results) {
    Path f = Path.of("bench-results", name);
    try {
      Files.createDirectories(f.getParent());
      Files.writeString(f, Json.write(results));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save " + f + ": " + e.getMessage(), e);
    }
    return f;
  }
}
