package dev.tfe.render;

import dev.tfe.graph.Graph;
import dev.tfe.graph.Node;
import dev.tfe.graph.OpIdentity;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Draws a graph as SVG, laid out top to bottom by Eclipse ELK's layered algorithm (run headless,
 * without OSGi), with the legend in a row at the top, scaled to at most 1,000 px wide (a
 * notebook's width). {@link #render(GraphView)} draws a view at its levels ({@link LevelBoxes}):
 * one box per layer by default, shaded by its parties, opened on request. With {@link Options},
 * at detail {@link Detail#OPS} there is one box per protocol op and party, with an
 * edge where any node of one box feeds a node of another; at {@link Detail#NODES} one box per
 * ring node. Boxes group nodes by their {@link OpIdentity}: an op is the identity cut after its
 * outermost op frame ({@link OpIdentity#outermostOp()}), e.g.
 * {@code model1/dense_1/securenn.matmul#1} for a node in
 * {@code model1/dense_1/securenn.matmul#1/securenn.truncate#2}, or after a fixed number of frames
 * ({@link Options#opDepth}). Boxes sit in one frame per layer, the layer frames above the op
 * (e.g. {@code model1/dense_1}), or a fixed number of frames ({@link Options#layerDepth}).
 * Box colours say the party, explained in a legend; edges between parties (messages) are red
 * and dashed.
 */
public final class GraphSvg {

  private static final String[] PALETTE = {"#8fb3d9", "#f5b77a", "#95cf8c", "#ef9a9b", "#c9a7d9", "#e0d37a", "#9fd3cf", "#d9b38c"};
  private static final Map<String, String> PARTY_COLOURS = Map.of(
      "server0", PALETTE[0], "server1", PALETTE[1], "server2", PALETTE[2], "client", PALETTE[3], "owner", PALETTE[4]);


  private GraphSvg() {}

  /** How much to show. */
  public enum Detail {
    /** One box per protocol op call (identity up to its outermost op) and party. */
    OPS,
    /** One box per graph node. */
    NODES
  }

  /**
   * Drawing options.
   *
   * @param detail boxes per op or per node
   * @param opDepth identity frames that name an op (for {@link Detail#OPS}); 0 to cut after the
   *     outermost op frame
   * @param layerDepth identity frames that name a layer frame; 0 for the layer frames above the
   *     op; negative for no frames
   * @param maxBoxes the most boxes to lay out; larger graphs fail with a hint to choose {@link Detail#OPS}
   */
  public record Options(Detail detail, int opDepth, int layerDepth, int maxBoxes) {
    /** Ops cut after their outermost op frame, frames for the layers above, at most 2000 boxes. */
    public static final Options DEFAULT = new Options(Detail.OPS, 0, 0, 2000);

    public Options {
      if (opDepth < 0 || maxBoxes < 1) {
        throw new IllegalArgumentException("opDepth must be at least 0 and maxBoxes at least 1");
      }
    }

    /** These options with another detail. */
    public Options withDetail(Detail d) {
      return new Options(d, opDepth, layerDepth, maxBoxes);
    }

    /** These options with other depths. */
    public Options withDepths(int op, int layer) {
      return new Options(detail, op, layer, maxBoxes);
    }
  }

  /** Draws the whole graph with default options. */
  public static String render(Graph graph) {
    return render(GraphView.of(graph), Options.DEFAULT);
  }


  /** The colour of a party's boxes (fixed for the usual party names, else from a palette). */
  public static String partyColour(String party) {
    String c = PARTY_COLOURS.get(party);
    return c != null ? c : PALETTE[5 + Math.floorMod(party.hashCode(), PALETTE.length - 5)];
  }

  /** A node's op: its identity cut after {@code depth} frames, or after its outermost op frame for 0. */
  static OpIdentity opOf(OpIdentity id, int depth) {
    return depth > 0 ? id.prefix(depth) : id.outermostOp();
  }

  /** A node's layer frame: its identity cut after {@code depth} frames, or the layers above its op for 0; null for none. */
  static OpIdentity layerOf(OpIdentity id, Options options) {
    if (options.layerDepth() < 0) {
      return null;
    }
    OpIdentity layer = options.layerDepth() > 0 ? id.prefix(options.layerDepth()) : id.enclosingLayers();
    return layer.frames().isEmpty() ? null : layer;
  }

  /**
   * A box: a group of nodes on one or more parties, drawn in a layer frame (or none).
   *
   * @param key the box's id in the drawing
   * @param label the first line
   * @param sub the second line
   * @param parties the parties whose nodes it holds, whose colours shade it
   * @param layer the frame it sits in, or null
   * @param tooltip text shown on hover
   * @param expands the layer a click on the box opens (an interactive drawing), or null
   * @param collapses whether a click on the box closes its opened layer
   */
  record Box(String key, String label, String sub, List<String> parties, OpIdentity layer, String tooltip, String expands,
      boolean collapses) {
    Box(String key, String label, String sub, List<String> parties, OpIdentity layer, String tooltip) {
      this(key, label, sub, parties, layer, tooltip, null, false);
    }

    String party() {
      return parties.get(0);
    }
  }

  /** Draws a view at its levels ({@link GraphView#level}, {@link GraphView#expand}), one box per layer by default. */
  public static String render(GraphView view) {
    return render(view, Options.DEFAULT.maxBoxes());
  }

  /** Draws a view at its levels; fails, saying what to do, if it would have more than {@code maxBoxes} boxes. */
  public static String render(GraphView view, int maxBoxes) {
    LevelBoxes lb = LevelBoxes.of(view);
    if (lb.boxes().size() > maxBoxes) {
      throw new IllegalArgumentException("the drawing would have " + lb.boxes().size() + " boxes, more than " + maxBoxes
          + "; draw a smaller part of the graph, or fewer layers opened");
    }
    Svg svg = new Svg();
    GraphPainter.draw(view, lb.boxes(), lb.edges(), lb.crossEdges(), svg);
    return svg.close();
  }

  /**
   * Draws a view at its levels as PNG, painted headless with Java2D ({@link RasterCanvas}): the
   * fallback where SVG is not shown.
   *
   * @param pixelRatio image pixels per drawing pixel (1 for the drawing's size, 2 for sharp text)
   */
  public static byte[] png(GraphView view, double pixelRatio) {
    LevelBoxes lb = LevelBoxes.of(view);
    RasterCanvas canvas = new RasterCanvas(pixelRatio);
    GraphPainter.draw(view, lb.boxes(), lb.edges(), lb.crossEdges(), canvas);
    return canvas.png();
  }

  /** Draws a view. */
  public static String render(GraphView view, Options options) {
    List<Node> nodes = view.nodes();
    Map<Integer, Box> boxOf = new HashMap<>();
    Map<List<Object>, Box> boxes = new LinkedHashMap<>();
    for (Node n : nodes) {
      OpIdentity layer = layerOf(n.identity(), options);
      List<Object> group;
      String title;
      String label;
      String sub;
      if (options.detail() == Detail.NODES) {
        group = List.of(n.id());
        title = "#" + n.id() + " " + n.identity() + "@" + n.party();
        label = "#" + n.id() + " " + n.op();
        sub = n.identity().lastFrameText() + " @" + n.party();
      } else {
        OpIdentity op = opOf(n.identity(), options.opDepth());
        group = List.of(op, n.party());
        title = op + "@" + n.party();
        label = op.lastFrameText();
        sub = n.party();
      }
      String key = "b" + boxes.size();
      boxOf.put(n.id(), boxes.computeIfAbsent(group, k -> new Box(key, label, sub, List.of(n.party()), layer, title)));
    }
    if (boxes.size() > options.maxBoxes()) {
      throw new IllegalArgumentException("the drawing would have " + boxes.size() + " boxes, more than " + options.maxBoxes()
          + "; draw ops (Detail.OPS) or a smaller part of the graph");
    }
    Set<List<String>> edges = new LinkedHashSet<>();
    Set<List<String>> cross = new LinkedHashSet<>();
    for (Node n : nodes) {
      Box to = boxOf.get(n.id());
      for (int in : n.inputs()) {
        Box from = boxOf.get(in);
        if (from != null && from != to) {
          edges.add(List.of(from.key(), to.key()));
          if (!from.party().equals(to.party())) {
            cross.add(List.of(from.key(), to.key()));
          }
        }
      }
    }
    Svg svg = new Svg();
    GraphPainter.draw(view, boxes.values(), edges, cross, svg);
    return svg.close();
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
