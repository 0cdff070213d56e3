package dev.tfe.render;

import dev.tfe.graph.Node;
import dev.tfe.graph.OpIdentity;
import dev.tfe.profile.OpStats;
import dev.tfe.profile.Profile;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The boxes of a {@link GraphView} at its levels, grouped by the nodes' {@link OpIdentity}
 * (never by display text): below the view's frames, a node belongs to the box of its next frame
 * (a layer, or an op call outside every layer); in a layer opened to {@link GraphView.Level#OPS},
 * to its outermost op call; opened to {@link GraphView.Level#PARTY_OPS}, to its op call and party.
 * A box's figures come from the view's profile: the largest compute time of a party on it, the
 * bytes all parties sent for it, and its rounds (the steps in which any party sent for it).
 *
 * @param boxes the boxes, in order of their first node
 * @param edges box pairs {@code [from, to]} where a node of one feeds a node of the other
 * @param crossEdges the edges that carry a message between parties
 */
record LevelBoxes(List<GraphSvg.Box> boxes, Set<List<String>> edges, Set<List<String>> crossEdges) {

  /** A group of nodes: its identity, and its party when it holds one party's nodes only. */
  private record Group(OpIdentity identity, String party, OpIdentity frame, boolean batched) {}

  static LevelBoxes of(GraphView view) {
    int depth = view.root().frames().size();
    List<Node> nodes = view.drawnNodes();
    GraphView.Batch drawn = view.drawnBatch();
    Map<Group, Set<String>> parties = new LinkedHashMap<>();
    Map<Integer, Group> groupOf = new HashMap<>();
    for (Node n : nodes) {
      Group g = groupOf(n, depth, view, drawn != null && n.id() >= drawn.firstNode() && n.id() < drawn.endNode());
      parties.computeIfAbsent(g, k -> new TreeSet<>()).add(n.party());
      groupOf.put(n.id(), g);
    }
    Map<Group, GraphSvg.Box> boxOf = new LinkedHashMap<>();
    for (Map.Entry<Group, Set<String>> e : parties.entrySet()) {
      boxOf.put(e.getKey(), box("b" + boxOf.size(), e.getKey(), List.copyOf(e.getValue()), view, drawn));
    }
    Set<List<String>> edges = new LinkedHashSet<>();
    Set<List<String>> cross = new LinkedHashSet<>();
    for (Node n : nodes) {
      GraphSvg.Box to = boxOf.get(groupOf.get(n.id()));
      for (int in : n.inputs()) {
        Group fromGroup = groupOf.get(in);
        if (fromGroup == null) {
          continue;
        }
        GraphSvg.Box from = boxOf.get(fromGroup);
        boolean message = !view.graph().node(in).party().equals(n.party());
        if (from != to) {
          edges.add(List.of(from.key(), to.key()));
          if (message) {
            cross.add(List.of(from.key(), to.key()));
          }
        }
      }
    }
    return new LevelBoxes(new ArrayList<>(boxOf.values()), edges, cross);
  }

  private static Group groupOf(Node n, int depth, GraphView view, boolean batched) {
    OpIdentity id = n.identity();
    if (id.frames().size() <= depth) {
      return new Group(id, null, null, batched);
    }
    OpIdentity top = id.prefix(depth + 1);
    GraphView.Level level = top.frames().get(depth) instanceof OpIdentity.Layer l ? view.levelOf(l.name()) : view.level();
    if (level == GraphView.Level.LAYERS) {
      return new Group(top, null, null, batched);
    }
    OpIdentity op = id.outermostOp();
    OpIdentity frame = op.enclosingLayers();
    frame = frame.frames().size() > depth ? frame : null;
    return new Group(op, level == GraphView.Level.PARTY_OPS ? n.party() : null, frame, batched);
  }

  private static GraphSvg.Box box(String key, Group g, List<String> parties, GraphView view, GraphView.Batch drawn) {
    String name = g.identity().lastFrameText();
    int runs = !g.batched() ? 1 : g.identity().ops().isEmpty() ? view.batches().stream().mapToInt(GraphView.Batch::runs).sum()
        : drawn.runs();
    String label = name + (runs > 1 ? " \u00d7" + runs : "");
    String sub = g.party() != null ? g.party() : "";
    String tooltip = g.identity() + (g.party() != null ? " @" + g.party() : " on " + String.join(", ", parties))
        + (runs > 1 ? ", drawn once for " + runs + " batch runs" : "");
    if (view.profile() != null) {
      String cost = cost(view.profile(), g.identity(), g.party());
      sub = sub.isEmpty() ? cost : sub + " \u00b7 " + cost;
      tooltip += ": " + cost;
    }
    List<OpIdentity.Frame> frames = g.identity().frames();
    String expands = g.frame() == null && g.party() == null && !frames.isEmpty()
        && frames.get(frames.size() - 1) instanceof OpIdentity.Layer l ? l.name() : null;
    return new GraphSvg.Box(key, label, sub, parties, g.frame(), tooltip, expands, g.frame() != null);
  }

  /** The figures of the records within {@code id} (of {@code party}, or all): "12.3 ms · 1.20 MB · 4 rounds". */
  static String cost(Profile profile, OpIdentity id, String party) {
    Map<String, Long> nanos = new TreeMap<>();
    long bytes = 0;
    BitSet steps = new BitSet();
    for (OpStats o : profile.ops()) {
      if (o.identity().isWithin(id) && (party == null || party.equals(o.party()))) {
        nanos.merge(o.party(), o.nanos(), Long::sum);
        bytes += o.bytesSent();
        steps.or(o.sendSteps());
      }
    }
    long most = nanos.values().stream().mapToLong(Long::longValue).max().orElse(0);
    return String.format(Locale.ROOT, "%.1f ms \u00b7 %s \u00b7 %d rounds", most / 1e6, Profile.bytes(bytes), steps.cardinality());
  }
}
