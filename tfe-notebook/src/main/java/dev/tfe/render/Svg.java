package dev.tfe.render;

import java.util.List;

/** A small SVG writer for {@link GraphSvg}: shapes, escaped text, a style sheet. */
final class Svg implements Canvas {
  private final StringBuilder sb = new StringBuilder();

  void open(double width, double height) {
    open(width, height, width, height);
  }

  /** An SVG of {@code width x height} pixels showing the area {@code viewWidth x viewHeight} (scaled to fit). */
  @Override
  public void open(double width, double height, double viewWidth, double viewHeight) {
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(GraphSvg.fmt(width))
        .append("\" height=\"").append(GraphSvg.fmt(height)).append("\" viewBox=\"0 0 ").append(GraphSvg.fmt(viewWidth))
        .append(' ').append(GraphSvg.fmt(viewHeight)).append("\" font-family=\"sans-serif\">\n");
    sb.append("<style>")
        .append(".title{font-size:14px;font-weight:bold}")
        .append(".frame{fill:#f7f7f7;stroke:#999;stroke-width:1}")
        .append(".framelabel{font-size:12px;font-weight:bold;fill:#333}")
        .append(".box{stroke:#333;stroke-width:1}")
        .append(".shade{stroke:none}")
        .append(".label{font-size:11px;fill:#000}")
        .append(".sub{font-size:10px;fill:#333}")
        .append(".legend{font-size:11px;fill:#000}")
        .append(".edge{fill:none;stroke:#555;stroke-width:1}")
        .append(".cross{stroke:#d62728;stroke-dasharray:5,3}")
        .append("[data-expand],[data-collapse]{cursor:pointer}.label,.sub{pointer-events:none}")
        .append("</style>\n");
    sb.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\""
        + " orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#555\"/></marker></defs>\n");
  }

  @Override
  public void beginGroup(double dx, double dy) {
    sb.append("<g transform=\"translate(").append(GraphSvg.fmt(dx)).append(',').append(GraphSvg.fmt(dy)).append(")\">\n");
  }

  @Override
  public void endGroup() {
    sb.append("</g>\n");
  }

  @Override
  public void rect(double x, double y, double w, double h, String cls, String fill) {
    rect(x, y, w, h, cls, fill, null);
  }

  void rect(double x, double y, double w, double h, String cls, String fill, String title) {
    sb.append("<rect x=\"").append(GraphSvg.fmt(x)).append("\" y=\"").append(GraphSvg.fmt(y)).append("\" width=\"")
        .append(GraphSvg.fmt(w)).append("\" height=\"").append(GraphSvg.fmt(h)).append("\" rx=\"4\" class=\"").append(cls).append('"');
    if (fill != null) {
      sb.append(" fill=\"").append(fill).append('"');
    }
    if (title == null) {
      sb.append("/>\n");
    } else {
      sb.append("><title>").append(escape(title)).append("</title></rect>\n");
    }
  }

  /** A box shaded by one colour per party: equal vertical bands, outlined, with a hover title. */
  @Override
  public void box(double x, double y, double w, double h, List<String> colours, String key, String title, String expands,
      boolean collapses) {
    sb.append("<g class=\"node\" data-box=\"").append(escape(key)).append('"');
    if (expands != null) {
      sb.append(" data-expand=\"").append(escape(expands)).append('"');
    }
    if (collapses) {
      sb.append(" data-collapse=\"1\"");
    }
    sb.append("><title>").append(escape(title)).append("</title>\n");
    double band = w / colours.size();
    for (int i = 0; i < colours.size(); i++) {
      sb.append("<rect x=\"").append(GraphSvg.fmt(x + i * band)).append("\" y=\"").append(GraphSvg.fmt(y))
          .append("\" width=\"").append(GraphSvg.fmt(band)).append("\" height=\"").append(GraphSvg.fmt(h))
          .append("\" class=\"shade\" fill=\"").append(colours.get(i)).append("\"/>\n");
    }
    sb.append("</g>\n");
    rect(x, y, w, h, "box", "none");
  }

  @Override
  public void text(double x, double y, String text, String cls) {
    sb.append("<text x=\"").append(GraphSvg.fmt(x)).append("\" y=\"").append(GraphSvg.fmt(y)).append("\" class=\"").append(cls)
        .append("\">").append(escape(text)).append("</text>\n");
  }

  @Override
  public void path(List<double[]> points, String cls, String title) {
    sb.append("<path class=\"").append(cls).append("\" marker-end=\"url(#arrow)\" d=\"");
    for (int i = 0; i < points.size(); i++) {
      sb.append(i == 0 ? "M " : " L ").append(GraphSvg.fmt(points.get(i)[0])).append(' ').append(GraphSvg.fmt(points.get(i)[1]));
    }
    sb.append("\"><title>").append(escape(title)).append("</title></path>\n");
  }

  @Override
  public void legendEntry(double x, double y, String colour, String party) {
    sb.append("<g class=\"legend-entry\" data-party=\"").append(escape(party)).append("\">");
    rect(x, y, 14, 12, "box", colour);
    text(x + 20, y + 10, party, "legend");
    sb.append("</g>\n");
  }

  @Override
  public void crossEdgeLegend(double x, double y) {
    sb.append("<path class=\"edge cross\" d=\"M ").append(GraphSvg.fmt(x)).append(' ').append(GraphSvg.fmt(y))
        .append(" L ").append(GraphSvg.fmt(x + 14)).append(' ').append(GraphSvg.fmt(y)).append("\"/>\n");
    text(x + 20, y + 4, "message between parties", "legend");
  }

  String close() {
    sb.append("</svg>\n");
    return sb.toString();
  }

  static String escape(String s) {
    StringBuilder r = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> r.append("&lt;");
        case '>' -> r.append("&gt;");
        case '&' -> r.append("&amp;");
        case '"' -> r.append("&quot;");
        case '\'' -> r.append("&apos;");
        default -> r.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
      }
    }
    return r.toString();
  }
}
