package dev.tfe.launcher.party;

import dev.tfe.launcher.config.Credentials;
import dev.tfe.launcher.config.Hostmap;
import dev.tfe.launcher.code.CodeKey;
import dev.tfe.launcher.code.CodeReceiver;
import dev.tfe.launcher.net.Header;
import dev.tfe.launcher.net.Header.Kind;
import dev.tfe.launcher.net.Inbox;
import dev.tfe.launcher.net.Payloads;
import dev.tfe.launcher.net.RoundTrace;
import dev.tfe.launcher.net.WireLimits;
import dev.tfe.launcher.net.ZmqNode;
import java.time.Duration;
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
 * <p>It obeys one coordinator at a time: the one whose greeting it accepted, known by the
 * identity of its authenticated connection. Control messages (greeting, run, abort, end of
 * session, detach, stop) from any other sender, be it another party, a token holder speaking
 * under a party's name, or a second coordinator, are ignored and logged; a second coordinator's
 * greeting is answered with an error naming the one in charge. A coordinator that detaches, or
 * stays silent for the coordinator timeout, is dropped with all its sessions, and the next one
 * starts from a clean state (its run ids may start again at 1).
 *
 * <p>It exits when its coordinator tells it to stop and, if {@code exitWhenOrphaned} (a local
 * launcher's parties), when its coordinator falls silent; a local launcher's parties also exit
 * as soon as the launcher's process ends, so no party outlives its coordinator.
 */
public final class PartyServer implements AutoCloseable {
  private record Message(Header header, byte[] payload) {}

  private final String name;
  private final Hostmap hostmap;
  private final PartyLog log;
  private final Duration coordinatorTimeout;
  private final boolean exitWhenOrphaned;
  private final Inbox inbox = new Inbox();
  private final BlockingQueue<Message> control = new LinkedBlockingQueue<>();
  private final Set<String> peersSeen = ConcurrentHashMap.newKeySet();
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "tfe-exec");
    t.setDaemon(true);
    return t;
  });
  private final ZmqNode node;
  private final Sessions sessions;
  private volatile long lastCoordinator;
  private volatile String coordinator;
  private volatile String coordinatorInfo;
  private volatile String status = "waiting for a coordinator";

  public PartyServer(Hostmap hostmap, Credentials creds, Duration coordinatorTimeout, PartyLog log) {
    this(hostmap, creds, coordinatorTimeout, true, log);
  }

  /**
   * @param exitWhenOrphaned exit (code 3) when the coordinator falls silent, instead of
   *     dropping it and waiting for the next one
   */
  public PartyServer(Hostmap hostmap, Credentials creds, Duration coordinatorTimeout, boolean exitWhenOrphaned,
      PartyLog log) {
    this(hostmap, creds, coordinatorTimeout, exitWhenOrphaned, null, log);
  }

  /**
   * @param codeKey the secret of the launcher that started this process, with which it seals the
   *     op modules it sends (see {@link CodeReceiver}); null: accept no code
   */
  public PartyServer(Hostmap hostmap, Credentials creds, Duration coordinatorTimeout, boolean exitWhenOrphaned,
      CodeKey codeKey, PartyLog log) {
    this.name = creds.node();
    this.hostmap = hostmap;
    this.log = log;
    this.coordinatorTimeout = coordinatorTimeout;
    this.exitWhenOrphaned = exitWhenOrphaned;
    if (!hostmap.processParties().contains(name)) {
      throw new IllegalArgumentException("party '" + name + "' has no address in the hostmap; parties with one: "
          + hostmap.processParties());
    }
    this.node = new ZmqNode(hostmap, creds, inbox, this::onMessage, log::log, WireLimits.fromEnvironment(), reason -> {
      log.log("exiting with code 6: " + reason);
      Runtime.getRuntime().halt(6); // a deaf party must not live on
    });
    RoundTrace trace = RoundTrace.fromProperty(name);
    if (trace != null) {
      node.trace(trace);
    }
    this.sessions = new Sessions(name, node, inbox, log, new CodeReceiver(name, codeKey), trace);
    log.log("listening on " + hostmap.entry(name).address() + (hostmap.encrypted() ? " with " + hostmap.protection() : " unencrypted (PLAIN token)")
        + "; peers " + hostmap.processParties() + "; pid " + ProcessHandle.current().pid()
        + (codeKey == null ? "" : "; accepts op modules sealed by the launcher that started it"));
  }

  /**
   * Runs on the thread that drained the sockets: answers heartbeats at once, hands a run straight
   * to the executor thread (one thread hand-off less per run), queues the rest. The node has
   * checked that a sender {@code coordinator@...} is the identity of its authenticated connection.
   */
  private void onMessage(Header h, byte[] payload) {
    String from = h.from();
    boolean byCoordinator = from.startsWith(ZmqNode.COORDINATOR_PREFIX);
    boolean current = byCoordinator && from.equals(coordinator);
    if (current) {
      lastCoordinator = System.nanoTime();
    }
    switch (h.kind()) {
      case PING -> {
        if (byCoordinator) {
          node.send(reply(Kind.PONG, h, from), Payloads.text(current || coordinator == null ? status : busy()));
        } else {
          ignore(h, "heartbeats come from the coordinator");
        }
      }
      case PEER_PING -> {
        if (isPeer(from)) {
          node.send(reply(Kind.PEER_PONG, h, from), new byte[0]);
        }
      }
      case PEER_PONG -> {
        if (isPeer(from)) {
          peersSeen.add(from);
        }
      }
      case ABORT -> {
        if (current) {
          log.log("run " + h.run() + " aborted: " + Payloads.text(payload));
          inbox.abort(h.run(), Payloads.text(payload));
        } else {
          ignore(h, orders());
        }
      }
      case RUN -> {
        if (current) {
          long ordered = System.nanoTime();
          executor.submit(() -> sessions.run(h, payload, ordered));
        } else {
          ignore(h, orders());
          if (byCoordinator) {
            node.send(reply(Kind.FAILED, h, from), Payloads.text(coordinator == null
                ? name + " serves no coordinator now (it dropped this one, or was restarted); connect again" : busy()));
          }
        }
      }
      case CODE -> {
        if (current) {
          executor.submit(() -> sessions.code(h, payload)); // in order, before the run that needs it
        } else {
          ignore(h, orders());
        }
      }
      case HELLO, STOP, END_SESSION, DETACH -> {
        if (byCoordinator) {
          control.add(new Message(h, payload));
        } else {
          ignore(h, orders());
        }
      }
      default -> ignore(h, "a party process expects no " + h.kind() + " message");
    }
  }

  private boolean isPeer(String party) {
    return !party.equals(name) && hostmap.processParties().contains(party);
  }

  private String orders() {
    String c = coordinatorInfo;
    return "only the coordinator this party serves gives orders" + (c == null ? " (none yet)" : " (" + c + ")");
  }

  private String busy() {
    return name + " already serves another coordinator (" + coordinatorInfo + "); close that one first (Cluster.close(),"
        + " or the end of its program), or wait: a party drops a coordinator that has been silent for "
        + coordinatorTimeout.toSeconds() + " s";
  }

  private void ignore(Header h, String why) {
    log.log("ignored " + h.kind() + " from " + h.from() + ": " + why);
  }

  private Header reply(Kind kind, Header h, String to) {
    return new Header(kind, h.session(), h.run(), 0, name, to);
  }

  /** Serves until told to stop or, if so configured, orphaned; returns the process exit code. */
  public int serve() throws InterruptedException {
    while (true) {
      Message m = control.poll(200, TimeUnit.MILLISECONDS);
      String c = coordinator;
      if (c != null && System.nanoTime() - lastCoordinator > coordinatorTimeout.toNanos()) {
        String what = "lost the coordinator (" + coordinatorInfo + "): no message for " + coordinatorTimeout.toSeconds() + " s";
        if (exitWhenOrphaned) {
          log.log(what + "; exiting");
          return 3;
        }
        detach(what);
      }
      if (m == null) {
        continue;
      }
      Header h = m.header();
      boolean current = h.from().equals(coordinator);
      switch (h.kind()) {
        case HELLO -> hello(h, m.payload());
        case END_SESSION -> {
          if (current) {
            sessions.end(h.session());
            log.log("session " + h.session() + " ended; its state is dropped");
          } else {
            ignore(h, orders());
          }
        }
        case DETACH -> {
          if (current) {
            detach("the coordinator (" + coordinatorInfo + ") detached: " + Payloads.text(m.payload()));
          } else {
            ignore(h, orders());
          }
        }
        case STOP -> {
          if (current) {
            log.log("stopping: " + Payloads.text(m.payload()));
            return 0;
          }
          ignore(h, orders());
        }
        default -> ignore(h, orders());
      }
    }
  }

  /** Drops the coordinator and everything of its sessions. */
  private void detach(String why) {
    coordinator = null;
    coordinatorInfo = null;
    forgetSessions();
    status = "waiting for a coordinator";
    log.log(why + "; its sessions are dropped; waiting for a new coordinator");
  }

  private void forgetSessions() {
    sessions.clear();
  }

  /**
   * A coordinator's greeting: refused with an error naming the one in charge if another one is
   * attached and alive; else this coordinator is attached (a new one starts from a clean state),
   * every peer is checked, and the coordinator is told READY or why not.
   */
  private void hello(Header h, byte[] payload) {
    String from = h.from();
    String[] text = Payloads.text(payload).split("\n", 2);
    long timeoutMillis = parseMillis(text[0], 30_000);
    String info = text.length > 1 && !text[1].isBlank() ? text[1].trim() : from;
    String c = coordinator;
    if (c != null && !c.equals(from)) {
      long silentMillis = (System.nanoTime() - lastCoordinator) / 1_000_000;
      if (silentMillis < coordinatorTimeout.toMillis()) {
        String why = busy();
        node.send(new Header(Kind.FAILED, h.session(), 0, 0, name, from), Payloads.text(why));
        log.log("refused a second coordinator (" + info + "); the one in charge was heard " + silentMillis + " ms ago");
        return;
      }
      detach("coordinator (" + coordinatorInfo + ") silent for " + silentMillis + " ms; " + info + " takes over");
    }
    if (!from.equals(coordinator)) {
      forgetSessions();
      node.route(Hostmap.COORDINATOR, from);
      coordinatorInfo = info;
      coordinator = from;
      log.log("coordinator attached (" + info + "); checking peers");
    }
    lastCoordinator = System.nanoTime();
    PeerCheck.Result r = new PeerCheck(name, hostmap, node, peersSeen, s -> status = s)
        .run(Math.max(timeoutMillis / 2, timeoutMillis - 1000));
    if (r.ok()) {
      status = "ready";
      node.send(reply(Kind.READY, h, from), Payloads.text(Long.toString(ProcessHandle.current().pid())));
      log.log("ready: every peer answered");
    } else {
      status = r.message();
      node.send(reply(Kind.FAILED, h, from), Payloads.text(r.message()));
      log.log(r.message());
    }
  }

  private static long parseMillis(String s, long fallback) {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
    inbox.close("party " + name + " is shutting down");
    node.close();
  }
}
