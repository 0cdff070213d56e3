package dev.tfe.launcher.party;

import dev.tfe.graph.Plan;
import dev.tfe.graph.PlanCodec;
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
import dev.tfe.runtime.PartyState;
import dev.tfe.runtime.PlanExecutor;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The party process: listens on its hostmap address, waits for a coordinator, checks that it
 * reaches every peer, then executes the plans it is sent, one run at a time, exchanging tensors
 * directly with its peers. Its variables (shares of private weights) live across runs, per
 * coordinator session. Outputs it receives stay here (they are logged, never sent on).
 *
 * <p>It exits when told to stop, when its coordinator has been silent for longer than the
 * coordinator timeout, or, if started by a local launcher, as soon as the launcher's process
 * ends, so no party outlives its coordinator.
 */
public final class PartyServer implements AutoCloseable {
  private record Message(Header header, byte[] payload) {}

  private final String name;
  private final Hostmap hostmap;
  private final PartyLog log;
  private final Duration coordinatorTimeout;
  private final Inbox inbox = new Inbox();
  private final BlockingQueue<Message> control = new LinkedBlockingQueue<>();
  private final Set<String> peersSeen = ConcurrentHashMap.newKeySet();
  private final Map<Long, Map<Integer, Plan>> plans = new ConcurrentHashMap<>();
  private final Map<Long, PartyState> states = new ConcurrentHashMap<>();
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "tfe-exec");
    t.setDaemon(true);
    return t;
  });
  private final ZmqNode node;
  private volatile long lastCoordinator;
  private volatile boolean attached;

  public PartyServer(Hostmap hostmap, Credentials creds, Duration coordinatorTimeout, PartyLog log) {
    this.name = creds.node();
    this.hostmap = hostmap;
    this.log = log;
    this.coordinatorTimeout = coordinatorTimeout;
    if (!hostmap.processParties().contains(name)) {
      throw new IllegalArgumentException("party '" + name + "' has no address in the hostmap; parties with one: "
          + hostmap.processParties());
    }
    this.node = new ZmqNode(hostmap, creds, inbox, this::onMessage, log::log);
    log.log("listening on " + hostmap.entry(name).address() + (hostmap.encrypted() ? " with CURVE" : " unencrypted (PLAIN token)")
        + "; peers " + hostmap.processParties() + "; pid " + ProcessHandle.current().pid());
  }

  /**
   * Runs on the thread that drained the sockets: answers heartbeats at once, hands a run straight
   * to the executor thread (one thread hand-off less per run), queues the rest.
   */
  private void onMessage(Header h, byte[] payload) {
    if (h.from().equals(Hostmap.COORDINATOR)) {
      lastCoordinator = System.nanoTime();
    }
    switch (h.kind()) {
      case PING -> node.send(reply(Kind.PONG, h, Hostmap.COORDINATOR), new byte[0]);
      case PEER_PING -> node.send(reply(Kind.PEER_PONG, h, h.from()), new byte[0]);
      case PEER_PONG -> peersSeen.add(h.from());
      case ABORT -> {
        log.log("run " + h.run() + " aborted: " + Payloads.text(payload));
        inbox.abort(h.run(), Payloads.text(payload));
      }
      case RUN -> executor.submit(() -> run(h, payload));
      default -> control.add(new Message(h, payload));
    }
  }

  private Header reply(Kind kind, Header h, String to) {
    return new Header(kind, h.session(), h.run(), 0, name, to);
  }

  /** Serves until told to stop or orphaned; returns the process exit code. */
  public int serve() throws InterruptedException {
    while (true) {
      Message m = control.poll(200, TimeUnit.MILLISECONDS);
      if (attached && System.nanoTime() - lastCoordinator > coordinatorTimeout.toNanos()) {
        log.log("lost the coordinator: no message for " + coordinatorTimeout.toSeconds() + " s; exiting");
        return 3;
      }
      if (m == null) {
        continue;
      }
      Header h = m.header();
      switch (h.kind()) {
        case HELLO -> hello(h, m.payload());
        case END_SESSION -> {
          states.remove(h.session());
          plans.remove(h.session());
          log.log("session " + h.session() + " ended; its state is dropped");
        }
        case STOP -> {
          log.log("stopping: " + Payloads.text(m.payload()));
          return 0;
        }
        default -> log.log("ignored unexpected " + h.kind() + " from " + h.from());
      }
    }
  }

  /** Checks every peer answers, then tells the coordinator this party is ready. */
  private void hello(Header h, byte[] payload) {
    attached = true;
    lastCoordinator = System.nanoTime();
    long timeoutMillis = parseMillis(Payloads.text(payload), 30_000);
    log.log("coordinator attached; checking peers");
    long deadline = System.currentTimeMillis() + timeoutMillis;
    Set<String> peers = new java.util.TreeSet<>(hostmap.processParties());
    peers.remove(name);
    long lastPing = 0;
    while (!peersSeen.containsAll(peers)) {
      if (System.currentTimeMillis() > deadline) {
        Set<String> missing = new java.util.TreeSet<>(peers);
        missing.removeAll(peersSeen);
        StringBuilder sb = new StringBuilder(name + " cannot reach");
        for (String p : missing) {
          sb.append(' ').append(p).append(" at ").append(hostmap.entry(p).address());
        }
        node.send(reply(Kind.FAILED, h, Hostmap.COORDINATOR), Payloads.text(sb.toString()));
        log.log(sb.toString());
        return;
      }
      if (System.currentTimeMillis() - lastPing > 500) {
        lastPing = System.currentTimeMillis();
        for (String p : peers) {
          if (!peersSeen.contains(p)) {
            node.send(new Header(Kind.PEER_PING, 0, 0, 0, name, p), new byte[0]);
          }
        }
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    node.send(reply(Kind.READY, h, Hostmap.COORDINATOR), Payloads.text(Long.toString(ProcessHandle.current().pid())));
    log.log("ready: every peer answered");
  }

  private static long parseMillis(String s, long fallback) {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private void run(Header h, byte[] payload) {
    long run = h.run();
    try {
      Payloads.RunOrder o = Payloads.runOrder(payload);
      Map<Integer, Plan> cache = plans.computeIfAbsent(h.session(), k -> new ConcurrentHashMap<>());
      Plan plan = o.plan() != null ? PlanCodec.decode(o.plan()) : cache.get(o.planId());
      if (plan == null) {
        throw new IllegalStateException("plan " + o.planId() + " of session " + h.session() + " is unknown here");
      }
      cache.put(o.planId(), plan);
      if (!plan.party().equals(name)) {
        throw new IllegalStateException("got the plan of " + plan.party() + ", but this process is " + name);
      }
      PartyState state = states.computeIfAbsent(h.session(), k -> new PartyState(name));
      state.setFeeds(o.feeds());
      log.log("run " + run + ": " + plan.nodeCount() + " nodes in " + plan.steps().size() + " steps, " + o.feeds().size()
          + " fed values");
      try {
        PartyRunStats stats = new PlanExecutor(BuiltInModules.kernelsFor(plan.modules())).execute(plan,
            new ZmqTransport(node, inbox, name, h.session(), run), state, run, Duration.ofMillis(o.timeoutMillis()));
        for (Map.Entry<String, RingTensor> out : state.takeOutputs().entrySet()) {
          log.log("received output '" + out.getKey() + "' " + Arrays.toString(out.getValue().shape()) + "; it stays here");
        }
        node.send(reply(Kind.RESULT, h, Hostmap.COORDINATOR), Payloads.stats(stats));
        log.log("run " + run + " done in " + String.format("%.1f ms", stats.wallNanos() / 1e6) + ", " + stats.rounds()
            + " rounds, " + stats.bytesSent() + " bytes sent");
      } finally {
        state.setFeeds(Map.of());
      }
    } catch (RuntimeException | Error e) {
      String msg = e.getMessage() == null ? e.toString() : e.getMessage();
      log.log("run " + run + " failed: " + msg);
      node.send(reply(Kind.FAILED, h, Hostmap.COORDINATOR), Payloads.text(msg));
    } finally {
      inbox.finish(run);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
    inbox.close("party " + name + " is shutting down");
    node.close();
  }
}
