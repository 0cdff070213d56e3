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
 * through {@link Ops}; nothing is computed while building. Every node records the frames open
 * when it was added as its {@link OpIdentity}: the layers ({@link #layerScope}) and protocol ops
 * ({@link #opScope}) it belongs to. The profile, the drawing and the cost views group by them.
 *
 * <p>Some nodes are initialisers: they write party-local variables (shares of a private
 * weight, its mask) and must run once before the first run that reads them.
 */
public final class Graph {
  private final List<Node> nodes = new ArrayList<>();
  private final Deque<OpIdentity> scopes = new ArrayDeque<>();
  private final Map<OpIdentity, Integer> scopeCounters = new HashMap<>();
  private final Set<String> parties = new LinkedHashSet<>();
  private final List<Integer> pendingInitialisers = new ArrayList<>();
  private final List<Integer> initialisers = new ArrayList<>();

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
    nodes.add(new Node(id, op, party, currentIdentity(), attrs, in, shape, wireBytes));
    parties.add(party);
    return new NodeRef(id, party, shape);
  }

  /** Marks a node as an initialiser: it runs once, before the next run. */
  public synchronized void addInitialiser(NodeRef ref) {
    pendingInitialisers.add(ref.id());
    initialisers.add(ref.id());
  }

  /** Every node ever marked as an initialiser, run or not, in the order they were marked. */
  public synchronized List<Integer> initialisers() {
    return List.copyOf(initialisers);
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
   * Opens a frame for one call of {@code protocol}'s op {@code op}: nodes added until
   * {@link Scope#close()} belong to it. Calls of the same kind within the same enclosing frames
   * are numbered from 1, which keeps them apart in the profile and the drawing. Every protocol op
   * and sub-protocol opens one (a protocol's classes through {@code AbstractProtocol.scope}).
   */
  public synchronized Scope opScope(String protocol, String op) {
    OpIdentity parent = currentIdentity();
    OpKind kind = new OpKind(protocol, op);
    int k = scopeCounters.merge(parent.with(new OpIdentity.Op(kind, 0)), 1, Integer::sum);
    scopes.push(parent.with(new OpIdentity.Op(kind, k)));
    return new Scope(this);
  }

  /** As {@link #opScope(String, String)}, without a number: for an op called once per graph (e.g. a key exchange). */
  public synchronized Scope unnumberedOpScope(String protocol, String op) {
    scopes.push(currentIdentity().with(new OpIdentity.Op(new OpKind(protocol, op), 0)));
    return new Scope(this);
  }

  /**
   * Opens layer frames named {@code names}, outermost first (e.g. a model's id, then one of its
   * layers): nodes added until {@link Scope#close()} belong to them.
   */
  public synchronized Scope layerScope(String... names) {
    if (names.length == 0) {
      throw new IllegalArgumentException("layerScope needs at least one name");
    }
    OpIdentity id = currentIdentity();
    for (String n : names) {
      if (n == null || n.isBlank()) {
        throw new IllegalArgumentException("a layer name must not be blank");
      }
      id = id.with(new OpIdentity.Layer(n));
    }
    scopes.push(id);
    return new Scope(this);
  }

  synchronized void popScope() {
    scopes.pop();
  }

  /** The frames open now: the identity the next node will carry. */
  public synchronized OpIdentity currentIdentity() {
    return scopes.isEmpty() ? OpIdentity.NONE : scopes.peek();
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
