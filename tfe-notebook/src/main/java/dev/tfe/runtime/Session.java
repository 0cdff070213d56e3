package dev.tfe.runtime;

import dev.tfe.graph.Graph;
import dev.tfe.graph.Node;
import dev.tfe.graph.NodeRef;
import dev.tfe.graph.Ops;
import dev.tfe.graph.Plan;
import dev.tfe.graph.Planner;
import dev.tfe.profile.Profile;
import dev.tfe.ring.RingTensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The coordinator: owns a graph and a runtime, plans runs, runs pending initialisers first,
 * routes each fed value to its owning party alone, and collects outputs with their profile.
 */
public final class Session implements AutoCloseable {
  private final Graph graph;
  private final Kernels kernels;
  private volatile Runtime runtime;
  private final Map<String, Map<String, RingTensor>> provided = new HashMap<>();
  private final Map<List<Object>, Map<String, Plan>> planCache = new HashMap<>();
  private final AtomicLong runs = new AtomicLong();
  private final List<Integer> ranInitialisers = new ArrayList<>();
  private Profile lastInitProfile;
  /** Preprocessing of a run, by its targets: the frontier, the keep nodes, the numbers of the runs made ahead. */
  private final Map<List<Integer>, Ahead> ahead = new HashMap<>();
  private final AtomicLong aheadRuns = new AtomicLong();

  private record Ahead(Set<Integer> frontier, List<Integer> keep, java.util.ArrayDeque<Long> ready) {}

  /** A session whose op set has the ring kernels only; protocols install theirs in {@link #kernels()}. */
  public Session(Graph graph, Runtime runtime) {
    this(graph, runtime, new Kernels());
  }

  /** A session over {@code graph} that runs with {@code runtime} and the op set {@code kernels}. */
  public Session(Graph graph, Runtime runtime, Kernels kernels) {
    this.graph = graph;
    this.kernels = kernels;
    this.runtime = runtime;
    runtime.useKernels(kernels);
  }

  /** This session's op set: install a protocol's op module here. */
  public Kernels kernels() {
    return kernels;
  }

  public Graph graph() {
    return graph;
  }

  public Ops ops() {
    return new Ops(graph);
  }

  public Runtime runtime() {
    return runtime;
  }

  /** Switches runtime (e.g. to party processes); variables must be initialised again there. */
  public synchronized void setRuntime(Runtime r, List<Integer> initialisersToRerun) {
    r.useKernels(kernels);
    this.runtime = r;
    graph.restoreInitialisers(initialisersToRerun);
  }

  /**
   * Switches to runtime {@code r} and closes the previous one. Every initialiser that already ran
   * runs again, on the new runtime's parties, before the next run: variables live in the parties.
   */
  public synchronized void setRuntime(Runtime r) {
    Runtime old = this.runtime;
    r.useKernels(kernels);
    this.runtime = r;
    graph.restoreInitialisers(new ArrayList<>(ranInitialisers));
    ranInitialisers.clear();
    planCache.clear();
    ahead.values().forEach(a -> a.ready().clear()); // the new runtime's parties hold none
    if (old != r) {
      old.close();
    }
  }

  /** A value for input {@code key} that is given to {@code party}, and no one else, on every run. */
  public synchronized void provide(String party, String key, RingTensor value) {
    provided.computeIfAbsent(party, k -> new HashMap<>()).put(key, value);
  }

  /** The result of a run: outputs by key, the party that received each, and the profile. */
  public record Result(Map<String, RingTensor> outputs, Map<String, String> receivers, Profile profile) {
    public RingTensor get(String key) {
      RingTensor v = outputs.get(key);
      if (v == null) {
        throw new IllegalArgumentException("no output '" + key + "' in this run; outputs: " + outputs.keySet());
      }
      return v;
    }
  }

  /** Runs the output nodes (and variable updates, see {@link Ops#varAssign}) {@code outputs} with extra per-run {@code feeds} (party to key to value). */
  public synchronized Result run(List<NodeRef> outputs, Map<String, Map<String, RingTensor>> feeds) {
    initialise(feeds);
    List<Integer> targets = targets(outputs);
    Ahead a = ahead.get(targets);
    if (a != null && !a.ready().isEmpty()) {
      return execute(targets, feeds, a.frontier(), a.ready().removeFirst());
    }
    return execute(targets, feeds);
  }

