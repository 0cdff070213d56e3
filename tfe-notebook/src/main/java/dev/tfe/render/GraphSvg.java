package dev.tfe.render;

import dev.tfe.graph.Graph;
import dev.tfe.graph.Node;
import dev.tfe.graph.OpIdentity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

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

  private static final double CHAR_WIDTH = 6.6;
  private static final double BOX_HEIGHT = 34;
  private static final double FRAME_TOP = 22;
  private static final double LEGEND_ROW = 18;

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
   */
  record Box(String key, String label, String sub, List<String> parties, OpIdentity layer, String tooltip) {
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
    return draw(view, lb.boxes(), lb.edges(), lb.crossEdges());
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
    return draw(view, boxes.values(), edges, cross);
  }

  /** Registers ELK's layered algorithm once, when first needed (the JVM's class initialisation is the lock). */
  private static final class Elk {
    static final boolean READY = register();

    private static boolean register() {
      LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
      return true;
    }
  }

  private static void ensureElk() {
    if (!Elk.READY) {
      throw new IllegalStateException("ELK's layered layout is not registered");
    }
  }

  private static String draw(GraphView view, java.util.Collection<Box> boxes, Set<List<String>> edges, Set<List<String>> cross) {
    ensureElk();
    ElkNode root = ElkGraphUtil.createGraph();
    root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
    root.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
    root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
    root.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
    root.setProperty(CoreOptions.SPACING_NODE_NODE, 18.0);
    root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 26.0);
    root.setProperty(CoreOptions.PADDING, new ElkPadding(12));
    Map<OpIdentity, ElkNode> frames = new LinkedHashMap<>();
    Map<String, ElkNode> elk = new HashMap<>();
    Map<ElkNode, Box> boxByElk = new HashMap<>();
    for (Box b : boxes) {
      ElkNode parent = root;
      if (b.layer() != null) {
        parent = frames.computeIfAbsent(b.layer(), l -> {
          ElkNode f = ElkGraphUtil.createNode(root);
          f.setIdentifier(l.toString());
          f.setProperty(CoreOptions.PADDING, new ElkPadding(FRAME_TOP + 6, 10, 10, 10));
          return f;
        });
      }
      ElkNode e = ElkGraphUtil.createNode(parent);
      e.setIdentifier(b.key());
      e.setDimensions(Math.max(60, CHAR_WIDTH * Math.max(b.label().length(), b.sub().length()) + 16), BOX_HEIGHT);
      elk.put(b.key(), e);
      boxByElk.put(e, b);
    }
    List<ElkEdge> elkEdges = new ArrayList<>();
    for (List<String> e : edges) {
      elkEdges.add(ElkGraphUtil.createSimpleEdge(elk.get(e.get(0)), elk.get(e.get(1))));
    }
    new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

    List<String> parties = boxes.stream().flatMap(b -> b.parties().stream()).distinct().sorted().toList();
    double titleHeight = view.title().isEmpty() ? 0 : 24;
    double legendHeight = LEGEND_ROW + 8;
    double natural = Math.max(root.getWidth(), legendWidth(parties));
    double height = root.getHeight() + titleHeight + legendHeight;
    // a notebook is about 1,000 px wide: wider drawings are scaled down to it (the viewBox keeps them whole)
    double scale = Math.min(1, MAX_WIDTH / natural);
    Svg svg = new Svg();
    svg.open(natural * scale, height * scale, natural, height);
    if (titleHeight > 0) {
      svg.text(12, 17, view.title(), "title");
    }
    legend(svg, 12, titleHeight + 2, parties);
    svg.beginGroup(0, titleHeight + legendHeight);
    for (ElkNode f : frames.values()) {
      double[] at = absolute(f);
      svg.rect(at[0], at[1], f.getWidth(), f.getHeight(), "frame", null);
      svg.text(at[0] + 8, at[1] + 15, f.getIdentifier(), "framelabel");
    }
    for (ElkEdge e : elkEdges) {
      Box from = boxByElk.get((ElkNode) e.getSources().get(0));
      Box to = boxByElk.get((ElkNode) e.getTargets().get(0));
      double[] off = absolute(e.getContainingNode());
      boolean isCross = cross.contains(List.of(from.key(), to.key()));
      e.getSections().forEach(s -> {
        List<double[]> pts = new ArrayList<>();
        pts.add(new double[] {s.getStartX() + off[0], s.getStartY() + off[1]});
        s.getBendPoints().forEach(p -> pts.add(new double[] {p.getX() + off[0], p.getY() + off[1]}));
        pts.add(new double[] {s.getEndX() + off[0], s.getEndY() + off[1]});
        svg.path(pts, isCross ? "edge cross" : "edge", from.tooltip() + " -> " + to.tooltip());
      });
    }
    for (Map.Entry<ElkNode, Box> e : boxByElk.entrySet()) {
      ElkNode n = e.getKey();
      Box b = e.getValue();
      double[] at = absolute(n);
      List<String> colours = b.parties().stream().map(GraphSvg::partyColour).toList();
      svg.box(at[0], at[1], n.getWidth(), n.getHeight(), colours, b.key(), b.tooltip());
      svg.text(at[0] + 8, at[1] + 14, b.label(), "label");
      svg.text(at[0] + 8, at[1] + 28, b.sub(), "sub");
    }
    svg.endGroup();
    return svg.close();
  }

  private static final double MAX_WIDTH = 1000;

  private static double legendWidth(List<String> parties) {
    double w = 12 + CHAR_WIDTH * 8;
    for (String p : parties) {
      w += 26 + CHAR_WIDTH * p.length();
    }
    return w + 26 + CHAR_WIDTH * 24;
  }

  /** The legend, in one row at the top: a swatch per party, then the message edge. */
  private static void legend(Svg svg, double x, double y, List<String> parties) {
    svg.text(x, y + 11, "parties:", "framelabel");
    double at = x + CHAR_WIDTH * 8;
    for (String p : parties) {
      svg.legendEntry(at, y, partyColour(p), p);
      at += 26 + CHAR_WIDTH * p.length();
    }
    svg.crossEdgeLegend(at, y + 6);
  }

  /** The position of a node's top-left corner in the root's coordinates. */
  private static double[] absolute(ElkNode n) {
    double x = 0;
    double y = 0;
    for (ElkNode m = n; m != null && m.getParent() != null; m = m.getParent()) {
      x += m.getX();
      y += m.getY();
    }
    return new double[] {x, y};
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
