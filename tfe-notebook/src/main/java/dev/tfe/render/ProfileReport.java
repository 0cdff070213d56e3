package dev.tfe.render;

import dev.tfe.profile.CriticalPath;
import dev.tfe.profile.OpStats;
import dev.tfe.profile.Profile;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A {@link Profile} for people. The default HTML view is a compact pivot: one row per op kind,
 * sorted by compute time, one column per party (compute ms, and the waiting apart), with the
 * call's wall time and its {@link CriticalPath} in one line above. On request, the long form:
 * one row per op kind and party ({@link #longHtml}, or the Tablesaw {@link #table}). The chart is
 * a horizontal stacked bar chart of compute time per op kind by party (JFreeChart, drawn
 * headless, as PNG bytes), so that long op names are not cut.
 */
public final class ProfileReport {
  private ProfileReport() {}

  /** What a chart shows. */
  public enum Metric {
    /** Compute time in milliseconds (waiting left out). */
    MILLIS("compute ms"),
    /** Bytes sent. */
    BYTES_SENT("bytes sent");

    private final String label;

    Metric(String label) {
      this.label = label;
    }

    double of(OpStats o) {
      return this == MILLIS ? o.millis() : o.bytesSent();
    }
  }

  /** The long form: one row per op kind and party: op, party, ms (compute), wait_ms, bytes_sent, bytes_received, rounds, nodes. */
  public static Table table(Profile profile) {
    List<OpStats> rows = profile.byKind();
    StringColumn op = StringColumn.create("op");
    StringColumn party = StringColumn.create("party");
    DoubleColumn ms = DoubleColumn.create("ms");
    DoubleColumn wait = DoubleColumn.create("wait_ms");
    LongColumn sent = LongColumn.create("bytes_sent");
    LongColumn received = LongColumn.create("bytes_received");
    IntColumn rounds = IntColumn.create("rounds");
    IntColumn nodes = IntColumn.create("nodes");
    for (OpStats o : rows) {
      op.append(o.kind().toString());
      party.append(o.party());
      ms.append(o.millis());
      wait.append(o.waitMillis());
      sent.append(o.bytesSent());
      received.append(o.bytesReceived());
      rounds.append(o.rounds());
      nodes.append(o.nodes());
    }
    return Table.create("profile", op, party, ms, wait, sent, received, rounds, nodes);
  }

  /** Totals per party: compute ms (the sum over its ops), bytes sent and received, wait ms. */
  public static Map<String, double[]> totalsByParty(Profile profile) {
    Map<String, double[]> t = new LinkedHashMap<>();
    for (String p : profile.parties()) {
      t.put(p, new double[4]);
    }
    for (OpStats o : profile.ops()) {
      double[] a = t.computeIfAbsent(o.party(), k -> new double[4]);
      a[0] += o.millis();
      a[1] += o.bytesSent();
      a[2] += o.bytesReceived();
      a[3] += o.waitMillis();
    }
    return t;
  }

  /** The summary line: runtime, the call's wall time, rounds, bytes. */
  static String header(Profile profile) {
    return String.format(Locale.ROOT, "run on %s: %.1f ms wall, %d rounds, %s sent",
        profile.runtime(), profile.wallMillis(), profile.rounds(), Profile.bytes(profile.totalBytesSent()));
  }

  /** The default view: the summary line, the critical path, and the pivot ({@link ProfilePivot}). */
  public static String html(Profile profile) {
    StringBuilder sb = new StringBuilder("<div class=\"tfe-profile\">");
    sb.append("<p>").append(Svg.escape(header(profile))).append("</p>");
    if (profile.ops().stream().anyMatch(o -> o.nanos() > 0)) {
      sb.append("<p>").append(Svg.escape(CriticalPath.of(profile).toString())).append("</p>");
    }
    sb.append(ProfilePivot.of(profile).html());
    return sb.append("</div>").toString();
  }

  /** The long form: a row per op kind and party (compute and wait ms, bytes, rounds), and totals per party. */
  public static String longHtml(Profile profile) {
    StringBuilder sb = new StringBuilder("<div class=\"tfe-profile\">");
    sb.append("<p>").append(Svg.escape(header(profile))).append("</p>");
    sb.append("<table><thead><tr><th>op</th><th>party</th><th>compute ms</th><th>wait ms</th><th>sent</th><th>received</th>"
        + "<th>rounds</th></tr></thead><tbody>");
    for (OpStats o : profile.byKind()) {
      sb.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td>%.3f</td><td>%.3f</td><td>%s</td><td>%s</td><td>%d</td></tr>",
          Svg.escape(o.kind().toString()), Svg.escape(o.party()), o.millis(), o.waitMillis(), Profile.bytes(o.bytesSent()),
          Profile.bytes(o.bytesReceived()), o.rounds()));
    }
    sb.append("</tbody></table>");
    sb.append("<table><thead><tr><th>party</th><th>compute ms</th><th>wait ms</th><th>sent</th><th>received</th></tr></thead><tbody>");
    for (Map.Entry<String, double[]> e : totalsByParty(profile).entrySet()) {
      double[] a = e.getValue();
      sb.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.3f</td><td>%.3f</td><td>%s</td><td>%s</td></tr>",
          Svg.escape(e.getKey()), a[0], a[3], Profile.bytes((long) a[1]), Profile.bytes((long) a[2])));
    }
    sb.append("</tbody></table></div>");
    return sb.toString();
  }

  /**
   * {@link #html(Profile)} followed by the chart of {@link Metric#MILLIS} and, where the run
   * recorded one, the parties' timeline ({@link TimelineChart}), as embedded PNGs.
   */
  public static String htmlWithChart(Profile profile) {
    String html = html(profile) + "<img alt=\"profile chart\" src=\"data:image/png;base64,"
        + Base64.getEncoder().encodeToString(png(profile)) + "\"/>";
    if (profile.timeline().isEmpty()) {
      return html;
    }
    return html + "<br/><img alt=\"timeline per party: compute, send, wait\" src=\"data:image/png;base64,"
        + Base64.getEncoder().encodeToString(TimelineChart.png(profile)) + "\"/>";
  }

  /** A horizontal stacked bar chart: one bar per op kind (the costliest first), one stack segment per party. */
  public static JFreeChart chart(Profile profile, Metric metric) {
    Map<String, Double> cost = new LinkedHashMap<>();
    for (OpStats o : profile.byKind()) {
      cost.merge(o.kind().toString(), metric.of(o), Double::sum);
    }
    List<String> order = cost.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .map(Map.Entry::getKey).toList();
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (String p : profile.parties()) {
      for (String k : order) {
        data.addValue(0.0, p, k);
      }
    }
    for (OpStats o : profile.byKind()) {
      data.addValue(data.getValue(o.party(), o.kind().toString()).doubleValue() + metric.of(o), o.party(), o.kind().toString());
    }
    JFreeChart chart = ChartFactory.createStackedBarChart(metric.label + " per op kind", "op", metric.label, data,
        PlotOrientation.HORIZONTAL, true, false, false);
    chart.setBackgroundPaint(Color.WHITE);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.45f);
    BarRenderer r = (BarRenderer) plot.getRenderer();
    r.setBarPainter(new StandardBarPainter());
    r.setShadowVisible(false);
    for (int i = 0; i < data.getRowCount(); i++) {
      r.setSeriesPaint(i, Color.decode(GraphSvg.partyColour((String) data.getRowKey(i))));
    }
    return chart;
  }

  /** The chart as PNG bytes, drawn headless. */
  public static byte[] png(Profile profile, Metric metric, int width, int height) {
    Png.headless();
    BufferedImage image = chart(profile, metric).createBufferedImage(width, height);
    return Png.encode(image);
  }

  /** The chart of compute time per op kind, 720 pixels wide, 18 pixels per op kind. */
  public static byte[] png(Profile profile) {
    return png(profile, Metric.MILLIS, 720, chartHeight(profile));
  }

  private static int chartHeight(Profile profile) {
    long kinds = profile.byKind().stream().map(OpStats::kind).distinct().count();
    return (int) Math.max(240, 120 + 18 * kinds);
  }
}
