package dev.tfe.launcher.netns;

import dev.tfe.json.Json;
import dev.tfe.launcher.cli.Cli;
import dev.tfe.launcher.cli.HelpOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * The LAN and WAN tables of {@code BENCHMARKS.md}: each case measured on emulated hosts ({@code
 * BENCHMARKS-lan.json}, {@code BENCHMARKS-wan.json}) beside its estimate
 *
 * <pre>
 * estimate = base + (rounds + 1) x one-way delay + bytes of the busiest party / rate
 * </pre>
 *
 * where base is the same case's latency on loopback processes ({@code BENCHMARKS.json}, no CURVE,
 * no delay) and each round is one message in one direction (plus one for the request). The
 * section sits between two markers and is replaced on each update, so the loopback report's
 * regeneration and the network runs do not erase each other.
 */
public final class NetworkTables {
  static final String BEGIN = "<!-- networks: begin (written by ./tfe bench --net) -->";
  static final String END = "<!-- networks: end -->";

  private NetworkTables() {}

  /** Rewrites the section of {@code BENCHMARKS.md} in the directory given (default: the working one). */
  @Command(name = "NetworkTables", description = "Rewrites the LAN and WAN tables of DIR/BENCHMARKS.md from the JSON files in DIR.")
  static final class Args implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Parameters(arity = "0..1", paramLabel = "DIR", defaultValue = ".", description = "(default: the working directory)")
    Path dir;

