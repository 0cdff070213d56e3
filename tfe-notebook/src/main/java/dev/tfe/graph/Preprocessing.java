package dev.tfe.graph;

import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The offline part of a run: what can be computed before its inputs arrive (the dealer's seeds,
 * masks, keys and triples, and everything derived from them alone), as in the offline/online
 * split of dealer-based protocols (Beaver, CRYPTO 1991; Boyle et al., Eurocrypt 2021, Section 3).
 *
 * <p>A node is offline when it depends on fresh randomness ({@link Ops#SEED}, {@link Ops#RANDOM})
 * and on nothing that a run is given ({@link Ops#INPUT}); variables ({@link Ops#VAR_READ}: the
 * masked weights, whose masks enter the dealer's triples) count as fixed, unless the run writes
 * variables (a training step), in which case everything that reads one is online. The frontier is the offline nodes that an online node (or a target)
 * reads: a preprocessing run computes them and each party keeps its own
 * ({@link Ops#PRE_KEEP}); the online run takes them ({@link Ops#PRE_TAKE}) instead of computing
 * them, so the dealer neither computes nor sends anything online. Material is used once: every
 * online run takes the values of its own preprocessing run.
 */
public final class Preprocessing {
  private Preprocessing() {}

  /** The offline nodes that the online part of the run of {@code targets} reads, in id order. */
  public static Set<Integer> frontier(Graph graph, List<Integer> targets) {
    List<Node> nodes = graph.nodes();
    BitSet needed = needed(nodes, targets);
    boolean writes = false;
    for (int id = needed.nextSetBit(0); id >= 0; id = needed.nextSetBit(id + 1)) {
      writes |= nodes.get(id).op().equals(Ops.VAR_WRITE);
    }
    BitSet random = new BitSet(nodes.size());
    BitSet online = new BitSet(nodes.size());
    for (int id = needed.nextSetBit(0); id >= 0; id = needed.nextSetBit(id + 1)) {
      Node n = nodes.get(id);
      boolean r = n.op().equals(Ops.SEED) || n.op().equals(Ops.RANDOM);
      boolean o = n.op().equals(Ops.INPUT) || n.op().equals(Ops.OUTPUT) || n.op().equals(Ops.VAR_WRITE)
          || (writes && n.op().equals(Ops.VAR_READ));
      for (int in : n.inputs()) {
        r |= random.get(in);
        o |= online.get(in);
      }
      random.set(id, r);
      online.set(id, o);
    }
    BitSet offline = (BitSet) random.clone();
    offline.andNot(online);
    Set<Integer> frontier = new java.util.TreeSet<>();
    for (int id = needed.nextSetBit(0); id >= 0; id = needed.nextSetBit(id + 1)) {
      if (offline.get(id)) {
        continue;
      }
      for (int in : nodes.get(id).inputs()) {
        if (offline.get(in)) {
          frontier.add(in);
        }
      }
    }
    for (int t : targets) {
      if (offline.get(t)) {
        frontier.add(t);
      }
    }
    return frontier;
  }

  /** The nodes {@code targets} need, themselves included. */
  static BitSet needed(List<Node> nodes, List<Integer> targets) {
    BitSet needed = new BitSet(nodes.size());
    java.util.ArrayList<Integer> stack = new java.util.ArrayList<>(targets);
    while (!stack.isEmpty()) {
      int id = stack.remove(stack.size() - 1);
      if (id < 0 || id >= nodes.size()) {
        throw new IllegalArgumentException("node #" + id + " is not in the graph");
      }
      if (!needed.get(id)) {
        needed.set(id);
        for (int in : nodes.get(id).inputs()) {
          stack.add(in);
        }
      }
    }
    return needed;
  }

  /**
   * Adds, for each frontier node, a {@link Ops#PRE_KEEP} node on its party: the targets of a
   * preprocessing run. Returns their ids.
   */
  public static List<Integer> keepNodes(Graph graph, Set<Integer> frontier) {
    Set<Integer> keep = new LinkedHashSet<>();
    for (int id : frontier) {
      Node n = graph.node(id);
      NodeRef ref = new NodeRef(id, n.party(), n.shape());
      keep.add(graph.add(Ops.PRE_KEEP, n.party(), Attrs.of("node", (long) id), n.shape(), n.wireBytes(), ref).id());
    }
    return List.copyOf(keep);
  }
}
