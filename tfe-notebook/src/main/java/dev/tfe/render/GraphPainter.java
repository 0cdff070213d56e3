package dev.tfe.render;

import dev.tfe.graph.OpIdentity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
 * Lays out boxes and edges top to bottom with Eclipse ELK's layered algorithm (run headless,
 * without OSGi) and paints them on a {@link Canvas}: a title, the legend in a row at the top, one
 * frame per layer, the edges (messages between parties red and dashed), the boxes shaded by
 * their parties; scaled to at most {@value #MAX_WIDTH} px wide, a notebook's width.
 */
final class GraphPainter {
  static final double MAX_WIDTH = 1000;
  static final double CHAR_WIDTH = 6.6;
  private static final double BOX_HEIGHT = 34;
  private static final double FRAME_TOP = 22;
  private static final double LEGEND_ROW = 18;

  private GraphPainter() {}

  /** Registers ELK's layered algorithm once, when first needed (the JVM's class initialisation is the lock). */
  private static final class Elk {
    static final boolean READY = register();

    private static boolean register() {
      LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
      return true;
    }
  }

  /** Lays out {@code boxes} and paints the drawing of {@code view} on {@code canvas}. */
  static void draw(GraphView view, Collection<GraphSvg.Box> boxes, Set<List<String>> edges, Set<List<String>> cross,
      Canvas canvas) {
    if (!Elk.READY) {
      throw new IllegalStateException("ELK's layered layout is not registered");
    }
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
    Map<ElkNode, GraphSvg.Box> boxByElk = new LinkedHashMap<>();
    for (GraphSvg.Box b : boxes) {
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
    canvas.open(natural * scale, height * scale, natural, height);
    if (titleHeight > 0) {
      canvas.text(12, 17, view.title(), "title");
    }
    legend(canvas, 12, titleHeight + 2, parties);
    canvas.beginGroup(0, titleHeight + legendHeight);
    for (ElkNode f : frames.values()) {
      double[] at = absolute(f);
      canvas.rect(at[0], at[1], f.getWidth(), f.getHeight(), "frame", null);
      canvas.text(at[0] + 8, at[1] + 15, f.getIdentifier(), "framelabel");
    }
    for (ElkEdge e : elkEdges) {
      GraphSvg.Box from = boxByElk.get((ElkNode) e.getSources().get(0));
      GraphSvg.Box to = boxByElk.get((ElkNode) e.getTargets().get(0));
      double[] off = absolute(e.getContainingNode());
      boolean isCross = cross.contains(List.of(from.key(), to.key()));
      e.getSections().forEach(s -> {
        List<double[]> pts = new ArrayList<>();
        pts.add(new double[] {s.getStartX() + off[0], s.getStartY() + off[1]});
        s.getBendPoints().forEach(p -> pts.add(new double[] {p.getX() + off[0], p.getY() + off[1]}));
        pts.add(new double[] {s.getEndX() + off[0], s.getEndY() + off[1]});
        canvas.path(pts, isCross ? "edge cross" : "edge", from.tooltip() + " -> " + to.tooltip());
      });
    }
    for (Map.Entry<ElkNode, GraphSvg.Box> e : boxByElk.entrySet()) {
      ElkNode n = e.getKey();
      GraphSvg.Box b = e.getValue();
      double[] at = absolute(n);
      List<String> colours = b.parties().stream().map(GraphSvg::partyColour).toList();
      canvas.box(at[0], at[1], n.getWidth(), n.getHeight(), colours, b.key(), b.tooltip(), b.expands(), b.collapses());
      canvas.text(at[0] + 8, at[1] + 14, b.label(), "label");
      canvas.text(at[0] + 8, at[1] + 28, b.sub(), "sub");
    }
    canvas.endGroup();
  }

  private static double legendWidth(List<String> parties) {
    double w = 12 + CHAR_WIDTH * 9;
    for (String p : parties) {
      w += 26 + CHAR_WIDTH * p.length();
    }
    return w + 26 + CHAR_WIDTH * 24;
  }

  /** The legend, in one row at the top: a swatch per party, then the message edge. */
  private static void legend(Canvas canvas, double x, double y, List<String> parties) {
    canvas.text(x, y + 11, "parties:", "framelabel");
    double at = x + CHAR_WIDTH * 9;
    for (String p : parties) {
      canvas.legendEntry(at, y, GraphSvg.partyColour(p), p);
      at += 26 + CHAR_WIDTH * p.length();
    }
    canvas.crossEdgeLegend(at, y + 6);
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
}
