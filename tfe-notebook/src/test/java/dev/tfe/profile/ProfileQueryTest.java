package dev.tfe.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.graph.OpIdentity;
import dev.tfe.graph.OpKind;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which records a query of {@link Profile#bytesSentFor} and {@link Profile#roundsFor} counts: typed, exact matches. */
class ProfileQueryTest {
  private static OpIdentity.Op call(String protocol, String op, int k) {
    return new OpIdentity.Op(new OpKind(protocol, op), k);
  }

  private static OpIdentity id(Object... frames) {
    List<OpIdentity.Frame> f = new ArrayList<>();
    for (Object o : frames) {
      f.add(o instanceof String s ? new OpIdentity.Layer(s) : (OpIdentity.Frame) o);
    }
    return new OpIdentity(f);
  }

  private static OpStats op(OpIdentity id, String party, long bytes, int... steps) {
    BitSet s = new BitSet();
    for (int step : steps) {
      s.set(step);
    }
    return new OpStats(id, party, 1, bytes, 0, steps.length, 1, s);
  }

  private static final OpIdentity MUL_3 = id("predict", "dense1", call("pond", "mul", 3));
  private static final Profile PROFILE = new Profile("test", 1, 3, List.of(
      PartyRunStats.restore("server0", 1, 3, List.of(
          op(id("predict", "dense0", call("pond", "matmul", 1)), "server0", 1000, 1),
          op(id("predict", "dense0", call("pond", "matmul", 1), call("pond", "truncate", 2)), "server0", 100, 2),
          op(MUL_3, "server0", 10, 3),
          op(id("predict", "dense10", call("securenn", "mul", 4)), "server0", 1, 3))),
      PartyRunStats.restore("server1", 1, 1, List.of(op(MUL_3, "server1", 20, 3)))));

  @Test
  void mulCountsProductsButNeverMatmul() {
    assertEquals(10 + 1 + 20, PROFILE.bytesSentFor("mul"), "before the fix, 'mul' also counted pond.matmul");
    assertEquals(10 + 20, PROFILE.bytesSentFor(OpQuery.op("pond", "mul")));
    assertEquals(1, PROFILE.bytesSentFor(OpQuery.op("securenn", "mul")));
    assertEquals(Map.of("server0", 10L, "server1", 20L), PROFILE.bytesSentByPartyFor(OpQuery.op("pond", "mul")));
  }

  @Test
  void anOpCountsItsSubProtocols() {
    assertEquals(1100, PROFILE.bytesSentFor(OpQuery.op("pond", "matmul")));
    assertEquals(100, PROFILE.bytesSentFor("truncate"));
    assertEquals(1130, PROFILE.bytesSentFor(OpQuery.protocol("pond")));
  }

  @Test
  void layersMatchByExactName() {
    assertEquals(30, PROFILE.bytesSentFor(OpQuery.layer("dense1")), "dense1 must not count dense10");
    assertEquals(1, PROFILE.bytesSentFor(OpQuery.layer("dense10")));
    assertEquals(0, PROFILE.bytesSentFor(OpQuery.layer("dense")));
    assertEquals(100, PROFILE.bytesSentFor(OpQuery.op("truncate").inLayer("dense0")));
    assertEquals(0, PROFILE.bytesSentFor(OpQuery.op("mul").inLayer("dense0")));
  }

  @Test
  void roundsFollowTheSameRule() {
    assertEquals(1, PROFILE.roundsFor("mul"));
    assertEquals(2, PROFILE.roundsFor("matmul"));
    assertEquals(3, PROFILE.roundsFor(OpQuery.layer("predict")));
  }

  @Test
  void displayTextIsRefusedWithAHint() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PROFILE.bytesSentFor("pond.mul"));
    assertTrue(e.getMessage().contains("OpQuery.op(\"pond\", \"mul\")"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PROFILE.bytesSentFor(""));
  }

  @Test
  void byKindSumsEachInnermostKindPerParty() {
    List<OpStats> kinds = PROFILE.byKind();
    assertEquals(5, kinds.size());
    OpStats mul0 = kinds.stream().filter(o -> o.kind().equals(new OpKind("pond", "mul")) && o.party().equals("server0"))
        .findFirst().orElseThrow();
    assertEquals(10, mul0.bytesSent());
  }
}