    @Override
    public Integer call() {
      System.out.println("updated " + update(dir));
      return 0;
    }
  }

  public static void main(String[] args) {
    Cli.main("NetworkTables", new Args(), args);
  }

  /** Rewrites the network section of {@code dir/BENCHMARKS.md} from the JSON files in {@code dir}. */
  public static Path update(Path dir) {
    Path md = dir.resolve("BENCHMARKS.md");
    try {
      String text = Files.exists(md) ? Files.readString(md) : "";
      String section = section(dir);
      int b = text.indexOf(BEGIN);
      int e = text.indexOf(END);
      String updated = b >= 0 && e > b ? text.substring(0, b) + section + text.substring(e + END.length())
          : text + (text.endsWith("\n") || text.isEmpty() ? "" : "\n") + "\n" + section + "\n";
      Files.writeString(md, updated);
      return md;
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot update " + md + ": " + ex.getMessage(), ex);
    }
  }

  /** The section, markers included. */
  static String section(Path dir) throws IOException {
    Path baseFile = Files.exists(dir.resolve("BENCHMARKS.json")) ? dir.resolve("BENCHMARKS.json") : Path.of("BENCHMARKS.json");
    List<Map<String, Object>> base = records(baseFile);
    StringBuilder s = new StringBuilder(BEGIN).append("\n## LAN and WAN\n\n");
    s.append("Party processes on emulated hosts (`./tfe bench --net lan|wan`): each party in its own Linux network "
        + "namespace, the coordinator in another, encryption and per-party keys on as between real hosts (the AEAD transport, X25519 "
        + "handshake and AES-GCM, since it replaced CURVE; runs before that used CURVE, as their notes say); rate "
        + "by `tbf` on every link, one-way delay by a relay in the hub namespace (these kernels have no `netem`; "
        + "NetSettingTest checks both). The estimate is base + (rounds + 1) × one-way delay + bytes of the busiest "
        + "party / rate, with base the same case on loopback processes (the table above: no delay, no encryption). Other "
        + "programs sharing the machine slow every case: each run's load average is given, to compare with the "
        + "machine's cores.\n");
    String largest = null;
    double largestRatio = 0;
    for (NetSetting net : List.of(NetSetting.LAN, NetSetting.WAN)) {
      List<Path> files = runs(dir, net);
      if (files.isEmpty()) {
        s.append("\n### ").append(net).append("\n\nNot measured yet: run `./tfe bench --net ").append(net.name())
            .append("` as root.\n");
        continue;
      }
      s.append("\n### ").append(net).append("\n\n");
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Path f : files) {
        Map<String, Object> doc = object(Json.parse(Files.readString(f)));
        s.append("- `").append(f.getFileName()).append("`: `").append(doc.getOrDefault("command", "?"))
            .append("`, total ").append(String.format(Locale.ROOT, "%.0f s", num(doc, "total_seconds")))
            .append(doc.containsKey("load_average_at_end") ? "; load average of the machine (1, 5, 15 min) at the end: "
                + doc.get("load_average_at_end") : "").append('\n');
        for (Map<String, Object> r : records(doc)) {
          Map<String, Object> row = new java.util.LinkedHashMap<>(r);
          // runs saved before the AEAD transport replaced CURVE do not say: they used CURVE
          row.put("encryption", String.valueOf(doc.getOrDefault("encryption", "CURVE")));
          rows.add(row);
        }
      }
      s.append('\n');
      s.append("| network | batch | protocol | encryption | measured (ms) | estimate (ms) | base (ms) | (rounds + 1) × delay (ms) "
          + "| busiest party's bytes / rate (ms) | rounds | bytes of the busiest party | measured / estimate | reps |\n");
      s.append("| --- | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
      rows.sort(Comparator.comparing((Map<String, Object> r) -> String.valueOf(r.get("network")))
          .thenComparingDouble(r -> num(r, "batch")).thenComparing(r -> String.valueOf(r.get("protocol")))
          .thenComparing(r -> String.valueOf(r.get("encryption"))));
      for (Map<String, Object> r : rows) {
        Estimate est = estimate(net, r, base);
        double measured = num(r, "latency_ms");
        double ratio = measured / est.total();
        if (ratio > largestRatio) {
          largestRatio = ratio;
          largest = distance(net, r, est, measured);
        }
        s.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %.1f | %.1f | %s | %.1f | %.1f | %d | %s | %.2f | %d |\n",
            r.get("network"), (int) num(r, "batch"), r.get("protocol"), r.get("encryption"), measured, est.total(),
            est.base < 0 ? "—" : String.format(Locale.ROOT, "%.1f", est.base), est.delayMs, est.transferMs,
            (int) num(r, "rounds"), mb(est.busiestBytes), ratio, (int) num(r, "reps")));
      }
      List<String> missing = new ArrayList<>();
      for (Map<String, Object> b : base) {
        boolean measured = rows.stream().anyMatch(r -> r.get("network").equals(b.get("network"))
            && num(r, "batch") == num(b, "batch") && r.get("protocol").equals(b.get("protocol")));
        String label = b.get("network") + " batch " + (int) num(b, "batch") + " (" + b.get("protocol") + ")";
        if ("processes".equals(b.get("runtime")) && !measured && !missing.contains(label)) {
          missing.add(label);
        }
      }
      if (!missing.isEmpty()) {
        s.append("\nNot measured on this network yet: ").append(String.join(", ", missing)).append(".\n");
      }
    }
    if (largest != null) {
      s.append("\nLargest distance from the estimate: ").append(largest).append('\n');
    }
    return s.append(END).toString();
  }

  /** The note on the case furthest above its estimate, and the likeliest reason. */
  static String distance(NetSetting net, Map<String, Object> r, Estimate est, double measured) {
    double excess = measured - est.total();
    double perRound = excess / (num(r, "rounds") + 1);
    String head = String.format(Locale.ROOT, "%s batch %d (%s, %s) on the %s, %.1f ms measured, %.2fx its estimate (%.0f ms above it). ",
        r.get("network"), (int) num(r, "batch"), r.get("protocol"), r.getOrDefault("encryption", "CURVE"), net.name(), measured, measured / est.total(), excess);
    if (est.transferMs >= est.delayMs && est.busiestBytes > 0) {
      double mbPerS = est.busiestBytes / 1e6 / ((est.transferMs + excess) / 1000);
      return head + String.format(Locale.ROOT, "Bytes dominate it: the busiest party moved %s at %.0f MB/s where the link "
          + "allows %.0f MB/s; the estimate counts no encryption; with CURVE (JeroMQ's pure-Java CurveZMQ, 4-15 MB/s per "
          + "connection here, `./tfe bench transport`) encryption was slower than the link, while the AEAD transport "
          + "that replaced it moves over 100 MB/s per connection.", mb(est.busiestBytes),
          mbPerS, net.rateBitsPerSecond() / 8e6);
    }
    return head + String.format(Locale.ROOT, "Rounds dominate it: %.2f ms per round above the estimate, the cost of "
        + "each round's messages crossing the encryption, the relay and the TCP stacks of the hosts, which the estimate does not "
        + "count, on a 2-core machine shared by 4 JVMs and the relay.", perRound);
  }

  /** {@code BENCHMARKS-<net>.json} and the partial runs {@code BENCHMARKS-<net>-*.json} in {@code dir}, by name. */
  static List<Path> runs(Path dir, NetSetting net) throws IOException {
    String whole = "BENCHMARKS-" + net.name() + ".json";
    String part = "BENCHMARKS-" + net.name() + "-";
    try (var s = Files.list(dir)) {
      return s.filter(f -> {
        String n = f.getFileName().toString();
        return n.equals(whole) || n.startsWith(part) && n.endsWith(".json");
      }).sorted().toList();
    }
  }

  /** The first three fields of {@code /proc/loadavg} (1, 5 and 15 minutes), or "unknown". */
  public static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + ", " + f[1] + ", " + f[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

    /** The parts of a case's estimate, in ms; base -1 when the loopback case was not measured. */
  record Estimate(double base, double delayMs, double transferMs, long busiestBytes) {
    double total() {
      return Math.max(0, base) + delayMs + transferMs;
    }
  }

  static Estimate estimate(NetSetting net, Map<String, Object> r, List<Map<String, Object>> base) {
    long busiest = 0;
    Object sent = r.get("bytes_sent");
    if (sent instanceof Map<?, ?> m) {
      for (Object v : m.values()) {
        busiest = Math.max(busiest, ((Number) v).longValue());
      }
    }
    double b = -1;
    for (Map<String, Object> x : base) {
      if ("processes".equals(x.get("runtime")) && r.get("network").equals(x.get("network"))
          && num(r, "batch") == num(x, "batch") && r.get("protocol").equals(x.get("protocol"))) {
        b = num(x, "latency_ms");
      }
    }
    double delay = (num(r, "rounds") + 1) * net.oneWayDelayNanos() / 1e6;
    return new Estimate(b, delay, net.transferSeconds(busiest) * 1000, busiest);
  }

  private static List<Map<String, Object>> records(Path f) throws IOException {
    if (!Files.exists(f)) {
      return List.of();
    }
    Object json = Json.parse(Files.readString(f));
    return json instanceof List<?> ? records(Map.of("records", json)) : records(object(json));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> records(Map<String, Object> doc) {
    Object r = doc.get("records");
    return r instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object json) {
    if (!(json instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("expected a JSON object of benchmark results");
    }
    return (Map<String, Object>) json;
  }

  private static double num(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v instanceof Number n ? n.doubleValue() : 0;
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.2f MB", bytes / 1e6);
  }
}
