package dev.tfe.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Paints a graph drawing with Java2D, headless, into a PNG: the same shapes, colours and text as
 * {@link Svg}'s style sheet, for where SVG is not shown (an untrusted notebook shows only PNG).
 */
final class RasterCanvas implements Canvas {
  private static final Color INK = Color.decode("#333333");
  private final double pixelRatio;
  private BufferedImage image;
  private Graphics2D g;
  private final Deque<AffineTransform> saved = new ArrayDeque<>();

  /** A canvas painting {@code pixelRatio} image pixels per drawing pixel (2 for sharp text on high-density screens). */
  RasterCanvas(double pixelRatio) {
    if (!(pixelRatio > 0 && pixelRatio <= 4)) {
      throw new IllegalArgumentException("pixelRatio must be in (0, 4], not " + pixelRatio);
    }
    this.pixelRatio = pixelRatio;
  }

  @Override
  public void open(double width, double height, double viewWidth, double viewHeight) {
    Png.headless();
    image = new BufferedImage((int) Math.ceil(width * pixelRatio), (int) Math.ceil(height * pixelRatio), BufferedImage.TYPE_INT_RGB);
    g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.scale(width * pixelRatio / viewWidth, height * pixelRatio / viewHeight);
  }

  @Override
  public void beginGroup(double dx, double dy) {
    saved.push(g.getTransform());
    g.translate(dx, dy);
  }

  @Override
  public void endGroup() {
    g.setTransform(saved.pop());
  }

  @Override
  public void rect(double x, double y, double w, double h, String cls, String fill) {
    RoundRectangle2D r = new RoundRectangle2D.Double(x, y, w, h, 8, 8);
    boolean frame = cls.equals("frame");
    String paint = frame ? "#f7f7f7" : fill;
    if (paint != null && !paint.equals("none")) {
      g.setColor(Color.decode(paint));
      g.fill(r);
    }
    g.setStroke(new BasicStroke(1f));
    g.setColor(frame ? Color.decode("#999999") : INK);
    g.draw(r);
  }

  @Override
  public void box(double x, double y, double w, double h, List<String> colours, String key, String title, String expands,
      boolean collapses) {
    double band = w / colours.size();
    for (int i = 0; i < colours.size(); i++) {
      g.setColor(Color.decode(colours.get(i)));
      g.fill(new java.awt.geom.Rectangle2D.Double(x + i * band, y, band, h));
    }
    rect(x, y, w, h, "box", null);
  }

  @Override
  public void text(double x, double y, String text, String cls) {
    int style = cls.equals("title") || cls.equals("framelabel") ? Font.BOLD : Font.PLAIN;
    int size = switch (cls) {
      case "title" -> 14;
      case "framelabel" -> 12;
      case "sub" -> 10;
      default -> 11;
    };
    g.setFont(new Font(Font.SANS_SERIF, style, size));
    g.setColor(cls.equals("label") || cls.equals("legend") || cls.equals("title") ? Color.BLACK : INK);
    g.drawString(text, (float) x, (float) y);
  }

  @Override
  public void path(List<double[]> points, String cls, String title) {
    boolean cross = cls.contains("cross");
    Color c = cross ? Color.decode("#d62728") : Color.decode("#555555");
    line(points, c, cross);
    double[] a = points.get(points.size() - 2);
    double[] b = points.get(points.size() - 1);
    double angle = Math.atan2(b[1] - a[1], b[0] - a[0]);
    Path2D head = new Path2D.Double();
    head.moveTo(b[0], b[1]);
    head.lineTo(b[0] - 6 * Math.cos(angle - 0.45), b[1] - 6 * Math.sin(angle - 0.45));
    head.lineTo(b[0] - 6 * Math.cos(angle + 0.45), b[1] - 6 * Math.sin(angle + 0.45));
    head.closePath();
    g.setColor(Color.decode("#555555"));
    g.fill(head);
  }

  private void line(List<double[]> points, Color c, boolean dashed) {
    Path2D p = new Path2D.Double();
    p.moveTo(points.get(0)[0], points.get(0)[1]);
    for (int i = 1; i < points.size(); i++) {
      p.lineTo(points.get(i)[0], points.get(i)[1]);
    }
    g.setColor(c);
    g.setStroke(dashed ? new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5, 3}, 0)
        : new BasicStroke(1f));
    g.draw(p);
    g.setStroke(new BasicStroke(1f));
  }

  @Override
  public void legendEntry(double x, double y, String colour, String party) {
    rect(x, y, 14, 12, "box", colour);
    text(x + 20, y + 10, party, "legend");
  }

  @Override
  public void crossEdgeLegend(double x, double y) {
    line(List.of(new double[] {x, y}, new double[] {x + 14, y}), Color.decode("#d62728"), true);
    text(x + 20, y + 4, "message between parties", "legend");
  }

  /** The painted image as PNG bytes. */
  byte[] png() {
    g.dispose();
    return Png.encode(image);
  }
}
