package dev.tfe.render;

import dev.tfe.graph.Graph;
import dev.tfe.graph.Node;
import java.util.List;
import java.util.Objects;

/**
 * A part of a {@link Graph} to draw: the nodes whose scope starts with a prefix (a model's
 * {@code model1/}, or empty for the whole graph), with a title. It holds no copy: each drawing
 * reads the graph's nodes as they are then.
 *
 * @param graph the graph
 * @param scopePrefix the scope prefix of the nodes to draw; empty for all
 * @param title a title for the drawing
 */
public record GraphView(Graph graph, String scopePrefix, String title) {

  public GraphView {
    Objects.requireNonNull(graph, "graph");
    scopePrefix = scopePrefix == null ? "" : scopePrefix;
    title = title == null ? "" : title;
  }

  /** The whole graph. */
  public static GraphView of(Graph graph) {
    return new GraphView(graph, "", "graph");
  }

  /** The nodes of this view, in ascending id (topological) order. */
  public List<Node> nodes() {
    return graph.nodes().stream().filter(n -> n.scope().startsWith(scopePrefix)).toList();
  }

  /** The drawing, with default options. */
  public String toSvg() {
    return GraphSvg.render(this);
  }

  @Override
  public String toString() {
    List<Node> nodes = nodes();
    long parties = nodes.stream().map(Node::party).distinct().count();
    long ops = nodes.stream().map(n -> GraphSvg.opOf(n.scope(), 0)).distinct().count();
    return String.format("%s: %d nodes in %d ops on %d parties", title.isEmpty() ? "graph" : title, nodes.size(), ops, parties);
  }
}
