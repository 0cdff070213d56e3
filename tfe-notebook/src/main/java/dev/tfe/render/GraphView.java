package dev.tfe.render;

import dev.tfe.graph.Graph;
import dev.tfe.graph.Node;
import dev.tfe.graph.OpIdentity;
import dev.tfe.profile.Profile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A part of a {@link Graph} to draw: the nodes within some layer frames (a model's
 * {@code model1}, or none for the whole graph), with a title, at a level of detail. It holds no
 * copy: each drawing reads the graph's nodes as they are then.
 *
 * <p>By default ({@link Level#LAYERS}) a drawing has one box per layer frame below the view's
 * frames, or per secure op call for nodes outside every layer, shaded by the parties involved
 * and labelled with the time, bytes and rounds the {@link #profile()} gives it. {@link #expand}
 * opens one layer into its protocol op calls ({@link Level#OPS}) or into one box per op call and
 * party ({@link Level#PARTY_OPS}); {@link #level} opens all of them. Graphs built once per batch
 * shape and run for several batches ({@link #batches()}) are drawn once, with a count.
 *
 * @param graph the graph
 * @param layers the names of the outermost layer frames the nodes must lie within, outermost
 *     first; empty for all
 * @param title a title for the drawing
 * @param profile the costs to show on the boxes, or null for none
 * @param batches the parts of the graph built for one batch shape each, with their runs; only
 *     the one with the most runs is drawn
 * @param level how far every layer is opened
 * @param opened layers (by name) opened further than {@code level}
 */
public record GraphView(Graph graph, List<String> layers, String title, Profile profile, List<Batch> batches, Level level,
    Map<String, Level> opened) {

  /** How far a layer is opened. */
  public enum Level {
    /** One box per layer (or per op call outside every layer), shaded by its parties. */
    LAYERS,
    /** One box per protocol op call, shaded by its parties. */
    OPS,
    /** One box per protocol op call and party (the most detailed view of ops). */
    PARTY_OPS
  }

  /**
   * The nodes {@code [firstNode, endNode)}, built for one batch shape and run {@code runs} times.
   *
   * @param firstNode the first node id
   * @param endNode one past the last node id
   * @param runs the runs of these nodes in the call shown
   */
  public record Batch(int firstNode, int endNode, int runs) {
    public Batch {
      if (firstNode > endNode || runs < 0) {
        throw new IllegalArgumentException("a batch needs firstNode <= endNode and runs >= 0");
      }
    }

    boolean holds(int node) {
      return node >= firstNode && node < endNode;
    }
  }

  public GraphView {
    Objects.requireNonNull(graph, "graph");
    layers = layers == null ? List.of() : List.copyOf(layers);
    title = title == null ? "" : title;
    batches = batches == null ? List.of() : List.copyOf(batches);
    level = level == null ? Level.LAYERS : level;
    opened = opened == null ? Map.of() : Map.copyOf(opened);
  }

  /** A view of the nodes within {@code layers}, collapsed to layers, without costs. */
  public GraphView(Graph graph, List<String> layers, String title) {
    this(graph, layers, title, null, List.of(), Level.LAYERS, Map.of());
  }

  /** The whole graph. */
  public static GraphView of(Graph graph) {
    return new GraphView(graph, List.of(), "graph");
  }

  /** This view with {@code layer} opened into its op calls ({@link Level#OPS}). */
  public GraphView expand(String layer) {
    return expand(layer, Level.OPS);
  }

  /** This view with {@code layer} (a layer frame's name, e.g. {@code dense_1}) opened to {@code to}. */
  public GraphView expand(String layer, Level to) {
    Objects.requireNonNull(to, "level");
    List<String> names = layerNames();
    if (!names.contains(layer)) {
      throw new IllegalArgumentException("no layer '" + layer + "' in " + (title.isEmpty() ? "this view" : title)
          + "; its layers are " + names);
    }
    Map<String, Level> o = new LinkedHashMap<>(opened);
    o.put(layer, to);
    return new GraphView(graph, layers, title, profile, batches, level, o);
  }

  /** This view with every layer opened to {@code to} (and layers opened further kept so). */
  public GraphView level(Level to) {
    return new GraphView(graph, layers, title, profile, batches, to, opened);
  }

  /** This view with the costs of {@code p} on its boxes. */
  public GraphView withProfile(Profile p) {
    return new GraphView(graph, layers, title, p, batches, level, opened);
  }

  /** How far the layer frame {@code layer} is opened in this view. */
  public Level levelOf(String layer) {
    Level o = opened.get(layer);
    return o != null && o.compareTo(level) > 0 ? o : level;
  }

  /** The frames every node of this view lies within. */
  public OpIdentity root() {
    return new OpIdentity(layers.stream().map(l -> (OpIdentity.Frame) new OpIdentity.Layer(l)).toList());
  }

  /** The nodes of this view, in ascending id (topological) order. */
  public List<Node> nodes() {
    OpIdentity within = root();
    return graph.nodes().stream().filter(n -> n.identity().isWithin(within)).toList();
  }

  /** The batch drawn for all (the one with the most runs, the first of equals), or null. */
  public Batch drawnBatch() {
    Batch best = null;
    for (Batch b : batches) {
      if (best == null || b.runs() > best.runs()) {
        best = b;
      }
    }
    return best;
  }

  /** The nodes drawn: those of the view outside every batch, and those of {@link #drawnBatch()}. */
  public List<Node> drawnNodes() {
    Batch drawn = drawnBatch();
    return nodes().stream().filter(n -> batches.stream().noneMatch(b -> b.holds(n.id())) || drawn.holds(n.id())).toList();
  }

  /** The runs of a node in the call shown: its batch's runs, all batches' runs for a representative, else 1. */
  int runsOf(Node n) {
    Batch drawn = drawnBatch();
    if (drawn == null || !drawn.holds(n.id())) {
      return 1;
    }
    return batches.stream().mapToInt(Batch::runs).sum();
  }

  /** The names of the layer frames of this view's nodes, in order of first appearance. */
  public List<String> layerNames() {
    return nodes().stream().flatMap(n -> n.identity().layers().stream()).map(OpIdentity.Layer::name).distinct().toList();
  }

  /** The drawing. */
  public String toSvg() {
    return GraphSvg.render(this);
  }

  /** The drawing as HTML: interactive where the notebook runs scripts, a static image elsewhere ({@link GraphHtml}). */
  public String toHtml() {
    return GraphHtml.of(this);
  }

  /** The drawing as PNG, for where SVG is not shown (painted headless with Java2D, two pixels per drawing pixel). */
  public byte[] toPng() {
    return GraphSvg.png(this, 2);
  }

  @Override
  public String toString() {
    List<Node> nodes = nodes();
    long parties = nodes.stream().map(Node::party).distinct().count();
    long ops = nodes.stream().map(n -> GraphSvg.opOf(n.identity(), 0)).distinct().count();
    return String.format("%s: %d nodes in %d ops on %d parties", title.isEmpty() ? "graph" : title, nodes.size(), ops, parties);
  }
}
