package dev.tfe.launcher.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code BENCHMARKS.md} and {@code BENCHMARKS.png} of {@code ./tfe bench} (issue 7), from the
 * records of {@link NetworksBenchmark} (the maps of {@code Result.toJson}, or the same parsed back
 * from {@code BENCHMARKS.json}).
 *
 * <p>The markdown holds the command, date, machine and run time; the plaintext accuracy of each
 * network; one table row per record; the {@link #TARGETS} of the issue with a met / not met verdict;
 * a link to the chart; and notes computed from the records only. The chart is a grouped bar chart of
 * median latency per case (network and batch) on a log scale: one bar per runtime of the private
 * prediction and one for plaintext ND4J. A partial run (missing networks, batches or runtimes) and
 * {@code analytical_bytes} of {@code null} ("n/a") are reported as such. The chart is drawn by
 * {@link BenchmarksChart}.
 */
public final class BenchmarksReport {
  /** File names written into the caller's directory. */
  public static final String MARKDOWN = "BENCHMARKS.md";
  public static final String CHART = "BENCHMARKS.png";
  /** Chart size in pixels. */
  public static final int WIDTH = 1200;
  public static final int HEIGHT = 600;

  private static final String PAPER = "SecureNN Table 7";

  private BenchmarksReport() {}

  /** What a target bounds: the median latency of a case, or the bytes all parties send per prediction. */
  public enum Quantity {
    LATENCY("latency"),
    BYTES_PER_PREDICTION("bytes sent per prediction");

    final String label;

    Quantity(String label) {
      this.label = label;
    }

    double of(Map<String, Object> r) {
      return this == LATENCY ? num(r, "latency_ms") : totalBytes(r) / (double) integer(r, "batch");
    }

    String format(double v) {
      return this == LATENCY ? ms(v) + " ms" : bytes(Math.round(v));
    }
  }

  /** A target of issue 7: {@code quantity} of {@code network} at {@code batch} on {@code runtime} at most {@code limit}. */
  public record Target(String network, int batch, String runtime, Quantity quantity, double limit, String source) {
    String caseName() {
      return network + ", batch " + batch + ", " + runtime;
    }
  }

  /** The targets of issue 7, all on local party processes over loopback. */
  public static final List<Target> TARGETS = List.of(
      new Target("A", 128, "processes", Quantity.LATENCY, 380, PAPER),
      new Target("A", 1, "processes", Quantity.LATENCY, 43, PAPER),
      new Target("A", 1, "processes", Quantity.BYTES_PER_PREDICTION, 500_000,
          "ABY3 in SecureNN Table 6, masked weights reused"),
      new Target("B", 1, "processes", Quantity.LATENCY, 130, PAPER));

  /**
   * Writes {@link #MARKDOWN} and {@link #CHART} into {@code dir} from a document shaped like
   * {@code bench-results/networks.json}: {@code machine}, {@code plaintext_accuracy},
   * {@code total_seconds} and {@code records}.
   */
  @SuppressWarnings("unchecked")
  public static List<Path> write(Path dir, Map<String, ?> doc, String command, Instant when) {
    return write(dir, (List<Map<String, Object>>) doc.get("records"), (Map<String, ? extends Number>) doc.get("plaintext_accuracy"),
        (Map<String, ?>) doc.get("machine"), command, ((Number) doc.get("total_seconds")).doubleValue(), when);
  }

  /** Writes {@link #MARKDOWN} and {@link #CHART} into {@code dir}; returns both paths. */
  public static List<Path> write(Path dir, List<Map<String, Object>> records, Map<String, ? extends Number> accuracy,
      Map<String, ?> machine, String command, double totalSeconds, Instant when) {
    Path md = dir.resolve(MARKDOWN);
    Path png = dir.resolve(CHART);
    try {
      Files.createDirectories(dir);
      Files.writeString(md, markdown(records, accuracy, machine, command, totalSeconds, when));
      Files.write(png, BenchmarksChart.png(records, WIDTH, HEIGHT));
      dev.tfe.launcher.netns.NetworkTables.update(dir); // keeps the LAN and WAN tables of ./tfe bench --net
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the benchmark report in " + dir + ": " + e.getMessage(), e);
    }
    return List.of(md, png);
  }

  /** The text of {@link #MARKDOWN}. */
  public static String markdown(List<Map<String, Object>> records, Map<String, ? extends Number> accuracy,
      Map<String, ?> machine, String command, double totalSeconds, Instant when) {
    List<Map<String, Object>> rows = sorted(records);
    StringBuilder b = new StringBuilder();
    b.append("# Benchmarks: private prediction on the SecureNN networks\n\n");
    b.append("- command: `").append(command).append("`\n");
    b.append("- date: ").append(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(when)).append('\n');
    b.append("- machine: ").append(machine(machine == null ? Map.of() : machine)).append('\n');
    b.append("- total run time: ").append(String.format(Locale.ROOT, "%.1f s", totalSeconds)).append("\n\n");

    b.append("## Plaintext accuracy\n\n| network | plaintext accuracy |\n| --- | ---: |\n");
    new TreeMap<>(accuracy == null ? Map.<String, Number>of() : accuracy).forEach((n, a) ->
        b.append("| ").append(cell(n)).append(" | ").append(percent(a.doubleValue())).append(" |\n"));

    b.append("\n## Private prediction\n\n");
    b.append("Latency is the median over the timed repetitions (reps) of one warm prediction call, after the warm-up "
        + "runs; bytes are those sent by each party during one call. Agreement (private classes equal to plaintext "
        + "ones) and accuracy (private classes equal to the labels) count every digit of the timed calls. The last "
        + "column is the published SecureNN latency (" + PAPER + ", 3 parties on a LAN, 36 vCPU), for reference.\n\n");
    b.append("| network | batch | runtime | protocol | private latency (ms) | throughput (pred/s) | plaintext (ms) "
        + "| overhead | rounds | bytes sent, total | bytes sent by party | analytical bytes | agreement "
        + "| private accuracy | digits | warm-up runs | reps | SecureNN paper (ms) |\n");
    b.append("| --- | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: | ---: | ---: | ---: "
        + "| ---: | ---: |\n");
    Map<String, Double> paper = paperLatencies();
    for (Map<String, Object> r : rows) {
      long total = totalBytes(r);
      Double ref = paper.get(str(r, "network") + "/" + integer(r, "batch"));
      b.append(row(str(r, "network"), String.valueOf(integer(r, "batch")), str(r, "runtime"), str(r, "protocol"),
          ms(num(r, "latency_ms")), String.format(Locale.ROOT, "%.1f", num(r, "throughput_per_s")),
          ms(num(r, "plaintext_latency_ms")), ratio(num(r, "overhead")),
          String.valueOf(integer(r, "rounds")), bytes(total), byParty(r), analytical(r.get("analytical_bytes"), total),
          percent(num(r, "agreement")), percent(num(r, "private_accuracy")), optional(r, "digits"),
          optional(r, "warm_up_runs"), String.valueOf(integer(r, "reps")), ref == null ? "—" : ms(ref)));
    }

    b.append("\n## Targets\n\n| target | case | measured | target | verdict |\n| --- | --- | ---: | ---: | --- |\n");
    for (Target t : TARGETS) {
      Map<String, Object> r = find(rows, t.network(), t.batch(), t.runtime());
      String measured = r == null ? "not measured" : t.quantity().format(t.quantity().of(r));
      b.append(row(t.quantity().label + " (" + t.source() + ")", t.caseName(), measured,
          "≤ " + t.quantity().format(t.limit()), verdict(t, r)));
    }

    b.append("\nPond does not apply: every network has ReLU, which Pond cannot compute exactly. Protocols measured: ")
        .append(String.join(", ", distinct(rows, r -> str(r, "protocol")))).append(".\n");
    b.append(ProtocolComparison.section(rows));
    b.append("\n## Chart\n\n![Median latency per case, private and plaintext, log scale](").append(CHART).append(")\n");
    b.append("\n## Notes\n\n");
    notes(rows).forEach(n -> b.append("- ").append(n).append('\n'));
    return b.toString();
  }

  /** {@code met}, {@code not met} or {@code not measured}. */
  static String verdict(Target t, Map<String, Object> r) {
    if (r == null) {
      return "not measured";
    }
    return t.quantity().of(r) <= t.limit() ? "met" : "not met";
  }

  /** Facts computed from the records: coverage, targets, agreement, bytes and rounds, runtimes, analytical bytes. */
  private static List<String> notes(List<Map<String, Object>> rows) {
    List<String> notes = new ArrayList<>();
    List<String> nets = distinct(rows, r -> str(r, "network"));
    List<String> batches = distinct(rows, r -> String.valueOf(integer(r, "batch")));
    List<String> runtimes = distinct(rows, r -> str(r, "runtime"));
    notes.add(rows.size() + " cases measured: networks " + String.join(", ", nets) + "; batches "
        + String.join(", ", batches) + "; runtimes " + String.join(", ", runtimes) + ".");
    List<String> missing = new ArrayList<>();
    for (String n : nets) {
      for (String bt : batches) {
        for (String rt : runtimes) {
          if (find(rows, n, Integer.parseInt(bt), rt) == null) {
            missing.add(n + " batch " + bt + " " + rt);
          }
        }
      }
    }
    if (!missing.isEmpty()) {
      notes.add("Not measured in this run: " + String.join("; ", missing) + ".");
    }
    long met = TARGETS.stream().filter(t -> verdict(t, find(rows, t.network(), t.batch(), t.runtime())).equals("met")).count();
    long absent = TARGETS.stream().filter(t -> find(rows, t.network(), t.batch(), t.runtime()) == null).count();
    notes.add(met + " of " + TARGETS.size() + " targets met" + (absent > 0 ? " (" + absent + " not measured)." : "."));

    List<String> disagree = rows.stream().filter(r -> num(r, "agreement") < 1)
        .map(r -> caseName(r) + " " + percent(num(r, "agreement"))).toList();
    notes.add(disagree.isEmpty() ? "Agreement of the private classes with plaintext is 100% in every case."
        : "Agreement with plaintext below 100%: " + String.join("; ", disagree) + ".");

    // bytes and rounds across runtimes and batches
    List<String> bytesDiffer = new ArrayList<>();
    for (String n : nets) {
      for (String bt : batches) {
        List<Map<String, Object>> same = rows.stream().filter(r -> str(r, "network").equals(n) && String.valueOf(integer(r, "batch")).equals(bt)).toList();
        Set<String> seen = same.stream().map(r -> str(r, "protocol") + longs(r.get("bytes_sent"))).collect(Collectors.toSet());
        if (seen.size() > distinct(same, r -> str(r, "protocol")).size()) {
          bytesDiffer.add(n + " batch " + bt);
        }
      }
    }
    if (runtimes.size() > 1) {
      notes.add(bytesDiffer.isEmpty() ? "Each party sends the same bytes on every runtime for a given network and batch."
          : "Bytes sent differ between runtimes for: " + String.join("; ", bytesDiffer) + ".");
    }
    List<String> rounds = new ArrayList<>();
    boolean roundsPerNetwork = true;
    for (String n : nets) {
      Set<Integer> rs = rows.stream().filter(r -> str(r, "network").equals(n)).map(r -> integer(r, "rounds"))
          .collect(Collectors.toCollection(TreeSet::new));
      roundsPerNetwork &= rs.size() == 1;
      rounds.add(n + " " + rs.stream().map(String::valueOf).collect(Collectors.joining("/")));
    }
    notes.add((roundsPerNetwork ? "Rounds per call are the same for every batch and runtime of a network: "
        : "Rounds per call by network: ") + String.join(", ", rounds) + ".");

    if (runtimes.contains("in-process") && runtimes.contains("processes")) {
      List<String> ratios = new ArrayList<>();
      for (String n : nets) {
        for (String bt : batches) {
          Map<String, Object> in = find(rows, n, Integer.parseInt(bt), "in-process");
          Map<String, Object> pr = find(rows, n, Integer.parseInt(bt), "processes");
          if (in != null && pr != null) {
            ratios.add(n + " batch " + bt + " " + String.format(Locale.ROOT, "%.2fx", num(pr, "latency_ms") / num(in, "latency_ms")));
          }
        }
      }
      if (!ratios.isEmpty()) {
        notes.add("Latency on local party processes relative to in-process: " + String.join(", ", ratios) + ".");
      }
    }

    long withAnalytical = rows.stream().filter(r -> r.get("analytical_bytes") != null).count();
    long matching = rows.stream().filter(r -> r.get("analytical_bytes") != null
        && ((Number) r.get("analytical_bytes")).longValue() == totalBytes(r)).count();
    notes.add(withAnalytical == 0 ? "Analytical byte counts are not recorded for any case (n/a)."
        : matching + " of " + withAnalytical + " analytical byte counts match the measured total"
            + (withAnalytical < rows.size() ? "; " + (rows.size() - withAnalytical) + " cases have none (n/a)." : "."));
    return notes;
  }

  // ----- reading records -----

  static List<Map<String, Object>> sorted(List<Map<String, Object>> records) {
    List<Map<String, Object>> rows = new ArrayList<>(records == null ? List.of() : records);
    rows.sort(Comparator.<Map<String, Object>, String>comparing(r -> str(r, "network"))
        .thenComparingInt(r -> integer(r, "batch"))
        .thenComparing(r -> str(r, "runtime").equals("in-process") ? "" : str(r, "runtime")));
    return rows;
  }

  private static Map<String, Object> find(List<Map<String, Object>> rows, String network, int batch, String runtime) {
    return rows.stream().filter(r -> str(r, "network").equals(network) && integer(r, "batch") == batch
        && str(r, "runtime").equals(runtime)).findFirst().orElse(null);
  }

  static List<String> distinct(List<Map<String, Object>> rows, Function<Map<String, Object>, String> f) {
    return new ArrayList<>(rows.stream().map(f).collect(Collectors.toCollection(LinkedHashSet::new)));
  }

  static String caseLabel(Map<String, Object> r) {
    return str(r, "network") + ", batch " + integer(r, "batch");
  }

  private static String caseName(Map<String, Object> r) {
    return caseLabel(r) + ", " + str(r, "runtime");
  }

  private static Map<String, Double> paperLatencies() {
    Map<String, Double> m = new LinkedHashMap<>();
    TARGETS.stream().filter(t -> t.quantity() == Quantity.LATENCY && t.source().equals(PAPER))
        .forEach(t -> m.put(t.network() + "/" + t.batch(), t.limit()));
    return m;
  }

  static String str(Map<String, Object> r, String key) {
    return Objects.toString(r.get(key), "?");
  }

  static double num(Map<String, Object> r, String key) {
    return r.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  /** An integer field, or "n/a" in records of older runs that lack it. */
  private static String optional(Map<String, Object> r, String key) {
    return r.get(key) instanceof Number n ? String.valueOf(n.intValue()) : "n/a";
  }

  private static int integer(Map<String, Object> r, String key) {
    return r.get(key) instanceof Number n ? n.intValue() : 0;
  }

  private static Map<String, Long> longs(Object m) {
    Map<String, Long> out = new TreeMap<>();
    if (m instanceof Map<?, ?> map) {
      map.forEach((k, v) -> out.put(String.valueOf(k), v instanceof Number n ? n.longValue() : 0L));
    }
    return out;
  }

  private static long totalBytes(Map<String, Object> r) {
    return longs(r.get("bytes_sent")).values().stream().mapToLong(Long::longValue).sum();
  }

  // ----- formatting -----

  private static String machine(Map<String, ?> m) {
    List<String> parts = new ArrayList<>();
    parts.add(value(m, "cores") + " cores");
    Object mem = first(m, "memory_bytes", "total_memory_bytes", "memory");
    parts.add("memory " + (mem instanceof Number n ? bytes(n.longValue()) : mem == null ? "not recorded" : mem.toString()));
    parts.add("OS " + value(m, "os"));
    parts.add("JDK " + value(m, "java"));
    Object cpu = first(m, "cpu", "cpu_model");
    parts.add("CPU " + (cpu == null ? "not recorded" : cpu));
    return cell(String.join(", ", parts));
  }

  private static Object first(Map<String, ?> m, String... keys) {
    for (String k : keys) {
      if (m.get(k) != null) {
        return m.get(k);
      }
    }
    return null;
  }

  private static String value(Map<String, ?> m, String key) {
    return m.get(key) == null ? "not recorded" : m.get(key).toString();
  }

  private static String byParty(Map<String, Object> r) {
    return longs(r.get("bytes_sent")).entrySet().stream().map(e -> e.getKey() + " " + bytes(e.getValue()))
        .collect(Collectors.joining(", "));
  }

  private static String analytical(Object a, long measured) {
    if (!(a instanceof Number n)) {
      return "n/a";
    }
    long v = n.longValue();
    if (v == measured) {
      return bytes(v) + ", matches";
    }
    return bytes(v) + String.format(Locale.ROOT, ", differs from measured by %+.2f%%", 100.0 * (measured - v) / v);
  }

  private static String row(String... cells) {
    StringBuilder b = new StringBuilder("|");
    for (String c : cells) {
      b.append(' ').append(cell(c)).append(" |");
    }
    return b.append('\n').toString();
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace('\n', ' ');
  }

  /** Milliseconds: whole from 100, one decimal from 10, two from 1, three below. */
  static String ms(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    String f = v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : v >= 1 ? "%.2f" : "%.3f";
    return String.format(Locale.ROOT, f, v);
  }

  /** Decimal units, as {@code Profile.bytes}, with GB. */
  static String bytes(long b) {
    if (b < 1000) {
      return b + " B";
    }
    if (b < 1_000_000) {
      return String.format(Locale.ROOT, "%.1f KB", b / 1e3);
    }
    if (b < 1_000_000_000) {
      return String.format(Locale.ROOT, "%.2f MB", b / 1e6);
    }
    return String.format(Locale.ROOT, "%.2f GB", b / 1e9);
  }

  private static String ratio(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.0fx", v);
  }

  private static String percent(double f) {
    return Double.isNaN(f) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * f);
  }
}
