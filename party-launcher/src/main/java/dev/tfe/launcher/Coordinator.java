package dev.tfe.launcher;

import dev.tfe.graph.Plan;
import dev.tfe.graph.PlanCodec;
import dev.tfe.launcher.code.CodeKey;
import dev.tfe.launcher.code.CodeShipper;
import dev.tfe.launcher.config.Credentials;
import dev.tfe.launcher.config.Hostmap;
import dev.tfe.launcher.net.Header;
import dev.tfe.launcher.net.Header.Kind;
import dev.tfe.launcher.net.Inbox;
import dev.tfe.launcher.net.Payloads;
import dev.tfe.launcher.net.ZmqNode;
import dev.tfe.launcher.net.ZmqTransport;
import dev.tfe.profile.PartyRunStats;
import dev.tfe.ring.RingTensor;
import dev.tfe.api.BuiltInModules;
import dev.tfe.runtime.Kernels;
import dev.tfe.runtime.PartyState;
import dev.tfe.runtime.PlanExecutor;
import dev.tfe.runtime.RunFailedException;
import dev.tfe.runtime.Runtime.Outcome;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The coordinator's side of a cluster of party processes: it greets every process and waits
 * for all to be ready, sends each process its plan and the values fed to it alone, runs the
 * parties it hosts itself (input and output parties such as a prediction client) in threads,
 * and collects statistics. It sends heartbeats and notices a silent or dead party: the run
 * fails at once with an error that names the party, and the cluster is stopped.
 */
public final class Coordinator implements AutoCloseable {
  private enum EventKind {
    READY,
    DONE,
    FAILED,
    LOST
  }

  private record Event(EventKind kind, String party, PartyRunStats stats, String message) {}

