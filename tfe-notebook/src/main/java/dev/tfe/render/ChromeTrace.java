package dev.tfe.render;

import dev.tfe.json.Json;
import dev.tfe.profile.OpStats;
import dev.tfe.profile.Profile;
import dev.tfe.profile.Span;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link Profile} as Chrome trace-event JSON, to open in Perfetto ({@code ui.perfetto.dev}) or
 * {@code chrome://tracing}: one thread per party, one complete event ({@code "ph":"X"}) per op
 * identity and party (named by its display text, in the category of its innermost op kind) with its duration, and bytes, rounds and node count as arguments. The profile
 * keeps op durations, not start times, so each party's op events are laid end to end in the order
 * the ops appear (process 1). Where the runtime recorded the parties' timeline (in-process runs),
 * process 2 shows it at true times, a track per party, with a flow arrow per message.
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
    timeline(profile, tid, sb);
    sb.append("\n],\"otherData\":{\"runtime\":").append(string(profile.runtime()))
        .append(",\"rounds\":").append(profile.rounds())
        .append(String.format(Locale.ROOT, ",\"wallMillis\":%.3f}}", profile.wallMillis())).append('\n');
    return sb.toString();
  }

  /**
   * The recorded timeline, in process 2, one thread per party: a slice per wait, compute and send
   * at its true time, and a flow arrow (events {@code "s"} and {@code "f"}) from each send to the
   * wait that received it, matched by run, step and the two parties ({@link Span#matches}).
   */
  private static void timeline(Profile profile, Map<String, Integer> tid, StringBuilder sb) {
    List<Span> spans = profile.timeline();
    if (spans.isEmpty()) {
      return;
    }
    sb.append(",\n{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":1,\"args\":{\"name\":\"ops (laid end to end)\"}}");
    sb.append(",\n{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":2,\"args\":{\"name\":\"timeline (compute, send, wait)\"}}");
    for (Map.Entry<String, Integer> e : tid.entrySet()) {
      sb.append(",\n{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":2,\"tid\":").append(e.getValue())
          .append(",\"args\":{\"name\":").append(string(e.getKey())).append("}}");
    }
    long t0 = spans.get(0).startNanos();
    Map<List<Object>, Span> received = new HashMap<>();
    for (Span s : spans) {
      int t = tid.computeIfAbsent(s.party(), k -> tid.size() + 1);
      String name = switch (s.phase()) {
        case COMPUTE -> "compute step " + s.step();
        case SEND -> "send to " + s.peer();
        case WAIT -> "wait for " + s.peer();
      };
      sb.append(",\n{\"name\":").append(string(name)).append(",\"cat\":\"").append(s.phase().name().toLowerCase(Locale.ROOT))
          .append("\",\"ph\":\"X\",\"pid\":2,\"tid\":").append(t)
          .append(String.format(Locale.ROOT, ",\"ts\":%.3f,\"dur\":%.3f", (s.startNanos() - t0) / 1e3, s.nanos() / 1e3))
          .append(",\"args\":{\"run\":").append(s.run()).append(",\"step\":").append(s.step())
          .append(",\"bytes\":").append(s.bytes()).append("}}");
      if (s.phase() == Span.Phase.WAIT) {
        received.put(List.of(s.run(), s.step(), s.peer(), s.party()), s);
      }
    }
    int flow = 0;
    for (Span send : spans) {
      Span wait = send.phase() == Span.Phase.SEND ? received.get(List.of(send.run(), send.step(), send.party(), send.peer())) : null;
      if (wait == null || !send.matches(wait)) {
        continue;
      }
      flow++;
      sb.append(String.format(Locale.ROOT, ",\n{\"name\":\"message\",\"cat\":\"message\",\"ph\":\"s\",\"id\":%d,\"pid\":2,"
          + "\"tid\":%d,\"ts\":%.3f}", flow, tid.get(send.party()), (send.startNanos() - t0) / 1e3));
      // the arrow ends inside the wait slice, at the moment the message arrived
      double end = Math.max(wait.startNanos() - t0, wait.endNanos() - t0 - 1) / 1e3;
      sb.append(String.format(Locale.ROOT, ",\n{\"name\":\"message\",\"cat\":\"message\",\"ph\":\"f\",\"bp\":\"e\",\"id\":%d,"
          + "\"pid\":2,\"tid\":%d,\"ts\":%.3f}", flow, tid.get(wait.party()), end));
    }
  }

  /** Writes the trace to a file. */
  public static Path write(Profile profile, Path file) throws IOException {
    return Files.writeString(file, json(profile), StandardCharsets.UTF_8);
  }

  private static String string(String s) {
    return Json.quote(s);
  }
}
