package dev.tfe.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Splits the part of a graph needed for some target nodes into one {@link Plan} per party.
 *
 * <p>Every node gets a level: the largest level of its inputs, plus one for an input that lives
 * on another party. Values cross parties only between levels, so a party's steps are: receive,
 * compute the level, send. Messages of one step to one peer form one batch.
 */
public final class Planner {
  private Planner() {}

  /** The plans, by party, that compute {@code targets}, with the ring kernels only. */
  public static Map<String, Plan> plan(Graph graph, List<Integer> targets) {
    return plan(graph, targets, List.of("ring"));
  }

  /**
   * The plans, by party, that compute {@code targets} and everything they depend on; each names
   * the op modules {@code modules} whose kernels it runs with.
   */
  public static Map<String, Plan> plan(Graph graph, List<Integer> targets, List<String> modules) {
    return plan(graph, targets, modules, Set.of());
  }

  /**
   * The plans of the online part of a run: as {@link #plan(Graph, List, List)}, but each node of
   * {@code taken} is read from its party's preprocessed values ({@link Ops#PRE_TAKE},
   * {@link Preprocessing}) instead of computed, so what only it needs drops out.
   */
  public static Map<String, Plan> plan(Graph graph, List<Integer> targets, List<String> modules, Set<Integer> taken) {
    List<Node> nodes = new ArrayList<>(graph.nodes());
    for (int id : taken) {
      Node n = nodes.get(id);
      nodes.set(id, new Node(id, Ops.PRE_TAKE, n.party(), n.identity(), Attrs.of("node", (long) id), new int[0],
          n.shape(), n.wireBytes()));
    }
    BitSet needed = Preprocessing.needed(nodes, targets);
    int[] level = new int[nodes.size()];
    int maxLevel = 0;
    for (int id = needed.nextSetBit(0); id >= 0; id = needed.nextSetBit(id + 1)) {
      Node n = nodes.get(id);
      int l = 0;
      for (int in : n.inputs()) {
        Node src = nodes.get(in);
        l = Math.max(l, level[in] + (src.party().equals(n.party()) ? 0 : 1));
      }
      level[id] = l;
      maxLevel = Math.max(maxLevel, l);
    }
    Set<String> parties = new LinkedHashSet<>();
    for (int id = needed.nextSetBit(0); id >= 0; id = needed.nextSetBit(id + 1)) {
      parties.add(nodes.get(id).party());
    }
    // sends[party][level][peer] -> ids (deduplicated)
    Map<String, Map<Integer, Map<String, Set<Integer>>>> sends = new HashMap<>();
    Map<Integer, OpIdentity> readerIdentity = new HashMap<>();
    for (int id = needed.nextSetBit(0); id >= 0; id = needed.nextSetBit(id + 1)) {
      Node n = nodes.get(id);
      for (int in : n.inputs()) {
        Node src = nodes.get(in);
        if (!src.party().equals(n.party())) {
          sends.computeIfAbsent(src.party(), k -> new TreeMap<>())
              .computeIfAbsent(level[in], k -> new TreeMap<>())
              .computeIfAbsent(n.party(), k -> new LinkedHashSet<>())
              .add(in);
          readerIdentity.putIfAbsent(in, n.identity());
        }
      }
    }
    Set<Integer> targetSet = new LinkedHashSet<>(targets);
    Map<String, Plan> plans = new LinkedHashMap<>();
    for (String party : parties) {
      Map<Integer, Node> mine = new TreeMap<>();
      List<List<Integer>> byLevel = new ArrayList<>();
      for (int i = 0; i <= maxLevel; i++) {
        byLevel.add(new ArrayList<>());
      }
      List<Integer> outputs = new ArrayList<>();
      for (int id = needed.nextSetBit(0); id >= 0; id = needed.nextSetBit(id + 1)) {
        Node n = nodes.get(id);
        if (n.party().equals(party)) {
          mine.put(id, n);
          byLevel.get(level[id]).add(id);
          if (n.op().equals(Ops.OUTPUT) && targetSet.contains(id)) {
            outputs.add(id);
          }
        }
      }
      List<Plan.Step> steps = new ArrayList<>();
      for (int l = 0; l <= maxLevel; l++) {
        Map<String, int[]> recv = new TreeMap<>();
        for (String peer : parties) {
          if (peer.equals(party)) {
            continue;
          }
          Set<Integer> ids = sends.getOrDefault(peer, Map.of()).getOrDefault(l - 1, Map.of()).get(party);
          if (ids != null) {
            recv.put(peer, toArray(ids));
          }
        }
        Map<String, int[]> send = new TreeMap<>();
        for (Map.Entry<String, Set<Integer>> e : sends.getOrDefault(party, Map.of()).getOrDefault(l, Map.of()).entrySet()) {
          send.put(e.getKey(), toArray(e.getValue()));
        }
        int[] compute = byLevel.get(l).stream().mapToInt(Integer::intValue).toArray();
        if (recv.isEmpty() && compute.length == 0 && send.isEmpty()) {
          continue;
        }
        steps.add(new Plan.Step(l, recv, compute, send));
      }
      Map<Integer, OpIdentity> sendIdentities = new TreeMap<>();
      for (Map<String, Set<Integer>> byPeer : sends.getOrDefault(party, Map.of()).values()) {
        for (Set<Integer> ids : byPeer.values()) {
          for (int id : ids) {
            sendIdentities.put(id, readerIdentity.get(id));
          }
        }
      }
      plans.put(party, new Plan(party, mine, steps, outputs, sendIdentities, modules));
    }
    return plans;
  }

  private static int[] toArray(Set<Integer> ids) {
    int[] r = ids.stream().mapToInt(Integer::intValue).toArray();
    Arrays.sort(r);
    return r;
  }
}
