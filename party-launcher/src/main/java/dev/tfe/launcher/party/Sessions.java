package dev.tfe.launcher.party;

import dev.tfe.graph.Plan;
import dev.tfe.graph.PlanCodec;
import dev.tfe.launcher.code.CodeReceiver;
import dev.tfe.launcher.net.Header;
import dev.tfe.launcher.net.Header.Kind;
import dev.tfe.launcher.net.Inbox;
import dev.tfe.launcher.net.Payloads;
import dev.tfe.launcher.net.RoundTrace;
import dev.tfe.launcher.net.ZmqNode;
import dev.tfe.launcher.net.ZmqTransport;
import dev.tfe.profile.PartyRunStats;
import dev.tfe.ring.RingTensor;
import dev.tfe.api.BuiltInModules;
import dev.tfe.runtime.OpModule;
import dev.tfe.runtime.PartyState;
import dev.tfe.runtime.PlanExecutor;
import dev.tfe.runtime.StepTrace;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A party process's sessions: per coordinator session, the plans it was sent (each sent once,
 * then named by id) and its party state (variables); and the execution of run orders against
 * them, answered with statistics or the failure; and the op modules its launcher sent it for a
 * session (only if it was started to accept them, see {@link CodeReceiver}).
 */
final class Sessions {
  private final String name;
  private final ZmqNode node;
  private final Inbox inbox;
  private final PartyLog log;
  private final Map<Long, Map<Integer, Plan>> plans = new ConcurrentHashMap<>();
  private final Map<Long, PartyState> states = new ConcurrentHashMap<>();
  private final Map<Long, Map<String, OpModule>> received = new ConcurrentHashMap<>();
  private final CodeReceiver code;
  private final RoundTrace trace;

  /** @param trace where hand-off times go ({@code ./tfe bench trace}), or null */
  Sessions(String name, ZmqNode node, Inbox inbox, PartyLog log, CodeReceiver code, RoundTrace trace) {
    this.trace = trace;
    this.name = name;
    this.node = node;
    this.inbox = inbox;
    this.log = log;
    this.code = code;
  }

  /**
   * Accepts the op module of a CODE message of the coordinator that sent {@code h}, for its
   * session; a refusal fails the run that follows it, with the reason.
   */
  void code(Header h, byte[] payload) {
    try {
      OpModule m = code.accept(h.from(), h.session(), payload);
      OpModule old = received.computeIfAbsent(h.session(), k -> new ConcurrentHashMap<>()).put(m.id(), m);
      log.log((old == null ? "accepted" : "accepted a new definition of") + " op module '" + m.id() + "' ("
          + m.getClass().getName() + ") from the launcher that started this party");
    } catch (RuntimeException | LinkageError e) {
      String msg = e.getMessage() == null ? e.toString() : e.getMessage();
      log.log(msg);
      node.send(new Header(Kind.FAILED, h.session(), h.run(), 0, name, h.from()), Payloads.text(msg));
    }
  }

  /** Drops one session's plans and state. */
  void end(long session) {
    states.remove(session);
    plans.remove(session);
    received.remove(session);
  }

  /** Drops every session and forgets every run: the next coordinator starts afresh. */
  void clear() {
    inbox.reset();
    states.clear();
    plans.clear();
    received.clear();
  }

  /**
   * Executes one run order of the coordinator that sent {@code h}, and answers it.
   *
   * @param ordered when the order was taken off the socket ({@link System#nanoTime})
   */
  void run(Header h, byte[] payload, long ordered) {
    long run = h.run();
    long started = System.nanoTime();
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
        long executing = System.nanoTime();
        PartyRunStats stats = new PlanExecutor(BuiltInModules.kernelsFor(plan.modules(),
            received.getOrDefault(h.session(), Map.of()))).execute(plan,
            new ZmqTransport(node, inbox, name, h.session(), run), state, run, Duration.ofMillis(o.timeoutMillis()),
            trace == null ? StepTrace.NONE : trace.forRun(run));
        long executed = System.nanoTime();
        for (Map.Entry<String, RingTensor> out : state.takeOutputs().entrySet()) {
          log.log("received output '" + out.getKey() + "' " + Arrays.toString(out.getValue().shape()) + "; it stays here");
        }
        node.send(new Header(Kind.RESULT, h.session(), h.run(), 0, name, h.from()), Payloads.stats(stats));
        if (trace != null) {
          trace.record("order", run, 0, h.from(), name, ordered, started, executing);
          trace.record("result", run, 0, name, h.from(), executed, System.nanoTime(), 0);
        }
        log.log("run " + run + " done in " + String.format("%.1f ms", stats.wallNanos() / 1e6) + ", " + stats.rounds()
            + " rounds, " + stats.bytesSent() + " bytes sent");
      } finally {
        state.setFeeds(Map.of());
      }
    } catch (RuntimeException | Error e) {
      String msg = e.getMessage() == null ? e.toString() : e.getMessage();
      log.log("run " + run + " failed: " + msg);
      node.send(new Header(Kind.FAILED, h.session(), h.run(), 0, name, h.from()), Payloads.text(msg));
    } finally {
      inbox.finish(run);
      if (trace != null) {
        trace.flush();
      }
    }
  }
}
