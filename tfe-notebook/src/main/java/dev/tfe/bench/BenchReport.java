package dev.tfe.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders {@link BenchResult} rows as a plain-text table and as JSON. Within each group the
 * baseline row is the reference: other rows show {@code median / baseline median}.
 */
public final class BenchReport {
  private BenchReport() {}

  /** This row's median over its group's baseline median, or NaN for a baseline or a group without one. */
  public static double ratio(BenchResult row, List<BenchResult> all) {
    if (row.baseline()) {
      return Double.NaN;
    }
    for (BenchResult r : all) {
      if (r.baseline() && r.group().equals(row.group())) {
        return row.stats().medianMs() / r.stats().medianMs();
      }
    }
    return Double.NaN;
  }

  /** A fixed-width table: group, implementation, median, min, p90 (ms) and ratio to the baseline. */
  public static String table(List<BenchResult> rows, String ratioHeader) {
    int gw = "case".length();
    int iw = "implementation".length();
    for (BenchResult r : rows) {
      gw = Math.max(gw, r.group().length());
      iw = Math.max(iw, r.impl().length() + (r.baseline() ? " (baseline)".length() : 0));
    }
    String fmt = "%-" + gw + "s  %-" + iw + "s  %10s  %10s  %10s  %s%n";
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, fmt, "case", "implementation", "median ms", "min ms", "p90 ms", ratioHeader));
    sb.append("-".repeat(gw + iw + 40 + ratioHeader.length())).append('\n');
    String last = null;
    for (BenchResult r : rows) {
      String group = r.group().equals(last) ? "" : r.group();
      last = r.group();
      double q = ratio(r, rows);
      sb.append(String.format(Locale.ROOT, fmt, group, r.impl() + (r.baseline() ? " (baseline)" : ""),
          ms(r.stats().medianMs()), ms(r.stats().minMs()), ms(r.stats().p90Ms()),
          Double.isNaN(q) ? "" : String.format(Locale.ROOT, "%.2fx", q)));
    }
    return sb.toString();
  }

  /** The report as JSON: benchmark name, environment facts, and one object per row. */
  public static String json(String benchmark, Map<String, Object> environment, List<BenchResult> rows) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("benchmark", benchmark);
    doc.put("environment", environment);
    List<Object> list = new ArrayList<>();
    for (BenchResult r : rows) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("group", r.group());
      o.put("impl", r.impl());
      o.put("baseline", r.baseline());
      o.put("warmups", r.stats().warmups());
      o.put("reps", r.stats().reps());
      o.put("median_ms", r.stats().medianMs());
      o.put("min_ms", r.stats().minMs());
      o.put("p90_ms", r.stats().p90Ms());
      o.put("max_ms", r.stats().maxMs());
      o.put("ratio_to_baseline", ratio(r, rows));
      if (!r.params().isEmpty()) {
        o.put("params", r.params());
      }
      list.add(o);
    }
    doc.put("results", list);
    return Json.write(doc);
  }

  /** Writes {@code text} to {@code path}, creating missing parent directories. */
  public static void save(Path path, String text) throws IOException {
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(path, text, StandardCharsets.UTF_8);
  }

  /** Milliseconds with about four significant digits. */
  public static String ms(double v) {
    if (v >= 100) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    if (v >= 10) {
      return String.format(Locale.ROOT, "%.2f", v);
    }
    if (v >= 1) {
      return String.format(Locale.ROOT, "%.3f", v);
    }
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
