package dev.tfe.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.graph.Graph;
import dev.tfe.graph.NodeRef;
import dev.tfe.graph.Ops;
import dev.tfe.ring.RingTensor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RuntimeTest {
  @Test
  void codecRoundTripsEveryWidth() {
    RingTensor big = RingTensor.of(new long[] {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE}, 2, 2);
    RingTensor small = RingTensor.of(new long[] {0, 66, 255}, 3);
    byte[] m = MessageCodec.encode(7, 3, "server0",
        List.of(new MessageCodec.Entry(11, 8, big), new MessageCodec.Entry(12, 1, small)));
    MessageCodec.Batch b = MessageCodec.decode(m);
    assertEquals(7, b.run());
    assertEquals(3, b.step());
    assertEquals("server0", b.sender());
    assertEquals(big, b.entries().get(0).value());
    assertEquals(small, b.entries().get(1).value());
    assertEquals(4 + 8 + 4 + 2 + 7 + 4 + (4 + 1 + 1 + 8 + 32) + (4 + 1 + 1 + 4 + 3), m.length);
    assertThrows(IllegalStateException.class, () -> MessageCodec.decode(new byte[30]));
  }

  @Test
  void aFailingPartyStopsTheRunAtOnceAndIsNamed() {
    Graph g = new Graph();
    Ops ops = new Ops(g);
    // bob reads a variable nobody wrote: it fails; alice waits for bob and must not hang
    NodeRef v = ops.varRead("bob", "missing", new int[] {1});
    NodeRef atAlice = ops.move(v, "alice");
    NodeRef out = ops.output("o", atAlice);
    Session s = new Session(g, new InProcessRuntime(new Kernels(), Duration.ofSeconds(60)));
    long t0 = System.nanoTime();
    RunFailedException e = assertThrows(RunFailedException.class, () -> s.run(List.of(out), Map.of()));
    assertTrue((System.nanoTime() - t0) / 1e9 < 5, "the error must come at once, not after a timeout");
    assertEquals("bob", e.party());
    assertTrue(e.getMessage().contains("missing"), e.getMessage());
    s.close();
  }

  @Test
  void aSilentPeerTimesOutWithAClearError() {
    InMemoryNetwork net = new InMemoryNetwork(java.util.Set.of("a", "b"));
    var e = assertThrows(PeerException.class, () -> net.endpoint("a").receive("b", Duration.ofMillis(100)));
    assertTrue(e.getMessage().contains("from b"), e.getMessage());
    var u = assertThrows(PeerException.class, () -> net.endpoint("a").send("zed", new byte[1]));
    assertTrue(u.getMessage().contains("unknown party 'zed'"), u.getMessage());
  }

  @Test
  void valuesFedToAPartyReachOnlyThatParty() {
    Graph g = new Graph();
    Ops ops = new Ops(g);
    NodeRef x = ops.input("alice", "x", new int[] {2});
    NodeRef out = ops.output("o", ops.move(ops.scale(x, 3), "bob"));
    InProcessRuntime rt = new InProcessRuntime();
    Session s = new Session(g, rt);
    s.provide("alice", "x", RingTensor.of(new long[] {1, 2}, 2));
    Session.Result r = s.run(List.of(out), Map.of());
    assertArrayEquals(new long[] {3, 6}, r.get("o").data());
    assertEquals("bob", r.receivers().get("o"));
    var missing = assertThrows(RunFailedException.class,
        () -> new Session(g, new InProcessRuntime()).run(List.of(out), Map.of()));
    assertTrue(missing.getMessage().contains("no value for input 'x'"), missing.getMessage());
  }

  @Test
  void variablesPersistAcrossRunsAndInitialisersRunOnce() {
    Graph g = new Graph();
    Ops ops = new Ops(g);
    NodeRef init = ops.constant("p", RingTensor.fill(5, 1));
    ops.varWrite("v", init);
    NodeRef out = ops.output("o", ops.addScalar(ops.varRead("p", "v", new int[] {1}), 1));
    Session s = new Session(g, new InProcessRuntime());
    assertEquals(6, s.run(List.of(out), Map.of()).get("o").get(0));
    assertEquals(6, s.run(List.of(out), Map.of()).get("o").get(0));
    assertTrue(s.lastInitProfile() != null);
    var notOutput = assertThrows(IllegalArgumentException.class, () -> s.run(List.of(init), Map.of()));
    assertTrue(notOutput.getMessage().contains("not an output"));
  }
}
