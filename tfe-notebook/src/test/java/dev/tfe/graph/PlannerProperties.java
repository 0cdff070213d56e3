package dev.tfe.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.tfe.ring.RingTensor;
import dev.tfe.runtime.InProcessRuntime;
import dev.tfe.runtime.Kernels;
import dev.tfe.runtime.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the planner and the plan executor on random programs spread over up to four
 * parties: the number of communication rounds is the largest count of cross-party edges on any
 * path (computed here independently), every message a party expects is the one its peer sends
 * one step earlier, every plan survives its codec byte for byte, and running the plans gives the
 * values the program means.
 */
class PlannerProperties {
  static final String[] PARTIES = {"p0", "p1", "p2", "p3"};

  /** One instruction of a random program: a constant, a sum, a product, or a move. */
  record Instr(int kind, int a, int b, int party, long value) {}

  /** A program built from instructions, with each node's value evaluated directly. */
  static final class Program {
    final Graph graph = new Graph();
    final Ops ops = new Ops(graph);
    final List<NodeRef> refs = new ArrayList<>();
    final List<Long> values = new ArrayList<>();

    Program(List<Instr> instrs) {
      add(ops.constant("p0", RingTensor.fill(1, 1)), 1);
      for (Instr in : instrs) {
        NodeRef x = refs.get(Math.floorMod(in.a(), refs.size()));
        NodeRef y = refs.get(Math.floorMod(in.b(), refs.size()));
        long vx = values.get(refs.indexOf(x));
        long vy = values.get(refs.indexOf(y));
        String party = PARTIES[in.party()];
        switch (in.kind()) {
          case 0 -> add(ops.constant(party, RingTensor.fill(in.value(), 1)), in.value());
          case 1 -> add(ops.add(ops.move(x, party), ops.move(y, party)), vx + vy);
          case 2 -> add(ops.mul(ops.move(x, party), ops.move(y, party)), vx * vy);
          default -> add(ops.move(x, party), vx);
        }
      }
    }

    private void add(NodeRef r, long v) {
      if (!refs.contains(r)) {
        refs.add(r);
        values.add(v);
      }
    }

    /** The rounds of the program by a memoised longest path, one per cross-party edge. */
    int rounds(Set<Integer> needed) {
      Map<Integer, Integer> depth = new HashMap<>();
      int max = 0;
      for (int id : new TreeSet<>(needed)) {
        Node n = graph.node(id);
        int d = 0;
        for (int in : n.inputs()) {
          d = Math.max(d, depth.get(in) + (graph.node(in).party().equals(n.party()) ? 0 : 1));
        }
        depth.put(id, d);
        max = Math.max(max, d);
      }
      return max;
    }
  }

  @Provide
  Arbitrary<List<Instr>> programs() {
    Arbitrary<Instr> instr = Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 60),
        Arbitraries.integers().between(0, 60), Arbitraries.integers().between(0, PARTIES.length - 1),
        Arbitraries.longs()).as(Instr::new);
    return instr.list().ofMinSize(1).ofMaxSize(40);
  }

  @Property(tries = 200)
  void roundsAreTheLongestChainOfMessagesAndEveryMessageIsExpected(@ForAll("programs") List<Instr> instrs) {
    Program prog = new Program(instrs);
    NodeRef last = prog.refs.get(prog.refs.size() - 1);
    NodeRef out = prog.ops.output("o", last);
    Map<String, Plan> plans = Planner.plan(prog.graph, List.of(out.id()));
    Set<Integer> needed = new TreeSet<>();
    plans.values().forEach(p -> needed.addAll(p.nodes().keySet()));
    int lastStep = plans.values().stream().flatMap(p -> p.steps().stream()).mapToInt(Plan.Step::index).max().orElse(0);
    assertEquals(prog.rounds(needed), lastStep, "the last step is the number of rounds");
    for (Plan p : plans.values()) {
      for (Plan.Step s : p.steps()) {
        for (Map.Entry<String, int[]> r : s.receives().entrySet()) {
          Plan.Step sent = plans.get(r.getKey()).steps().stream().filter(t -> t.index() == s.index() - 1).findFirst()
              .orElseThrow(() -> new AssertionError(r.getKey() + " has no step " + (s.index() - 1)));
          assertNotNull(sent.sends().get(p.party()), r.getKey() + " sends nothing to " + p.party());
          assertArrayEquals(r.getValue(), sent.sends().get(p.party()), "what is sent is what is expected");
        }
      }
      assertArrayEquals(PlanCodec.encode(p), PlanCodec.encode(PlanCodec.decode(PlanCodec.encode(p))),
          "the plan of " + p.party() + " survives its codec");
    }
  }

  @Property(tries = 40)
  void runningThePlansGivesTheProgramsValues(@ForAll("programs") List<Instr> instrs) {
    Program prog = new Program(instrs);
    List<NodeRef> outs = new ArrayList<>();
    for (int i = 0; i < prog.refs.size(); i++) {
      outs.add(prog.ops.output("v" + i, prog.refs.get(i)));
    }
    try (Session s = new Session(prog.graph, new InProcessRuntime(new Kernels(), Duration.ofSeconds(30)))) {
      Session.Result r = s.run(outs, Map.of());
      for (int i = 0; i < prog.refs.size(); i++) {
        assertEquals(prog.values.get(i), r.get("v" + i).get(0), "value of node " + prog.refs.get(i).id());
      }
    }
  }
}
