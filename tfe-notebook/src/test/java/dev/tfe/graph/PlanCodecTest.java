package dev.tfe.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tfe.program.Output;
import dev.tfe.api.Tfe;
import dev.tfe.protocol.Tensor;
import dev.tfe.protocol.TestData;
import dev.tfe.protocol.pond.Pond;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class PlanCodecTest {

  @Test
  void everyPlanOfAPondProgramSurvivesARoundTrip() {
    try (Tfe tfe = Tfe.local()) {
      Pond pond = tfe.pond();
      Random rnd = new Random(1);
      INDArray x = TestData.uniform(rnd, 1, 4, 6);
      INDArray w = TestData.uniform(rnd, 1, 6, 3);
      Tensor y = pond.polynomialSigmoid(pond.matmul(tfe.definePrivateInput(pond, tfe.party("client"), x),
          pond.mask(tfe.definePrivateVariable(pond, tfe.party("owner"), w))));
      y = pond.add(y, tfe.defineConstant(pond, TestData.uniform(rnd, 1, 3)));
      Output out = tfe.defineOutput(pond, tfe.party("client"), y);
      List<Integer> targets = new java.util.ArrayList<>(tfe.graph().takePendingInitialisers());
      targets.add(out.node().id());
      Map<String, Plan> plans = Planner.plan(tfe.graph(), targets);
      for (Plan p : plans.values()) {
        byte[] bytes = PlanCodec.encode(p);
        Plan q = PlanCodec.decode(bytes);
        assertEquals(p.party(), q.party());
        assertEquals(p.outputs(), q.outputs());
        assertEquals(p.sendIdentities(), q.sendIdentities());
        assertEquals(p.nodes().keySet(), q.nodes().keySet());
        for (Node n : p.nodes().values()) {
          assertEquals(n.toString(), q.nodes().get(n.id()).toString());
          assertEquals(n.attrs().asMap().keySet(), q.nodes().get(n.id()).attrs().asMap().keySet());
        }
        assertEquals(p.steps().size(), q.steps().size());
        for (int i = 0; i < p.steps().size(); i++) {
          Plan.Step a = p.steps().get(i);
          Plan.Step b = q.steps().get(i);
          assertEquals(a.index(), b.index());
          assertArrayEquals(a.compute(), b.compute());
          assertEquals(a.sends().keySet(), b.sends().keySet());
          a.sends().forEach((k, v) -> assertArrayEquals(v, b.sends().get(k)));
          a.receives().forEach((k, v) -> assertArrayEquals(v, b.receives().get(k)));
        }
        assertArrayEquals(bytes, PlanCodec.encode(q), "re-encoding is stable");
      }
    }
  }

  @Test
  void attributesOfEveryTypeRoundTrip() {
    Node n = new Node(3, "op", "server0", new OpIdentity(List.of(new OpIdentity.Layer("m"), new OpIdentity.Op(new OpKind("p", "o"), 1))),
        Attrs.of("l", 7L, "d", 0.25, "s", "héllo", "i", new int[] {1, -2}, "j", new long[] {Long.MIN_VALUE, 5}),
        new int[] {1, 2}, new int[] {2, 2}, 8);
    Plan p = new Plan("server0", Map.of(3, n), List.of(new Plan.Step(0, Map.of(), new int[] {3}, Map.of())),
        List.of(3), Map.of(), List.of("ring", "securenn"));
    Plan back = PlanCodec.decode(PlanCodec.encode(p));
    assertEquals(List.of("ring", "securenn"), back.modules());
    Node m = back.nodes().get(3);
    assertEquals(n.identity(), m.identity());
    assertEquals(7L, m.attrs().getLong("l"));
    assertEquals(0.25, m.attrs().getDouble("d"));
    assertEquals("héllo", m.attrs().getString("s"));
    assertArrayEquals(new int[] {1, -2}, m.attrs().getInts("i"));
    assertArrayEquals(new long[] {Long.MIN_VALUE, 5}, m.attrs().getLongs("j"));
  }

  @Test
  void garbageIsRejectedClearly() {
    assertThrows(IllegalArgumentException.class, () -> PlanCodec.decode(new byte[] {1, 2, 3, 4, 5}));
  }
}
