package dev.tfe.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which ops a query of {@link Profile#bytesSentFor} and {@link Profile#roundsFor} counts. */
class ProfileQueryTest {
  private static OpStats op(String path, String party, long bytes, int... steps) {
    BitSet s = new BitSet();
    for (int step : steps) {
      s.set(step);
    }
    return new OpStats(path, party, 1, bytes, 0, steps.length, 1, s);
  }

  private static final Profile PROFILE = new Profile("test", 1, 3, List.of(
      PartyRunStats.restore("server0", 1, 3, List.of(
          op("predict/dense0/pond.matmul#1", "server0", 1000, 1),
          op("predict/dense0/pond.matmul#1/pond.truncate#2", "server0", 100, 2),
          op("predict/dense1/pond.mul#3", "server0", 10, 3),
          op("predict/dense10/pond.mul#4", "server0", 1, 3))),
      PartyRunStats.restore("server1", 1, 1, List.of(
          op("predict/dense1/pond.mul#3", "server1", 20, 3)))));

  @Test
  void mulCountsProductsButNeverMatmul() {
    assertEquals(10 + 1 + 20, PROFILE.bytesSentFor("mul"), "before the fix, 'mul' also counted pond.matmul");
    assertEquals(10 + 1 + 20, PROFILE.bytesSentFor("pond.mul"));
    assertEquals(Map.of("server0", 11L, "server1", 20L), PROFILE.bytesSentByPartyFor("pond.mul"));
  }

  @Test
  void aKindCountsItsNestedScopes() {
    assertEquals(1100, PROFILE.bytesSentFor("pond.matmul"));
    assertEquals(100, PROFILE.bytesSentFor("truncate"));
    assertEquals(100, PROFILE.bytesSentFor("pond.matmul#1/pond.truncate#2"));
  }

  @Test
  void aScopeNameMatchesWholeSegmentsOnly() {
    assertEquals(30, PROFILE.bytesSentFor("dense1"), "dense1 must not count dense10");
    assertEquals(30, PROFILE.bytesSentFor("/dense1/"));
    assertEquals(1, PROFILE.bytesSentFor("dense10"));
    assertEquals(0, PROFILE.bytesSentFor("dense"));
    assertEquals(0, PROFILE.bytesSentFor(""));
  }

  @Test
  void roundsFollowTheSameRule() {
    assertEquals(1, PROFILE.roundsFor("mul"));
    assertEquals(2, PROFILE.roundsFor("matmul"));
    assertEquals(3, PROFILE.roundsFor("predict"));
  }
}
