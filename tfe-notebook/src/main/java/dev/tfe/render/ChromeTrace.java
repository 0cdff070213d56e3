package dev.tfe.render;

import dev.tfe.json.Json;
import dev.tfe.profile.OpStats;
import dev.tfe.profile.Profile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link Profile} as Chrome trace-event JSON, to open in Perfetto ({@code ui.perfetto.dev}) or
 * {@code chrome://tracing}: one thread per party, one complete event ({@code "ph":"X"}) per op
 * identity and party (named by its display text, in the category of its innermost op kind) with its duration, and bytes, rounds and node count as arguments. The profile
 * keeps durations, not start times, so each party's events are laid end to end in the order
 * the ops appear; the picture shows where time goes, not true overlap between parties.
 */
public final class ChromeTrace {
  private ChromeTrace() {}

  /** The trace as a JSON object with {@code traceEvents}. */
  public static String json(Profile profile) {
    Map<String, Integer> tid = new LinkedHashMap<>();
    for (String p : profile.parties()) {
      tid.putIfAbsent(p, tid.size() + 1);
    }
    StringBuilder sb = new StringBuilder("{\"displayTimeUnit\":\"ms\",\"traceEvents\":[\n");
    boolean first = true;
    for (Map.Entry<String, Integer> e : tid.entrySet()) {
      sb.append(first ? "" : ",\n").append("{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":").append(e.getValue())
          .append(",\"args\":{\"name\":").append(string(e.getKey())).append("}}");
      first = false;
    }
    Map<String, Double> clock = new LinkedHashMap<>();
    List<OpStats> ops = profile.ops();
    for (OpStats o : ops) {
      int t = tid.computeIfAbsent(o.party(), k -> tid.size() + 1);
      double start = clock.getOrDefault(o.party(), 0.0);
      // a slice spans the op's compute and waiting, so a party's track spans its run
      double dur = (o.nanos() + o.waitNanos()) / 1e3;
      clock.put(o.party(), start + dur);
      sb.append(first ? "" : ",\n");
      first = false;
      sb.append("{\"name\":").append(string(o.label())).append(",\"cat\":").append(string(o.kind().toString()))
          .append(",\"ph\":\"X\",\"pid\":1,\"tid\":").append(t)
          .append(String.format(Locale.ROOT, ",\"ts\":%.3f,\"dur\":%.3f", start, dur))
          .append(",\"args\":{\"party\":").append(string(o.party()))
          .append(",\"protocol\":").append(string(o.identity().protocol())).append(",\"op\":").append(string(o.identity().op()))
          .append(",\"layer\":").append(string(o.identity().layer()))
          .append(",\"bytesSent\":").append(o.bytesSent()).append(",\"bytesReceived\":").append(o.bytesReceived())
          .append(",\"rounds\":").append(o.rounds()).append(",\"nodes\":").append(o.nodes())
          .append(String.format(Locale.ROOT, ",\"computeMs\":%.3f,\"waitMs\":%.3f", o.millis(), o.waitMillis())).append("}}");
    }
    sb.append("\n],\"otherData\":{\"runtime\":").append(string(profile.runtime()))
        .append(",\"rounds\":").append(profile.rounds())
        .append(String.format(Locale.ROOT, ",\"wallMillis\":%.3f}}", profile.wallMillis())).append('\n');
    return sb.toString();
  }

  /** Writes the trace to a file. */
  public static Path write(Profile profile, Path file) throws IOException {
    return Files.writeString(file, json(profile), StandardCharsets.UTF_8);
  }

  private static String string(String s) {
    return Json.quote(s);
  }
}
