package dev.tfe.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The computation graph: an append-only list of placed {@link Node}s. Protocols add nodes
 * through {@link Ops}; nothing is computed while building. Scopes name the protocol op (and
 * layer) that nodes belong to, e.g. {@code dense_1/pond.matmul#3}; the profile groups by them.
 *
 * <p>Some nodes are initialisers: they write party-local variables (shares of a private
 * weight, its mask) and must run once before the first run that reads them.
 */
public final class Graph {
  private final List<Node> nodes = new ArrayList<>();
  private final Deque<String> scopes = new ArrayDeque<>();
  private final Map<String, Integer> scopeCounters = new HashMap<>();
  private final Set<String> parties = new LinkedHashSet<>();
  private final List<Integer> pendingInitialisers = new ArrayList<>();

  /** Adds a node; its inputs must already be in the graph. */
  public synchronized NodeRef add(String op, String party, Attrs attrs, int[] shape, int wireBytes, NodeRef... inputs) {
    if (party == null || party.isBlank()) {
      throw new IllegalArgumentException("op " + op + " has no party");
    }
    int id = nodes.size();
    int[] in = new int[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      if (inputs[i] == null || inputs[i].id() >= id || inputs[i].id() < 0) {
        throw new IllegalArgumentException("op " + op + ": input " + i + " is not a node of this graph");
      }
      in[i] = inputs[i].id();
    }
    nodes.add(new Node(id, op, party, currentScope(), attrs, in, shape, wireBytes));
    parties.add(party);
    return new NodeRef(id, party, shape);
  }

  /** Marks a node as an initialiser: it runs once, before the next run. */
  public synchronized void addInitialiser(NodeRef ref) {
    pendingInitialisers.add(ref.id());
  }

  /** Takes the initialisers that have not run yet. */
  public synchronized List<Integer> takePendingInitialisers() {
    List<Integer> r = new ArrayList<>(pendingInitialisers);
    pendingInitialisers.clear();
    return r;
  }

  /** Puts initialisers back (when their run failed). */
  public synchronized void restoreInitialisers(List<Integer> ids) {
    pendingInitialisers.addAll(0, ids);
  }

  public synchronized Node node(int id) {
    return nodes.get(id);
  }

  public synchronized int size() {
    return nodes.size();
  }

  /** A snapshot of the nodes built so far. */
  public synchronized List<Node> nodes() {
    return Collections.unmodifiableList(new ArrayList<>(nodes));
  }

  /** The parties named by any node. */
  public synchronized Set<String> parties() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(parties));
  }

  /**
   * Opens a scope: nodes added until {@link Scope#close()} belong to it. A numbered instance name
   * ({@code name#k}) keeps ops of the same kind apart in the profile.
   */
  public synchronized Scope scope(String name) {
    String parent = currentScope();
    String key = parent + "/" + name;
    int k = scopeCounters.merge(key, 1, Integer::sum);
    scopes.push(parent.isEmpty() ? name + "#" + k : parent + "/" + name + "#" + k);
    return new Scope(this);
  }

  /** Opens a scope with exactly this name (for layers and user-chosen names). */
  public synchronized Scope namedScope(String name) {
    String parent = currentScope();
    scopes.push(parent.isEmpty() ? name : parent + "/" + name);
    return new Scope(this);
  }

  synchronized void popScope() {
    scopes.pop();
  }

  public synchronized String currentScope() {
    return scopes.isEmpty() ? "" : scopes.peek();
  }

  /** A scope handle for try-with-resources. */
  public static final class Scope implements AutoCloseable {
    private final Graph graph;
    private boolean closed;

    Scope(Graph graph) {
      this.graph = graph;
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        graph.popScope();
      }
    }
  }
}
