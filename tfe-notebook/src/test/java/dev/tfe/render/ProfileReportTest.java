package dev.tfe.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.json.Json;
import dev.tfe.profile.OpStats;
import dev.tfe.profile.Profile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tech.tablesaw.api.Table;

/** The profile of a private MLP prediction as a table, HTML, a PNG chart and a Chrome trace. */
@Timeout(120)
class ProfileReportTest {
  static Profile profile;

  @BeforeAll
  static void run() {
    GraphSvgTest.predict();
    profile = GraphSvgTest.prediction.profile();
  }

  @Test
  void tableHasOneRowPerKindAndParty() {
    Table t = ProfileReport.table(profile);
    assertEquals(profile.byKind().size(), t.rowCount());
    assertEquals(List.of("op", "party", "ms", "wait_ms", "bytes_sent", "bytes_received", "rounds", "nodes"), t.columnNames());
    assertEquals(profile.totalBytesSent(), (long) t.longColumn("bytes_sent").sum());
  }

  @Test
  void htmlListsEveryPartyAndEmbedsThePng() {
    String html = ProfileReport.htmlWithChart(profile);
    for (String p : profile.parties()) {
      assertTrue(html.contains("<th>" + p + "<br/>"), p);
      assertTrue(ProfileReport.longHtml(profile).contains("<td>" + p + "</td>"), p);
    }
    assertTrue(html.contains("data:image/png;base64,"));
  }

  @Test
  void pngIsAPng() {
    byte[] png = ProfileReport.png(profile, ProfileReport.Metric.BYTES_SENT, 400, 300);
    assertTrue(png.length > 100);
    assertEquals((byte) 0x89, png[0]);
    assertEquals('P', png[1]);
  }

  @Test
  @SuppressWarnings("unchecked")
  void chromeTraceHasOneCompleteEventPerOpAndParty() {
    Map<String, Object> trace = (Map<String, Object>) Json.parse(ChromeTrace.json(profile));
    List<Object> events = (List<Object>) trace.get("traceEvents");
    // process 1: a complete event per op and party; process 2: one per span of the timeline
    long complete = events.stream().filter(e -> "X".equals(((Map<String, Object>) e).get("ph"))
        && Long.valueOf(1).equals(((Map<String, Object>) e).get("pid"))).count();
    assertEquals(profile.ops().size(), complete);
    long spans = events.stream().filter(e -> "X".equals(((Map<String, Object>) e).get("ph"))
        && Long.valueOf(2).equals(((Map<String, Object>) e).get("pid"))).count();
    assertEquals(profile.timeline().size(), spans);
    OpStats first = profile.ops().get(0);
    Map<String, Object> e = (Map<String, Object>) events.stream()
        .filter(x -> first.label().equals(((Map<String, Object>) x).get("name"))).findFirst().orElseThrow();
    Map<String, Object> args = (Map<String, Object>) e.get("args");
    assertEquals(first.bytesSent(), ((Number) args.get("bytesSent")).longValue());
  }
}
