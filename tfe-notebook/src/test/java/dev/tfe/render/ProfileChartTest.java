package dev.tfe.render;

import static dev.tfe.model.Layers.dense;
import static dev.tfe.model.Layers.relu;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.program.Party;
import dev.tfe.api.Tfe;
import dev.tfe.data.Mnist;
import dev.tfe.json.Json;
import dev.tfe.model.Sequential;
import dev.tfe.model.secure.Prediction;
import dev.tfe.model.secure.PrivateModel;
import dev.tfe.profile.Profile;
import dev.tfe.profile.Span;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import java.util.List;
import java.util.Locale;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The profile of the MNIST tutorial's private prediction (784-128-128-10, SecureNN, on the
 * bundled digits): its chart names the real costs, the servers' comparisons and products, not
 * the client's wait for its output; its timeline has a lane per party (compute, send, wait) and
 * its Chrome trace a track per party with an arrow per message.
 */
@Timeout(300)
class ProfileChartTest {
  static Tfe tfe;
  static Profile profile;

  @BeforeAll
  static void predict() {
    Sequential m = Sequential.of(dense(784, 128), relu(), dense(128, 128), relu(), dense(128, 10));
    m.initialize(1);
    tfe = Tfe.local();
    Party client = tfe.party("prediction-client");
    PrivateModel secure = tfe.privateModel(m, tfe.party("model-owner"));
    Prediction p = secure.predict(client, Mnist.load().test().features(0, 64));
    profile = p.profile();
  }

  @AfterAll
  static void close() {
    tfe.close();
  }

  /** The chart's bars, the costliest first, with their compute time summed over the parties. */
  static List<String> bars(CategoryDataset data) {
    List<String> r = new java.util.ArrayList<>();
    for (int c = 0; c < data.getColumnCount(); c++) {
      double sum = 0;
      for (int p = 0; p < data.getRowCount(); p++) {
        sum += data.getValue(p, c).doubleValue();
      }
      r.add(String.format(Locale.ROOT, "%s %.1f", data.getColumnKey(c), sum));
    }
    return r;
  }

  @Test
  void chartNamesComparisonsAndProductsNotTheClientsWait() {
    CategoryDataset data = ProfileReport.chart(profile, ProfileReport.Metric.MILLIS).getCategoryPlot().getDataset();
    List<String> bars = bars(data);
    System.out.println("chart bars: " + bars);
    List<String> top = bars.subList(0, Math.min(4, bars.size()));
    assertTrue(top.stream().anyMatch(b -> b.matches("(?i).*(compare|relu|msb|shareconvert).*")),
        "a comparison among the costliest bars: " + bars);
    assertTrue(top.stream().anyMatch(b -> b.matches("(?i).*(matmul|mul).*")), "a product among the costliest bars: " + bars);
    assertTrue(top.stream().noneMatch(b -> b.matches("(?i).*(output|reveal|input).*")), "no input or output among " + top);
    // the client's compute is a sliver of the chart, though it waits most of the call
    int client = data.getRowIndex("prediction-client");
    double clientMs = 0;
    double all = 0;
    for (int c = 0; c < data.getColumnCount(); c++) {
      for (int p = 0; p < data.getRowCount(); p++) {
        all += data.getValue(p, c).doubleValue();
        clientMs += p == client ? data.getValue(p, c).doubleValue() : 0;
      }
    }
    assertTrue(clientMs < 0.05 * all, "the client's bars hold " + clientMs + " of " + all + " ms");
  }

  @Test
  void timelineShowsComputeSendAndWaitPerParty() throws Exception {
    Map<String, Map<Span.Phase, Long>> totals = TimelineChart.totals(profile);
    assertEquals(Set.copyOf(profile.parties()), totals.keySet(), "a lane per party");
    for (String server : List.of("server0", "server1")) {
      Map<Span.Phase, Long> t = totals.get(server);
      assertTrue(t.getOrDefault(Span.Phase.COMPUTE, 0L) > 0 && t.getOrDefault(Span.Phase.SEND, 0L) > 0, server + " " + t);
    }
    Map<Span.Phase, Long> client = totals.get("prediction-client");
    assertTrue(client.get(Span.Phase.WAIT) > client.getOrDefault(Span.Phase.COMPUTE, 0L), "the client mostly waits: " + client);
    for (Span s : profile.timeline()) {
      assertTrue(s.nanos() <= profile.wallNanos(), s + " is longer than the call");
    }
    BufferedImage png = ImageIO.read(new ByteArrayInputStream(TimelineChart.png(profile)));
    assertEquals(1000, png.getWidth());
    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/render"));
    java.nio.file.Files.write(java.nio.file.Path.of("target/render/mnist-timeline.png"), TimelineChart.png(profile));
    assertTrue(ProfileReport.htmlWithChart(profile).contains("alt=\"timeline per party"), "the profile's HTML shows it");
  }

  @Test
  void chromeTraceHasATrackPerPartyAndAnArrowPerMessage() {
    @SuppressWarnings("unchecked")
    Map<String, Object> trace = (Map<String, Object>) Json.parse(ChromeTrace.json(profile));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> events = (List<Map<String, Object>>) trace.get("traceEvents");
    Set<Object> tracks = new HashSet<>();
    Map<Object, Map<String, Object>> starts = new HashMap<>();
    Map<Object, Map<String, Object>> ends = new HashMap<>();
    for (Map<String, Object> e : events) {
      if (Long.valueOf(2).equals(e.get("pid")) && "thread_name".equals(e.get("name"))) {
        tracks.add(((Map<?, ?>) e.get("args")).get("name"));
      }
      if ("s".equals(e.get("ph"))) {
        starts.put(e.get("id"), e);
      } else if ("f".equals(e.get("ph"))) {
        ends.put(e.get("id"), e);
      }
    }
    assertEquals(Set.copyOf(profile.parties()), tracks, "a timeline track per party");
    long sends = profile.timeline().stream().filter(s -> s.phase() == Span.Phase.SEND).count();
    assertEquals(sends, starts.size(), "an arrow from every send");
    assertEquals(starts.keySet(), ends.keySet(), "every arrow ends at a receive");
    for (Object id : starts.keySet()) {
      // an arrow goes from one party to another, forward in time
      assertNotEquals(starts.get(id).get("tid"), ends.get(id).get("tid"));
      assertTrue(((Number) starts.get(id).get("ts")).doubleValue() <= ((Number) ends.get(id).get("ts")).doubleValue(), id.toString());
    }
  }
}