  private final Hostmap hostmap;
  private final Set<String> parties;
  private final Inbox inbox = new Inbox();
  private final ZmqNode node;
  private final Consumer<String> log;
  private final Function<String, String> diagnostics;
  private final Duration deadAfter;
  private final Map<String, Long> lastHeard = new ConcurrentHashMap<>();
  private final Map<String, Long> pids = new ConcurrentHashMap<>();
  private final Map<String, String> statuses = new ConcurrentHashMap<>();
  private final Set<Long> sessionIds = ConcurrentHashMap.newKeySet();
  private final SecureRandom random = new SecureRandom();
  private final String self;
  private final BlockingQueue<Event> handshake = new LinkedBlockingQueue<>();
  private final AtomicLong runs = new AtomicLong();
  private final AtomicInteger planCounter = new AtomicInteger();
  private final Map<Long, Map<Plan, Integer>> planIds = new ConcurrentHashMap<>();
  private final ScheduledExecutorService heart;
  private final ExecutorService local = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "tfe-coordinator-party");
    t.setDaemon(true);
    return t;
  });
  private volatile BlockingQueue<Event> current;
  private volatile long currentRun;
  private volatile String failure;
  private volatile String failedParty;
  private volatile Consumer<String> onLost = p -> {};
  private volatile boolean closed;
  private volatile boolean ready;
  private final Object failureLock = new Object();
  private final CodeShipper code = new CodeShipper();

  /**
   * Opens the coordinator's endpoint; call {@link #handshake} next.
   *
   * @param diagnostics gives a party's last log lines (or "") for error messages
   * @param deadAfter how long a party may stay silent before it is declared lost
   */
  public Coordinator(Hostmap hostmap, Credentials creds, Function<String, String> diagnostics, Duration deadAfter,
      Consumer<String> log) {
    this.hostmap = hostmap;
    this.parties = hostmap.processParties();
    this.diagnostics = diagnostics;
    this.deadAfter = deadAfter;
    this.log = log;
    this.node = new ZmqNode(hostmap, creds, inbox, this::onMessage, log);
    this.self = node.identity();
    this.heart = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "tfe-heartbeat");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Seals the op modules that the party processes' build lacks with {@code key} and sends them
   * before the runs that need them (see {@code dev.tfe.launcher.code}); only the launcher that
   * started the parties holds their key. Null (the default): send no code.
   */
  public void shipCodeWith(CodeKey key) {
    code.useKey(key);
  }

  /** Called with the name of a party once it is declared lost (after the run is failed). */
  public void onLost(Consumer<String> callback) {
    this.onLost = callback;
  }

  public Set<String> parties() {
    return parties;
  }

  public Hostmap hostmap() {
    return hostmap;
  }

  /** Process ids the parties reported at the handshake. */
  public Map<String, Long> pids() {
    return Map.copyOf(pids);
  }

  /**
   * A new session id: each runtime attached to this cluster keeps its own party state. Random
   * and 64 bits wide, so sessions of different coordinators never collide.
   */
  public long newSession() {
    while (true) {
      long id = random.nextLong();
      if (id != 0 && sessionIds.add(id)) {
        return id;
      }
    }
  }

  /**
   * This coordinator's identity on its connections, {@code coordinator@<random>}: the parties
   * serve one at a time and name the one in charge when a second one greets them.
   */
  public String identity() {
    return self;
  }

  /** The failure that stopped this cluster, or null. */
  public String failure() {
    return failure;
  }

  private void onMessage(Header h, byte[] payload) {
    lastHeard.put(h.from(), System.nanoTime());
    switch (h.kind()) {
      case READY -> {
        try {
          pids.put(h.from(), Long.parseLong(Payloads.text(payload)));
        } catch (NumberFormatException ignored) {
          // an older party: no pid
        }
        handshake.add(new Event(EventKind.READY, h.from(), null, null));
      }
      case FAILED -> {
        Event e = new Event(EventKind.FAILED, h.from(), null, Payloads.text(payload));
        if (h.run() == 0) {
          handshake.add(e);
        } else {
          offer(h.run(), e);
        }
      }
      case RESULT -> offer(h.run(), new Event(EventKind.DONE, h.from(), Payloads.stats(payload), null));
      case PONG -> {
        String status = Payloads.text(payload);
        if (!status.isEmpty()) {
          statuses.put(h.from(), status);
        }
      }
      default -> log.accept("coordinator ignored " + h.kind() + " from " + h.from());
    }
  }

  private void offer(long run, Event e) {
    BlockingQueue<Event> q = current;
    if (q != null && run == currentRun) {
      q.add(e);
    }
  }

  /**
   * Greets every party process and waits until each has checked its peers and answered. Heartbeats
   * go out from the start, so a party that waits for a late peer does not take the coordinator
   * for lost; the parties are told how long this coordinator waits, and wait as long.
   *
   * @throws IllegalStateException naming each party that is not ready and why: its own report
   *     (for instance which peer it cannot reach, or that it serves another coordinator), or
   *     that it did not answer at all, with its address and last log lines
   */
  public void handshake(Duration timeout) {
    heart.scheduleAtFixedRate(this::beat, 0, 250, TimeUnit.MILLISECONDS);
    String hello = timeout.toMillis() + "\n" + self + ": " + describeSelf();
    for (String p : parties) {
      node.send(new Header(Kind.HELLO, 0, 0, 0, self, p), Payloads.text(hello));
    }
    Set<String> waiting = new TreeSet<>(parties);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!waiting.isEmpty()) {
      Event e;
      try {
        e = handshake.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the parties to be ready");
      }
      if (e == null) {
        throw new IllegalStateException("party processes not ready after " + timeout.toSeconds() + " s:"
            + HandshakeReport.describe(hostmap, waiting, statuses, diagnostics));
      }
      switch (e.kind()) {
        case READY -> waiting.remove(e.party());
        case FAILED -> throw new IllegalStateException("party " + e.party() + " is not ready: " + e.message()
            + quote(diagnostics.apply(e.party())) + HandshakeReport.silent(waiting, statuses, e.party()));
        case LOST -> throw new IllegalStateException("party " + e.party() + " " + e.message());
        default -> { }
      }
    }
    long now = System.nanoTime();
    parties.forEach(p -> lastHeard.put(p, now));
    ready = true;
  }

  private static String describeSelf() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "?";
    }
    return "coordinator pid " + ProcessHandle.current().pid() + " on " + host + ", attached at "
        + java.time.LocalTime.now().withNano(0);
  }

  private void beat() {
    if (closed || failure != null) {
      return;
    }
    long now = System.nanoTime();
    for (String p : parties) {
      node.send(new Header(Kind.PING, 0, 0, 0, self, p), new byte[0]);
      Long last = lastHeard.get(p);
      if (ready && last != null && now - last > deadAfter.toNanos()) {
        partyLost(p, "has been silent for " + deadAfter.toSeconds() + " s (no heartbeat): it is dead, hung or unreachable");
        return;
      }
    }
  }

  /**
   * Declares {@code party} lost: the running computation fails at once with {@code what} and the
   * party's last log lines, and no later run is accepted.
   */
  public void partyLost(String party, String what) {
    synchronized (failureLock) {
      if (failure != null) {
        return;
      }
      failedParty = party;
      failure = "party " + party + " " + what + quote(diagnostics.apply(party));
    }
    log.accept(failure);
    Event e = new Event(EventKind.LOST, party, null, failure);
    handshake.add(e);
    offer(currentRun, e);
    inbox.abort(currentRun, "party " + party + " is lost");
    onLost.accept(party);
  }

  static String quote(String lines) {
    if (lines == null || lines.isBlank()) {
      return "";
    }
    StringBuilder sb = new StringBuilder("\n  last lines of its log:");
    for (String l : lines.split("\n")) {
      sb.append("\n    | ").append(l);
    }
    return sb.toString();
  }

  /**
   * Runs one set of plans: process parties get their plan (sent once per session) and their
   * feeds; the other parties run here. Returns the outputs of the parties hosted here.
   */
  public Outcome run(long session, Map<String, Plan> plans, Map<String, Map<String, RingTensor>> feeds,
      Map<String, PartyState> states, Duration receiveTimeout) {
    return run(session, plans, feeds, states, receiveTimeout, null);
  }

  /**
   * Runs one set of plans with the session's op set {@code kernels} (null: the built-in modules):
   * the parties hosted here run with it, and op modules a party process's build lacks are sent
   * to it first if this coordinator launched it (see {@link #shipCodeWith}).
   */
  public synchronized Outcome run(long session, Map<String, Plan> plans, Map<String, Map<String, RingTensor>> feeds,
      Map<String, PartyState> states, Duration receiveTimeout, Kernels kernels) {
    if (failure != null) {
      throw new RunFailedException(failedParty, "the party processes were stopped after this failure: " + failure
          + "\nstart new ones (tfe.launchLocal())", null);
    }
    long run = runs.incrementAndGet();
    BlockingQueue<Event> q = new LinkedBlockingQueue<>();
    currentRun = run;
    current = q;
    long start = System.nanoTime();
    Set<String> pending = new TreeSet<>(plans.keySet());
    List<PartyRunStats> stats = new ArrayList<>();
    Map<String, PartyState> used = new LinkedHashMap<>();
    Event failed = null;
    try {
      Map<Plan, Integer> ids = planIds.computeIfAbsent(session, k -> new IdentityHashMap<>());
      Map<String, List<byte[]>> sealed = new LinkedHashMap<>(); // before any order goes out: a module may not be sendable
      for (Plan plan : plans.values()) {
        if (parties.contains(plan.party())) {
          sealed.put(plan.party(), code.payloads(self, session, plan.party(), plan.modules(), kernels));
        }
      }
      for (Plan plan : plans.values()) {
        String p = plan.party();
        Map<String, RingTensor> fed = feeds.getOrDefault(p, Map.of());
        if (parties.contains(p)) {
          Integer id = ids.get(plan);
          byte[] encoded = null;
          if (id == null) {
            id = planCounter.incrementAndGet();
            ids.put(plan, id);
            encoded = PlanCodec.encode(plan);
          }
          for (byte[] module : sealed.get(p)) {
            node.send(new Header(Kind.CODE, session, run, 0, self, p), module);
          }
          node.send(new Header(Kind.RUN, session, run, 0, self, p),
              Payloads.runOrder(new Payloads.RunOrder(id, encoded, fed, receiveTimeout.toMillis())));
        } else {
          PartyState st = states.computeIfAbsent(p, PartyState::new);
          st.setFeeds(fed);
          used.put(p, st);
          local.submit(() -> {
            try {
              PartyRunStats s = new PlanExecutor(kernels != null ? kernels : BuiltInModules.kernelsFor(plan.modules())).execute(plan,
                  new ZmqTransport(node, inbox, p, session, run), st, run, receiveTimeout);
              q.add(new Event(EventKind.DONE, p, s, null));
            } catch (RuntimeException | Error e) {
              q.add(new Event(EventKind.FAILED, p, null, e.getMessage() == null ? e.toString() : e.getMessage()));
            } finally {
              inbox.receiverDone(); // the parties' results come next: the I/O thread takes them
            }
          });
        }
      }
      long failDeadline = Long.MAX_VALUE;
      while (!pending.isEmpty()) {
        long wait = failed == null ? receiveTimeout.toNanos() + TimeUnit.SECONDS.toNanos(30) : failDeadline - System.nanoTime();
        Event e = wait <= 0 ? null : q.poll(wait, TimeUnit.NANOSECONDS);
        if (e == null) {
          if (failed == null) {
            failed = new Event(EventKind.FAILED, pending.iterator().next(), null, "did not finish run " + run + " in time");
          }
          break;
        }
        switch (e.kind()) {
          case DONE -> {
            pending.remove(e.party());
            stats.add(e.stats());
          }
          case FAILED, LOST -> {
            pending.remove(e.party());
            if (failed == null) {
              failed = e;
              failDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(e.kind() == EventKind.LOST ? 1 : 5);
              abort(run, pending, "party " + e.party() + " failed");
            }
            if (e.kind() == EventKind.LOST) {
              pending.removeIf(p -> !parties.contains(p) || p.equals(e.party()));
            }
          }
          default -> { }
        }
      }
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      abort(run, pending, "the coordinator was interrupted");
      failed = new Event(EventKind.FAILED, Hostmap.COORDINATOR, null, "interrupted");
    } finally {
      current = null;
      inbox.finish(run);
      used.values().forEach(s -> s.setFeeds(Map.of()));
    }
    long wall = System.nanoTime() - start;
    Map<String, Map<String, RingTensor>> outputs = new LinkedHashMap<>();
    used.forEach((p, st) -> {
      Map<String, RingTensor> o = st.takeOutputs();
      if (!o.isEmpty()) {
        outputs.put(p, o);
      }
    });
    if (failed != null) {
      String msg = failed.kind() == EventKind.LOST ? failed.message()
          : "party " + failed.party() + " failed in run " + run + ": " + failed.message()
              + (parties.contains(failed.party()) ? quote(diagnostics.apply(failed.party())) : "");
      throw new RunFailedException(failed.party(), msg, null);
    }
    return new Outcome(outputs, stats, wall);
  }

  private void abort(long run, Set<String> pending, String reason) {
    inbox.abort(run, reason);
    for (String p : pending) {
      if (parties.contains(p) && !p.equals(failedParty)) {
        node.send(new Header(Kind.ABORT, 0, run, 0, self, p), Payloads.text(reason));
      }
    }
  }

  /** Tells every party process to drop the state (variables, plans) of {@code session}. */
  public void endSession(long session) {
    planIds.remove(session);
    code.endSession(session);
    if (!closed && failure == null) {
      for (String p : parties) {
        node.send(new Header(Kind.END_SESSION, session, 0, 0, self, p), new byte[0]);
      }
    }
  }

  /** Tells every party process to exit. */
  public void stopAll(String reason) {
    tellAll(Kind.STOP, reason);
  }

  /**
   * Tells every party process that this coordinator leaves: they drop its sessions and wait for
   * the next coordinator (for parties this program did not start).
   */
  public void detachAll(String reason) {
    tellAll(Kind.DETACH, reason);
  }

  private void tellAll(Kind kind, String reason) {
    if (closed) {
      return;
    }
    for (String p : parties) {
      node.send(new Header(kind, 0, 0, 0, self, p), Payloads.text(reason));
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    heart.shutdownNow();
    local.shutdownNow();
    inbox.close("the coordinator is closed");
    node.close();
  }
}
