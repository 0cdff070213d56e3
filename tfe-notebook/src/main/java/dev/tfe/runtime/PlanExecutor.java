package dev.tfe.runtime;

import dev.tfe.graph.Node;
import dev.tfe.graph.OpIdentity;
import dev.tfe.graph.Ops;
import dev.tfe.graph.Plan;
import dev.tfe.graph.ValueKind;
import dev.tfe.profile.PartyRunStats;
import dev.tfe.profile.Span;
import dev.tfe.ring.RingTensor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Executes one party's {@link Plan} over a {@link Transport}: per step, receive one batch from
 * each peer, compute the step's nodes in id order, send one batch to each peer. Records time,
 * bytes and rounds per protocol op, and what the party saw: each value received, by the
 * {@link ValueKind} its reader declares, and each input fed to it. The same executor runs in a
 * party thread and in a party process.
 */
public final class PlanExecutor {
  private final Kernels kernels;

  public PlanExecutor(Kernels kernels) {
    this.kernels = kernels;
  }

  /** Runs the plan; returns this party's statistics. Outputs are delivered to {@code state}. */
  public PartyRunStats execute(Plan plan, Transport transport, PartyState state, long run, Duration timeout) {
    return execute(plan, transport, state, run, timeout, StepTrace.NONE);
  }

  /** Runs the plan as above, and reports the time of every hand-off to {@code trace}. */
  public PartyRunStats execute(Plan plan, Transport transport, PartyState state, long run, Duration timeout,
      StepTrace trace) {
    boolean tracing = trace.enabled();
    PartyRunStats stats = new PartyRunStats(plan.party());
    Map<Integer, RingTensor> values = new HashMap<>();
    Map<Integer, OpIdentity> consumerScope = consumerScopes(plan);
    Map<Integer, ValueKind> receivedKinds = receivedKinds(plan);
    Map<Integer, Integer> remaining = lastUses(plan);
    long start = System.nanoTime();
    for (Plan.Step step : plan.steps()) {
      for (Map.Entry<String, int[]> r : step.receives().entrySet()) {
        long t0 = System.nanoTime();
        byte[] bytes = transport.receive(r.getKey(), timeout);
        long waited = System.nanoTime() - t0;
        MessageCodec.Batch batch = MessageCodec.decode(bytes);
        if (tracing) {
          trace.received(step.index(), r.getKey(), t0, t0 + waited, System.nanoTime());
        }
        if (batch.run() != run || batch.step() != step.index() - 1 || !batch.sender().equals(r.getKey())) {
          throw new IllegalStateException(plan.party() + " expected run " + run + " step " + (step.index() - 1)
              + " from " + r.getKey() + " but got run " + batch.run() + " step " + batch.step() + " from "
              + batch.sender() + "; the parties are out of step");
        }
        if (batch.entries().size() != r.getValue().length) {
          throw new IllegalStateException(plan.party() + " expected " + r.getValue().length + " values from "
              + r.getKey() + " but got " + batch.entries().size());
        }
        stats.addSpan(Span.Phase.WAIT, r.getKey(), run, batch.step(), t0, t0 + waited, bytes.length);
        java.util.EnumSet<ValueKind> kinds = java.util.EnumSet.noneOf(ValueKind.class);
        for (MessageCodec.Entry e : batch.entries()) {
          values.put(e.nodeId(), e.value());
          OpIdentity scope = consumerScope.getOrDefault(e.nodeId(), OpIdentity.NONE);
          long payload = (long) e.width() * e.value().size();
          stats.addReceived(scope, payload);
          stats.addWait(scope, waited / batch.entries().size());
          ValueKind kind = receivedKinds.getOrDefault(e.nodeId(), ValueKind.UNDECLARED);
          stats.addSeen(kind, r.getKey(), 1, kinds.add(kind) ? 1 : 0, payload);
        }
      }
      long computeStart = System.nanoTime();
      for (int id : step.compute()) {
        Node n = plan.nodes().get(id);
        RingTensor[] in = new RingTensor[n.inputCount()];
        for (int i = 0; i < in.length; i++) {
          in[i] = values.get(n.input(i));
          if (in[i] == null) {
            throw new IllegalStateException(plan.party() + ": value #" + n.input(i) + " for " + n + " is missing");
          }
        }
        long t0 = System.nanoTime();
        RingTensor out;
        try {
          out = kernels.apply(n, in, state);
        } catch (RuntimeException e) {
          throw new IllegalStateException(plan.party() + " failed computing " + n.op() + " in " + n.identity() + ": " + e.getMessage(), e);
        }
        stats.addCompute(n.identity(), System.nanoTime() - t0);
        if (n.op().equals(Ops.INPUT)) {
          stats.addSeen(ValueKind.INPUT, dev.tfe.profile.SeenStats.CALLER, 1, 0, (long) n.wireBytes() * out.size());
        }
        values.put(id, out);
        for (int i = 0; i < in.length; i++) {
          release(values, remaining, n.input(i));
        }
      }
      long computeEnd = System.nanoTime();
      if (step.compute().length > 0) {
        stats.addSpan(Span.Phase.COMPUTE, "", run, step.index(), computeStart, computeEnd, 0);
      }
      if (tracing) {
        trace.computed(step.index(), computeStart, computeEnd);
      }
      boolean sent = false;
      for (Map.Entry<String, int[]> s : step.sends().entrySet()) {
        List<MessageCodec.Entry> entries = new ArrayList<>();
        for (int id : s.getValue()) {
          Node n = plan.nodes().get(id);
          RingTensor v = values.get(id);
          entries.add(new MessageCodec.Entry(id, n.wireBytes(), v));
          stats.addSent(plan.sendIdentities().getOrDefault(id, n.identity()), (long) n.wireBytes() * v.size(), step.index());
        }
        long t0 = System.nanoTime();
        byte[] encoded = MessageCodec.encode(run, step.index(), plan.party(), entries);
        long te = tracing ? System.nanoTime() : 0;
        transport.send(s.getKey(), encoded);
        long t1 = System.nanoTime();
        long dt = t1 - t0;
        stats.addSpan(Span.Phase.SEND, s.getKey(), run, step.index(), t0, t1, encoded.length);
        if (tracing) {
          trace.encoded(step.index(), s.getKey(), t0, te);
          trace.sent(step.index(), s.getKey(), t1);
        }
        stats.addWait(plan.sendIdentities().getOrDefault(s.getValue()[0], OpIdentity.NONE), dt);
        sent = true;
        for (int id : s.getValue()) {
          release(values, remaining, id);
        }
      }
      if (sent) {
        stats.countRound();
      }
    }
    stats.setWallNanos(System.nanoTime() - start);
    return stats;
  }

