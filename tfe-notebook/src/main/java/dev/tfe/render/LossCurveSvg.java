package dev.tfe.render;

import java.util.List;
import java.util.Locale;

/**
 * A loss curve as a small SVG line chart: the loss points of a training run (x: epoch or step),
 * with the y axis from the smallest to the largest loss and the last value labelled. Drawn again
 * as points arrive, for a live curve in a notebook cell.
 */
public final class LossCurveSvg {
  private static final int WIDTH = 420;
  private static final int HEIGHT = 180;
  private static final int LEFT = 60;
  private static final int RIGHT = 20;
  private static final int TOP = 24;
  private static final int BOTTOM = 34;

  private LossCurveSvg() {}

  /** The curve of {@code points} ({@code {x, loss}} each) with {@code axis} naming x; at least one point. */
  public static String of(List<double[]> points, String axis) {
    if (points.isEmpty()) {
      throw new IllegalArgumentException("a loss curve needs at least one point");
    }
    double x0 = points.get(0)[0];
    double x1 = points.get(points.size() - 1)[0];
    double lo = points.stream().mapToDouble(p -> p[1]).min().orElseThrow();
    double hi = points.stream().mapToDouble(p -> p[1]).max().orElseThrow();
    if (hi - lo < 1e-12) {
      hi = lo + Math.max(1e-6, Math.abs(lo) * 0.1);
    }
    double w = WIDTH - LEFT - RIGHT;
    double h = HEIGHT - TOP - BOTTOM;
    StringBuilder sb = new StringBuilder();
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
        .append("\" font-family=\"sans-serif\" font-size=\"11\">");
    sb.append("<text x=\"").append(LEFT).append("\" y=\"14\" font-weight=\"bold\">loss by ").append(Svg.escape(axis)).append("</text>");
    sb.append(line(LEFT, TOP, LEFT, TOP + h)).append(line(LEFT, TOP + h, LEFT + w, TOP + h));
    sb.append(label(LEFT - 4, TOP + 4, fmt(hi), "end")).append(label(LEFT - 4, TOP + h, fmt(lo), "end"));
    sb.append(label(LEFT, TOP + h + 14, fmt(x0), "middle")).append(label(LEFT + w, TOP + h + 14, fmt(x1), "middle"));
    sb.append(label(LEFT + w / 2, HEIGHT - 4, axis, "middle"));
    sb.append("<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\" points=\"");
    double[] last = null;
    for (double[] p : points) {
      double px = LEFT + (x1 == x0 ? w / 2 : (p[0] - x0) / (x1 - x0) * w);
      double py = TOP + (hi - p[1]) / (hi - lo) * h;
      sb.append(fmt2(px)).append(',').append(fmt2(py)).append(' ');
      last = new double[] {px, py, p[1]};
    }
    sb.append("\"/>");
    sb.append("<circle cx=\"").append(fmt2(last[0])).append("\" cy=\"").append(fmt2(last[1])).append("\" r=\"3\" fill=\"#1f77b4\"/>");
    sb.append(label(Math.min(last[0], LEFT + w - 40), last[1] - 6, fmt(last[2]), "start"));
    return sb.append("</svg>").toString();
  }

  private static String line(double x1, double y1, double x2, double y2) {
    return "<line x1=\"" + fmt2(x1) + "\" y1=\"" + fmt2(y1) + "\" x2=\"" + fmt2(x2) + "\" y2=\"" + fmt2(y2) + "\" stroke=\"#333\"/>";
  }

  private static String label(double x, double y, String text, String anchor) {
    return "<text x=\"" + fmt2(x) + "\" y=\"" + fmt2(y) + "\" text-anchor=\"" + anchor + "\">" + Svg.escape(text) + "</text>";
  }

  private static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e6 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.4g", v);
  }

  private static String fmt2(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
