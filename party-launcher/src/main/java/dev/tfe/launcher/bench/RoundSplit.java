package dev.tfe.launcher.bench;

import dev.tfe.launcher.net.RoundTrace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Splits every round of traced runs ({@link RoundTrace} files of the party processes of one host)
 * into where its time went. A round ends when a party has computed a step that received
 * batches; it starts when the sender of the batch that arrived last had computed the step that
 * sent it. In between, in order: the sender's bookkeeping (scheduling), encoding the batch,
 * the send (waiting for the socket lock, writing to JeroMQ), the wire (JeroMQ's I/O thread of
 * both processes, loopback TCP, and this project's I/O thread waking up and taking the batch
 * off the socket), the receiver busy elsewhere (the batch arrived before it asked for it),
 * the wake-up (inbox to the waiting executor thread), decoding every batch of the step,
 * computing the step, and what is left (scheduling: the executor's own loop, other receives).
 * Because all times come from one machine-wide monotonic clock, the parts add up to the round.
 */
final class RoundSplit {
  /** The parts of a round, in the order above. */
  static final List<String> PARTS = List.of("encode", "send", "wire", "receiver_busy", "wake_up", "decode", "compute",
      "scheduling");

  private record Event(String kind, long run, int step, String from, String to, long a, long b, long c) {}

  private record Key(long run, int step, String from, String to) {}

  private final Map<String, List<Double>> parts = new LinkedHashMap<>();
  private final List<Double> rounds = new ArrayList<>();
  private final List<Double> spans = new ArrayList<>();
  private int drainedByIo;
  private int drainedBySender;

  private RoundSplit() {
    PARTS.forEach(p -> parts.put(p, new ArrayList<>()));
  }

  /** The split of the runs after {@code afterRun} in the trace files of {@code dir}. */
  static RoundSplit read(Path dir, long afterRun) {
    List<Event> events = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".trace")).toList()) {
        for (String line : Files.readAllLines(f)) {
          String[] c = line.split("\t");
          if (c.length == 8 && Long.parseLong(c[1]) > afterRun) {
            events.add(new Event(c[0], Long.parseLong(c[1]), Integer.parseInt(c[2]), c[3], c[4], Long.parseLong(c[5]),
                Long.parseLong(c[6]), Long.parseLong(c[7])));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the traces in " + dir + ": " + e.getMessage(), e);
    }
    RoundSplit s = new RoundSplit();
    s.split(events);
    return s;
  }

  /** The latest run in the trace files of {@code dir}, or 0. */
  static long lastRun(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      long last = 0;
      for (Path f : files.filter(p -> p.toString().endsWith(".trace")).toList()) {
        for (String line : Files.readAllLines(f)) {
          String[] c = line.split("\t");
          last = Math.max(last, c.length == 8 ? Long.parseLong(c[1]) : 0);
        }
      }
      return last;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the traces in " + dir + ": " + e.getMessage(), e);
    }
  }

  private void split(List<Event> events) {
    Map<String, Map<Key, Event>> byKind = new HashMap<>();
    for (Event e : events) {
      byKind.computeIfAbsent(e.kind(), k -> new HashMap<>()).put(new Key(e.run(), e.step(), e.from(), e.to()), e);
    }
    Map<Key, Event> encode = byKind.getOrDefault("encode", Map.of());
    Map<Key, Event> write = byKind.getOrDefault("write", Map.of());
    Map<Key, Event> arrive = byKind.getOrDefault("arrive", Map.of());
    Map<Key, Event> compute = byKind.getOrDefault("compute", Map.of());
    Map<Key, List<Event>> receivesOfStep = new HashMap<>(); // by (run, receiving step, receiver)
    for (Event r : byKind.getOrDefault("recv", Map.of()).values()) {
      receivesOfStep.computeIfAbsent(new Key(r.run(), r.step() + 1, r.to(), r.to()), k -> new ArrayList<>()).add(r);
    }
    for (Event a : arrive.values()) {
      if (a.b() == 1) {
        drainedByIo++;
      } else {
        drainedBySender++;
      }
    }
    for (Map.Entry<Key, List<Event>> step : receivesOfStep.entrySet()) {
      Event last = null;
      for (Event r : step.getValue()) {
        Event a = arrive.get(new Key(r.run(), r.step(), r.from(), r.to()));
        if (a != null && (last == null || a.a() > arrive.get(key(last)).a())) {
          last = r;
        }
      }
      Key k = step.getKey();
      Event done = compute.get(new Key(k.run(), k.step(), k.from(), k.from()));
      if (last == null || done == null) {
        continue;
      }
      Key m = key(last);
      Event enc = encode.get(m);
      Event wr = write.get(m);
      Event arr = arrive.get(m);
      Event sentFrom = compute.get(new Key(m.run(), m.step(), m.from(), m.from()));
      if (enc == null || wr == null || sentFrom == null) {
        continue;
      }
      double decode = 0;
      for (Event r : step.getValue()) {
        decode += r.c() - r.b();
      }
      double round = done.b() - sentFrom.b();
      Map<String, Double> p = new LinkedHashMap<>();
      p.put("encode", (double) enc.b() - enc.a());
      p.put("send", (double) wr.c() - wr.a());
      p.put("wire", (double) arr.a() - wr.c());
      p.put("receiver_busy", (double) Math.max(0, last.a() - arr.a()));
      p.put("wake_up", (double) last.b() - Math.max(arr.a(), last.a()));
      p.put("decode", decode);
      p.put("compute", (double) done.b() - done.a());
      p.put("scheduling", round - p.values().stream().mapToDouble(Double::doubleValue).sum());
      p.forEach((name, ns) -> parts.get(name).add(ns / 1e3));
      rounds.add(round / 1e3);
    }
    Map<Long, long[]> runSpan = new HashMap<>();
    for (Event o : byKind.getOrDefault("order", Map.of()).values()) {
      runSpan.merge(o.run(), new long[] {o.a(), Long.MIN_VALUE}, (x, y) -> new long[] {Math.min(x[0], y[0]), x[1]});
    }
    for (Event r : byKind.getOrDefault("result", Map.of()).values()) {
      runSpan.merge(r.run(), new long[] {Long.MAX_VALUE, r.b()}, (x, y) -> new long[] {x[0], Math.max(x[1], y[1])});
    }
    runSpan.values().stream().filter(v -> v[0] != Long.MAX_VALUE && v[1] != Long.MIN_VALUE)
        .forEach(v -> spans.add((v[1] - v[0]) / 1e3));
  }

  private static Key key(Event r) {
    return new Key(r.run(), r.step(), r.from(), r.to());
  }

  int rounds() {
    return rounds.size();
  }

  /** Median and mean of each part and of the whole round (us), and where batches were drained. */
  Map<String, Object> toJson() {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("rounds_traced", rounds.size());
    r.put("round_us_median", median(rounds));
    r.put("round_us_mean", mean(rounds));
    Map<String, Object> med = new LinkedHashMap<>();
    Map<String, Object> avg = new LinkedHashMap<>();
    parts.forEach((k, v) -> {
      med.put(k, median(v));
      avg.put(k, mean(v));
    });
    r.put("parts_us_median", med);
    r.put("parts_us_mean", avg);
    r.put("party_span_us_median", median(spans));
    r.put("batches_taken_off_the_socket_by_io_thread", drainedByIo);
    r.put("batches_taken_off_the_socket_by_a_sender", drainedBySender);
    return r;
  }

  /** Prints the split as one table row per part. */
  void print(String title) {
    System.out.printf("%s: %d rounds traced; round median %.1f us, mean %.1f us%n", title, rounds.size(), median(rounds),
        mean(rounds));
    System.out.printf("  %-14s %10s %10s%n", "part", "median us", "mean us");
    parts.forEach((k, v) -> System.out.printf("  %-14s %10.1f %10.1f%n", k, median(v), mean(v)));
    System.out.printf("  batches taken off the socket by the I/O thread: %d, by a sending thread: %d%n", drainedByIo,
        drainedBySender);
  }

  private static double median(List<Double> v) {
    return v.isEmpty() ? 0 : BenchJson.median(v.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private static double mean(List<Double> v) {
    return v.stream().mapToDouble(Double::doubleValue).average().orElse(0);
  }
}