  /** For each value read on this party, the identity of its first local reader. */
  private static Map<Integer, OpIdentity> consumerScopes(Plan plan) {
    Map<Integer, OpIdentity> r = new HashMap<>();
    for (Node n : plan.nodes().values()) {
      for (int in : n.inputs()) {
        r.putIfAbsent(in, n.identity());
      }
    }
    return r;
  }

  /** For each value received from a peer, the kind its first local reader declares. */
  private static Map<Integer, ValueKind> receivedKinds(Plan plan) {
    Map<Integer, ValueKind> r = new HashMap<>();
    for (Node n : plan.nodes().values()) {
      for (int in : n.inputs()) {
        if (!plan.nodes().containsKey(in)) {
          r.putIfAbsent(in, ValueKind.of(n));
        }
      }
    }
    return r;
  }

  /** Uses of each value on this party: reads by local nodes plus sends. */
  private static Map<Integer, Integer> lastUses(Plan plan) {
    Map<Integer, Integer> uses = new HashMap<>();
    for (Node n : plan.nodes().values()) {
      for (int in : n.inputs()) {
        uses.merge(in, 1, Integer::sum);
      }
    }
    for (Plan.Step s : plan.steps()) {
      for (int[] ids : s.sends().values()) {
        for (int id : ids) {
          uses.merge(id, 1, Integer::sum);
        }
      }
    }
    for (int out : plan.outputs()) {
      uses.merge(out, 1, Integer::sum);
    }
    return uses;
  }

  private static void release(Map<Integer, RingTensor> values, Map<Integer, Integer> remaining, int id) {
    Integer left = remaining.computeIfPresent(id, (k, v) -> v - 1);
    if (left != null && left <= 0) {
      values.remove(id);
    }
  }
}
