package dev.tfe.runtime;

import dev.tfe.graph.Plan;
import dev.tfe.profile.PartyRunStats;
import dev.tfe.ring.RingTensor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * Every party as a thread of this JVM, talking over an {@link InMemoryNetwork}. Messages are
 * still encoded and counted exactly as over a real network, so profiles agree across runtimes.
 * The first party to fail aborts the network, which stops the others at once.
 */
public final class InProcessRuntime implements Runtime {
  private volatile Kernels kernels;
  private final Duration receiveTimeout;
  private final Map<String, PartyState> parties = new ConcurrentHashMap<>();
  private volatile UnaryOperator<Transport> decorator = UnaryOperator.identity();
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r);
    t.setDaemon(true);
    return t;
  });

  public InProcessRuntime() {
    this(new Kernels(), Duration.ofSeconds(120));
  }

  public InProcessRuntime(Kernels kernels, Duration receiveTimeout) {
    this.kernels = kernels;
    this.receiveTimeout = receiveTimeout;
  }

  @Override
  public void useKernels(Kernels kernels) {
    this.kernels = kernels;
  }

  /** Wraps every party's endpoint, e.g. to record what each party receives (tests, audits). */
  public void setTransportDecorator(UnaryOperator<Transport> decorator) {
    this.decorator = decorator;
  }

  /** The state of a party (its variables), created on first use. */
  public PartyState party(String name) {
    return parties.computeIfAbsent(name, PartyState::new);
  }

  @Override
  public String name() {
    return "in-process";
  }

  @Override
  public Outcome run(long runId, Map<String, Plan> plans, Map<String, Map<String, RingTensor>> feeds) {
    InMemoryNetwork net = new InMemoryNetwork(plans.keySet());
    PlanExecutor exec = new PlanExecutor(kernels);
    AtomicReference<RunFailedException> first = new AtomicReference<>();
    Map<String, Future<PartyRunStats>> futures = new LinkedHashMap<>();
    long start = System.nanoTime();
    for (Plan plan : plans.values()) {
      PartyState st = party(plan.party());
      st.setFeeds(feeds.getOrDefault(plan.party(), Map.of()));
      futures.put(plan.party(), pool.submit(() -> {
        Thread.currentThread().setName("tfe-party-" + plan.party());
        try {
          return exec.execute(plan, decorator.apply(net.endpoint(plan.party())), st, runId, receiveTimeout);
        } catch (RuntimeException | Error e) {
          if (first.compareAndSet(null, new RunFailedException(plan.party(),
              "party " + plan.party() + " failed: " + e.getMessage(), e))) {
            net.abort("party " + plan.party() + " failed: " + e.getMessage());
          }
          throw e;
        }
      }));
    }
    List<PartyRunStats> stats = new ArrayList<>();
    for (Map.Entry<String, Future<PartyRunStats>> f : futures.entrySet()) {
      try {
        stats.add(f.getValue().get());
      } catch (ExecutionException e) {
        // reported through 'first'
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        net.abort("the coordinator was interrupted");
        throw new RunFailedException(f.getKey(), "interrupted while waiting for " + f.getKey(), e);
      }
    }
    long wall = System.nanoTime() - start;
    Map<String, Map<String, RingTensor>> outputs = new LinkedHashMap<>();
    for (String p : plans.keySet()) {
      Map<String, RingTensor> o = party(p).takeOutputs();
      party(p).setFeeds(Map.of());
      if (!o.isEmpty()) {
        outputs.put(p, o);
      }
    }
    if (first.get() != null) {
      throw first.get();
    }
    return new Outcome(outputs, stats, wall);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