  /**
   * Runs the offline part of the run of {@code outputs} {@code count} times ahead of its inputs
   * ({@link dev.tfe.graph.Preprocessing}): each party keeps what it computed or received; each of
   * the next {@code count} runs of {@code outputs} on this runtime uses one such set, in order,
   * and computes and sends only its online part. Returns the profile of the preprocessing runs.
   */
  public synchronized Profile preprocess(List<NodeRef> outputs, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("preprocess at least one run, got " + count);
    }
    initialise(Map.of());
    List<Integer> targets = targets(outputs);
    Ahead a = ahead.computeIfAbsent(targets, t -> {
      Set<Integer> f = dev.tfe.graph.Preprocessing.frontier(graph, t);
      return new Ahead(f, dev.tfe.graph.Preprocessing.keepNodes(graph, f), new java.util.ArrayDeque<>());
    });
    List<Profile> profiles = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long seq = aheadRuns.incrementAndGet();
      if (!a.keep().isEmpty()) {
        profiles.add(execute(a.keep(), Map.of(), Set.of(), seq).profile());
      }
      a.ready().addLast(seq);
    }
    return profiles.isEmpty() ? null : Profile.combine(profiles);
  }

  /** How many runs of {@code outputs} are preprocessed and not yet used. */
  public synchronized int preprocessed(List<NodeRef> outputs) {
    Ahead a = ahead.get(targets(outputs));
    return a == null ? 0 : a.ready().size();
  }

  private void initialise(Map<String, Map<String, RingTensor>> feeds) {
    List<Integer> init = graph.takePendingInitialisers();
    if (!init.isEmpty()) {
      try {
        lastInitProfile = execute(init, feeds).profile();
        ranInitialisers.addAll(init);
      } catch (RuntimeException e) {
        graph.restoreInitialisers(init);
        throw e;
      }
    }
  }

  private List<Integer> targets(List<NodeRef> outputs) {
    List<Integer> targets = new ArrayList<>();
    for (NodeRef r : outputs) {
      Node n = graph.node(r.id());
      if (!n.op().equals(Ops.OUTPUT) && !n.op().equals(Ops.VAR_WRITE)) {
        throw new IllegalArgumentException("node " + n + " is not an output (nor a variable update); define an output with defineOutput");
      }
      targets.add(r.id());
    }
    return List.copyOf(targets);
  }

  /** The profile of the last initialisation run, or null. */
  public synchronized Profile lastInitProfile() {
    return lastInitProfile;
  }

  private Result execute(List<Integer> targets, Map<String, Map<String, RingTensor>> feeds) {
    return execute(targets, feeds, Set.of(), 0);
  }

  /**
   * Runs the plans of {@code targets}, taking the nodes {@code taken} from the parties'
   * preprocessed values; {@code seq}, when not 0, numbers the preprocessed set kept or taken.
   */
  private Result execute(List<Integer> targets, Map<String, Map<String, RingTensor>> feeds, Set<Integer> taken, long seq) {
    List<String> modules = kernels.moduleIds();
    Map<String, Plan> plans = planCache.computeIfAbsent(List.of(List.copyOf(targets), modules, taken.isEmpty()),
        t -> Planner.plan(graph, targets, modules, taken));
    Map<String, Map<String, RingTensor>> all = new HashMap<>();
    for (String p : plans.keySet()) {
      Map<String, RingTensor> f = new HashMap<>(provided.getOrDefault(p, Map.of()));
      f.putAll(feeds.getOrDefault(p, Map.of()));
      if (seq != 0) {
        f.put(Ops.PRE_SEQ_FEED, RingTensor.of(new long[] {seq}, 1));
      }
      all.put(p, f);
    }
    for (String p : feeds.keySet()) {
      if (!graph.parties().contains(p)) {
        throw new IllegalArgumentException("feeds name unknown party '" + p + "'; parties: " + graph.parties());
      }
    }
    Runtime.Outcome out = runtime.run(runs.incrementAndGet(), plans, all);
    Map<String, RingTensor> values = new LinkedHashMap<>();
    Map<String, String> receivers = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, RingTensor>> e : out.outputs().entrySet()) {
      for (Map.Entry<String, RingTensor> o : e.getValue().entrySet()) {
        values.put(o.getKey(), o.getValue());
        receivers.put(o.getKey(), e.getKey());
      }
    }
    return new Result(values, receivers, new Profile(runtime.name(), out.wallNanos(), rounds(plans), out.stats()));
  }

  /** Steps in which at least one party sends: the rounds of the run. */
  static int rounds(Map<String, Plan> plans) {
    Set<Integer> levels = new TreeSet<>();
    for (Plan p : plans.values()) {
      for (Plan.Step s : p.steps()) {
        if (!s.sends().isEmpty()) {
          levels.add(s.index());
        }
      }
    }
    return levels.size();
  }

  @Override
  public void close() {
    runtime.close();
  }
}
