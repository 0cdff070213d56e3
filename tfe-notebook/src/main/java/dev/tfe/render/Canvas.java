package dev.tfe.render;

import java.util.List;

/**
 * What {@link GraphPainter} draws on: the shapes of a graph drawing, in the drawing's own
 * coordinates. {@link Svg} writes them as SVG; {@link RasterCanvas} paints them with Java2D into
 * a PNG, the fallback where SVG is not shown (an untrusted notebook, some viewers).
 */
interface Canvas {

  /** Starts a drawing of {@code width x height} pixels showing the area {@code viewWidth x viewHeight}. */
  void open(double width, double height, double viewWidth, double viewHeight);

  /** Shifts what follows by {@code (dx, dy)} until {@link #endGroup()}. */
  void beginGroup(double dx, double dy);

  void endGroup();

  /** A rounded rectangle of a style class ({@code frame}, {@code box}), filled with {@code fill} if not null. */
  void rect(double x, double y, double w, double h, String cls, String fill);

  /**
   * A box shaded by one colour per party, outlined, with a hover title.
   *
   * @param expands the layer a click opens, or null
   * @param collapses whether a click closes the box's opened layer
   */
  void box(double x, double y, double w, double h, List<String> colours, String key, String title, String expands,
      boolean collapses);

  /** Text of a style class ({@code title}, {@code framelabel}, {@code label}, {@code sub}, {@code legend}). */
  void text(double x, double y, String text, String cls);

  /** A polyline with an arrow head, of class {@code edge} or {@code edge cross}. */
  void path(List<double[]> points, String cls, String title);

  /** A party's swatch and name in the legend. */
  void legendEntry(double x, double y, String colour, String party);

  /** The legend entry for edges that carry a message between parties. */
  void crossEdgeLegend(double x, double y);
}
