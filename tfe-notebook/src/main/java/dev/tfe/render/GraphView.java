package dev.tfe.render;

import dev.tfe.graph.Graph;
import dev.tfe.graph.Node;
import dev.tfe.graph.OpIdentity;
import java.util.List;
import java.util.Objects;

/**
 * A part of a {@link Graph} to draw: the nodes within some layer frames (a model's
 * {@code model1}, or none for the whole graph), with a title. It holds no copy: each drawing
 * reads the graph's nodes as they are then.
 *
 * @param graph the graph
 * @param layers the names of the outermost layer frames the nodes must lie within, outermost
 *     first; empty for all
 * @param title a title for the drawing
 */
public record GraphView(Graph graph, List<String> layers, String title) {

  public GraphView {
    Objects.requireNonNull(graph, "graph");
    layers = layers == null ? List.of() : List.copyOf(layers);
    title = title == null ? "" : title;
  }

  /** The whole graph. */
  public static GraphView of(Graph graph) {
    return new GraphView(graph, List.of(), "graph");
  }

  /** The nodes of this view, in ascending id (topological) order. */
  public List<Node> nodes() {
    OpIdentity within = new OpIdentity(layers.stream().map(l -> (OpIdentity.Frame) new OpIdentity.Layer(l)).toList());
    return graph.nodes().stream().filter(n -> n.identity().isWithin(within)).toList();
  }

  /** The drawing, with default options. */
  public String toSvg() {
    return GraphSvg.render(this);
  }

  @Override
  public String toString() {
    List<Node> nodes = nodes();
    long parties = nodes.stream().map(Node::party).distinct().count();
    long ops = nodes.stream().map(n -> GraphSvg.opOf(n.identity(), 0)).distinct().count();
    return String.format("%s: %d nodes in %d ops on %d parties", title.isEmpty() ? "graph" : title, nodes.size(), ops, parties);
  }
}
