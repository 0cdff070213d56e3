package dev.tfe.render;

import dev.tfe.profile.OpStats;
import dev.tfe.profile.Profile;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
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
 * A {@link Profile} for people: a Tablesaw table and an HTML table per op kind and party (ms,
 * bytes sent and received, rounds) with totals per party, and a stacked bar chart per op kind
 * by party (JFreeChart, drawn headless, as PNG bytes).
 */
public final class ProfileReport {
  private ProfileReport() {}

  /** What a chart shows. */
  public enum Metric {
    /** Wall time in milliseconds. */
    MILLIS("ms"),
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

  /** One row per op kind and party: op, party, ms, bytes_sent, bytes_received, rounds, nodes. */
  public static Table table(Profile profile) {
    List<OpStats> rows = profile.byKind();
    StringColumn op = StringColumn.create("op");
    StringColumn party = StringColumn.create("party");
    DoubleColumn ms = DoubleColumn.create("ms");
    LongColumn sent = LongColumn.create("bytes_sent");
    LongColumn received = LongColumn.create("bytes_received");
    IntColumn rounds = IntColumn.create("rounds");
    IntColumn nodes = IntColumn.create("nodes");
    for (OpStats o : rows) {
      op.append(o.kind().toString());
      party.append(o.party());
      ms.append(o.millis());
      sent.append(o.bytesSent());
      received.append(o.bytesReceived());
      rounds.append(o.rounds());
      nodes.append(o.nodes());
    }
    return Table.create("profile", op, party, ms, sent, received, rounds, nodes);
  }

  /** Totals per party: ms (the sum over its ops), bytes sent and received. */
  public static Map<String, double[]> totalsByParty(Profile profile) {
    Map<String, double[]> t = new LinkedHashMap<>();
    for (String p : profile.parties()) {
      t.put(p, new double[3]);
    }
    for (OpStats o : profile.ops()) {
      double[] a = t.computeIfAbsent(o.party(), k -> new double[3]);
      a[0] += o.millis();
      a[1] += o.bytesSent();
      a[2] += o.bytesReceived();
    }
    return t;
  }

  /** An HTML table by op kind and party, a totals table per party, and a summary line. */
  public static String html(Profile profile) {
    StringBuilder sb = new StringBuilder("<div class=\"tfe-profile\">");
    sb.append(String.format(Locale.ROOT, "<p>run on %s: %.2f ms wall, %d rounds, %s sent</p>",
        Svg.escape(profile.runtime()), profile.wallMillis(), profile.rounds(), Profile.bytes(profile.totalBytesSent())));
    sb.append("<table><thead><tr><th>op</th><th>party</th><th>ms</th><th>sent</th><th>received</th><th>rounds</th></tr></thead><tbody>");
    for (OpStats o : profile.byKind()) {
      sb.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td>%.3f</td><td>%s</td><td>%s</td><td>%d</td></tr>",
          Svg.escape(o.kind().toString()), Svg.escape(o.party()), o.millis(), Profile.bytes(o.bytesSent()), Profile.bytes(o.bytesReceived()), o.rounds()));
    }
    sb.append("</tbody></table>");
    sb.append("<table><thead><tr><th>party</th><th>ms (sum of ops)</th><th>sent</th><th>received</th></tr></thead><tbody>");
    for (Map.Entry<String, double[]> e : totalsByParty(profile).entrySet()) {
      double[] a = e.getValue();
      sb.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.3f</td><td>%s</td><td>%s</td></tr>",
          Svg.escape(e.getKey()), a[0], Profile.bytes((long) a[1]), Profile.bytes((long) a[2])));
    }
    sb.append("</tbody></table></div>");
    return sb.toString();
  }

  /** {@link #html(Profile)} followed by the chart of {@link Metric#MILLIS} as an embedded PNG. */
  public static String htmlWithChart(Profile profile) {
    return html(profile) + "<img alt=\"profile chart\" src=\"data:image/png;base64,"
        + Base64.getEncoder().encodeToString(png(profile, Metric.MILLIS, 720, 360)) + "\"/>";
  }

  /** A stacked bar chart: one bar per op kind, one stack segment per party. */
  public static JFreeChart chart(Profile profile, Metric metric) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (OpStats o : profile.byKind()) {
      data.addValue(metric.of(o), o.party(), o.kind().toString());
    }
    JFreeChart chart = ChartFactory.createStackedBarChart(metric.label + " per op kind", "op", metric.label, data,
        PlotOrientation.VERTICAL, true, false, false);
    chart.setBackgroundPaint(Color.WHITE);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
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
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    BufferedImage image = chart(profile, metric).createBufferedImage(width, height);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The chart of wall time per op kind, 720 by 360 pixels. */
  public static byte[] png(Profile profile) {
    return png(profile, Metric.MILLIS, 720, 360);
  }
}
