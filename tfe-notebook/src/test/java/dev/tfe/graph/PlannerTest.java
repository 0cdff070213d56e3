package dev.tfe.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.ring.RingTensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlannerTest {
  @Test
  void splitsByPartyWithOneBatchPerPeerPerStep() {
    Graph g = new Graph();
    Ops ops = new Ops(g);
    NodeRef a = ops.constant("alice", RingTensor.fill(1, 2));
    NodeRef b = ops.constant("alice", RingTensor.fill(2, 2));
    NodeRef sum = ops.add(ops.move(a, "bob"), ops.move(b, "bob"));
    NodeRef back = ops.move(sum, "alice");
    NodeRef out = ops.output("r", back);
    Map<String, Plan> plans = Planner.plan(g, List.of(out.id()));
    assertEquals(List.of("alice", "bob"), List.copyOf(plans.keySet()));
    Plan alice = plans.get("alice");
    Plan.Step first = alice.steps().get(0);
    assertArrayEquals(new int[] {a.id(), b.id()}, first.sends().get("bob"), "both values in one batch");
    Plan bob = plans.get("bob");
    assertEquals(1, bob.steps().get(0).index());
    assertArrayEquals(new int[] {a.id(), b.id()}, bob.steps().get(0).receives().get("alice"));
    assertEquals(List.of(out.id()), alice.outputs());
    assertTrue(alice.nodes().containsKey(out.id()));
    assertTrue(!bob.nodes().containsKey(a.id()), "bob does not compute alice's nodes");
  }

  @Test
  void onlyWhatTheTargetsNeedIsPlanned() {
    Graph g = new Graph();
    Ops ops = new Ops(g);
    NodeRef used = ops.constant("p", RingTensor.fill(1, 1));
    ops.constant("q", RingTensor.fill(1, 1));
    NodeRef out = ops.output("o", used);
    Map<String, Plan> plans = Planner.plan(g, List.of(out.id()));
    assertEquals(List.of("p"), List.copyOf(plans.keySet()));
  }

  @Test
  void shapeErrorsAppearWhenBuilding() {
    Ops ops = new Ops(new Graph());
    NodeRef a = ops.constant("p", RingTensor.zeros(2, 3));
    NodeRef b = ops.constant("p", RingTensor.zeros(4, 3));
    var e = assertThrows(IllegalArgumentException.class, () -> ops.matmul(a, b));
    assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[4, 3]"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ops.add(a, b));
    NodeRef c = ops.constant("q", RingTensor.zeros(2, 3));
    var placed = assertThrows(IllegalStateException.class, () -> ops.add(a, c));
    assertTrue(placed.getMessage().contains("different parties"), placed.getMessage());
  }

  @Test
  void opFramesAreNumberedPerKindWithinTheirEnclosingFrames() {
    Graph g = new Graph();
    OpKind mul = new OpKind("pond", "mul");
    OpKind truncate = new OpKind("pond", "truncate");
    try (var l = g.layerScope("model1", "dense_1")) {
      try (var s = g.opScope("pond", "mul")) {
        OpIdentity id = g.currentIdentity();
        assertEquals(List.of(new OpIdentity.Layer("model1"), new OpIdentity.Layer("dense_1"), new OpIdentity.Op(mul, 1)),
            id.frames());
        assertEquals("dense_1", id.layer());
        assertEquals("pond", id.protocol());
        assertEquals("mul", id.op());
        assertEquals("", id.subProtocol());
        try (var t = g.opScope("pond", "truncate")) {
          assertEquals(new OpIdentity.Op(truncate, 1), g.currentIdentity().ops().get(1));
          assertEquals("truncate", g.currentIdentity().subProtocol());
          assertEquals(truncate, g.currentIdentity().kind());
          assertEquals("mul", g.currentIdentity().op());
          assertEquals("model1/dense_1/pond.mul#1/pond.truncate#1", g.currentIdentity().toString());
        }
      }
      try (var s = g.opScope("pond", "mul")) {
        assertEquals(2, g.currentIdentity().ops().get(0).instance());
      }
    }
    try (var s = g.opScope("pond", "mul")) {
      assertEquals(1, g.currentIdentity().ops().get(0).instance(), "numbered per enclosing frames");
    }
    assertEquals(OpIdentity.NONE, g.currentIdentity());
    NodeRef r = g.add(Ops.CONST, "p", Attrs.empty(), new int[] {1}, 8);
    assertEquals(OpIdentity.NONE, g.node(r.id()).identity());
  }
}
