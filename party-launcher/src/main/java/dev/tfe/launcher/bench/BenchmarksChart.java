package dev.tfe.launcher.bench;

import static dev.tfe.launcher.bench.BenchmarksReport.caseLabel;
import static dev.tfe.launcher.bench.BenchmarksReport.distinct;
import static dev.tfe.launcher.bench.BenchmarksReport.ms;
import static dev.tfe.launcher.bench.BenchmarksReport.num;
import static dev.tfe.launcher.bench.BenchmarksReport.sorted;
import static dev.tfe.launcher.bench.BenchmarksReport.str;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * {@code BENCHMARKS.png} of {@code ./tfe bench}: a grouped bar chart of median latency per case
 * (network and batch) on a log scale, one bar per runtime of the private prediction and one for
 * plaintext ND4J, from the records of {@link NetworksBenchmark}.
 */
public final class BenchmarksChart {
  private BenchmarksChart() {}

  /** The chart as PNG bytes, drawn headless. */
  public static byte[] png(List<Map<String, Object>> records, int width, int height) {
    dev.tfe.render.Png.headless();
    BufferedImage image = chart(records).createBufferedImage(width, height);
    return dev.tfe.render.Png.encode(image);
  }

  /**
   * Grouped bars, one group per case (network and batch): the private latency on each runtime, and
   * plaintext ND4J (from the in-process record of the case when there is one), on a log axis.
   */
  public static JFreeChart chart(List<Map<String, Object>> records) {
    List<Map<String, Object>> rows = sorted(records);
    List<String> runtimes = distinct(rows, r -> str(r, "runtime"));
    List<String> cases = distinct(rows, BenchmarksReport::caseLabel);
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    double min = Double.MAX_VALUE;
    double max = 0;
    for (String c : cases) {
      List<Map<String, Object>> of = rows.stream().filter(r -> caseLabel(r).equals(c)).toList();
      for (String rt : runtimes) {
        Double v = of.stream().filter(r -> str(r, "runtime").equals(rt)).map(r -> num(r, "latency_ms")).findFirst()
            .orElse(null);
        data.addValue(v, "private, " + rt, c);
      }
      double plain = of.stream().filter(r -> str(r, "runtime").equals("in-process")).findFirst().orElse(of.get(0))
          .get("plaintext_latency_ms") instanceof Number n ? n.doubleValue() : Double.NaN;
      data.addValue(Double.isNaN(plain) ? null : plain, "plaintext (ND4J)", c);
      for (Map<String, Object> r : of) {
        for (double v : new double[] {num(r, "latency_ms"), num(r, "plaintext_latency_ms")}) {
          if (v > 0) {
            min = Math.min(min, v);
            max = Math.max(max, v);
          }
        }
      }
    }
    JFreeChart chart = ChartFactory.createBarChart("Private prediction latency per case (median, log scale)", "case",
        "latency (ms)", data, PlotOrientation.VERTICAL, true, false, false);
    chart.setBackgroundPaint(Color.WHITE);
    chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
    chart.addSubtitle(new TextTitle(String.join(", ", distinct(rows, r -> str(r, "protocol")))
        + " on networks of the SecureNN paper; bars labelled in ms",
        new Font(Font.SANS_SERIF, Font.PLAIN, 13)));
    chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    LogAxis axis = new LogAxis("latency (ms, log scale)");
    axis.setBase(10);
    axis.setSmallestValue(1e-3);
    axis.setTickUnit(new NumberTickUnit(1)); // one tick per power of ten
    axis.setNumberFormatOverride(new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)));
    if (max > 0) {
      axis.setRange(Math.pow(10, Math.floor(Math.log10(min))), max * 3); // room above the tallest bar for its label
    }
    axis.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
    axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    plot.setRangeAxis(axis);
    CategoryAxis cat = plot.getDomainAxis();
    cat.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
    cat.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
    BarRenderer r = (BarRenderer) plot.getRenderer();
    r.setBarPainter(new StandardBarPainter());
    r.setShadowVisible(false);
    r.setItemMargin(0.05);
    r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new MsFormat()));
    r.setDefaultItemLabelsVisible(true);
    r.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
    Color[] colours = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0x9467bd)};
    for (int i = 0; i < data.getRowCount(); i++) {
      String key = (String) data.getRowKey(i);
      r.setSeriesPaint(i, key.startsWith("plaintext") ? Color.GRAY : colours[i % colours.length]);
    }
    return chart;
  }

  /** {@link BenchmarksReport#ms(double)} as a {@link NumberFormat}, for chart labels. */
  private static final class MsFormat extends NumberFormat {
    @Override
    public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
      return to.append(ms(number));
    }

    @Override
    public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
      return to.append(ms(number));
    }

    @Override
    public Number parse(String source, ParsePosition pos) {
      throw new UnsupportedOperationException();
    }
  }
}
