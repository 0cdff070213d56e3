package dev.tfe.launcher.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.ring.RingTensor;
import java.nio.ByteBuffer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Control messages that claim more than they hold are refused with a clear error before
 * anything is allocated for the claim (before the fix a 2 GiB plan or stats count was attempted).
 */
class PayloadsLimitsTest {

  /** Decoding fails with the clear error (an attempted 2 GiB allocation would throw OutOfMemoryError instead). */
  private static void assertRefused(byte[] message, String what) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
      if (what.equals("stats")) {
        Payloads.stats(message);
      } else {
        Payloads.runOrder(message);
      }
    });
    assertTrue(e.getMessage().startsWith("malformed control message"), e.getMessage());
  }

  @Test
  void aRunOrderClaimingA2GiBPlanIsRefused() {
    byte[] m = ByteBuffer.allocate(16).putInt(1).putLong(1000).putInt(Integer.MAX_VALUE).array();
    assertRefused(m, "run");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Payloads.runOrder(m));
    assertTrue(e.getMessage().contains("2147483647 plan") && e.getMessage().contains("0 bytes are left"), e.getMessage());
  }

  @Test
  void aTensorWhoseShapeOverflowsIsRefused() {
    // one feed: key "x", rank 3, dims 2^20 x 2^20 x 2^24 (2^64 elements: 0 after an unchecked long product)
    ByteBuffer b = ByteBuffer.allocate(64).putInt(1).putLong(1000).putInt(-1).putInt(1);
    b.putShort((short) 1).put((byte) 'x').put((byte) 3).putInt(1 << 20).putInt(1 << 20).putInt(1 << 24);
    assertRefused(java.util.Arrays.copyOf(b.array(), b.position()), "run");
  }

  @Test
  void statsClaimingHugeCountsAreRefused() {
    ByteBuffer b = ByteBuffer.allocate(64);
    b.putShort((short) 1).put((byte) 'p').putLong(1).putInt(1).putInt(Integer.MAX_VALUE);
    assertRefused(java.util.Arrays.copyOf(b.array(), b.position()), "stats");
    ByteBuffer c = ByteBuffer.allocate(128);
    c.putShort((short) 1).put((byte) 'p').putLong(1).putInt(1).putInt(1);
    c.putShort((short) 1).put((byte) 'o').putLong(1).putLong(1).putLong(1).putLong(1).putInt(1).putInt(1).putInt(Integer.MAX_VALUE);
    assertRefused(java.util.Arrays.copyOf(c.array(), c.position()), "stats");
  }

  @Test
  void statsRoundTripWithComputeAndWaitingApart() {
    dev.tfe.profile.PartyRunStats s = new dev.tfe.profile.PartyRunStats("server1");
    dev.tfe.graph.OpIdentity id = dev.tfe.graph.OpIdentity.of(new dev.tfe.graph.OpKind("securenn", "privateCompare"));
    s.addCompute(id, 5);
    s.addWait(id, 7);
    s.addSent(id, 16, 2);
    s.setWallNanos(20);
    dev.tfe.profile.OpStats o = Payloads.stats(Payloads.stats(s)).ops().get(0);
    assertEquals(id, o.identity());
    assertEquals(5, o.nanos());
    assertEquals(7, o.waitNanos());
    assertEquals(16, o.bytesSent());
  }

  @Test
  void whatAPartySawRoundTrips() {
    dev.tfe.profile.PartyRunStats s = new dev.tfe.profile.PartyRunStats("server1");
    s.addSeen(dev.tfe.graph.ValueKind.MASKED, "server0", 2, 1, 96);
    s.addSeen(dev.tfe.graph.ValueKind.INPUT, dev.tfe.profile.SeenStats.CALLER, 1, 0, 8);
    assertEquals(s.seen(), Payloads.stats(Payloads.stats(s)).seen());
    byte[] b = Payloads.stats(s);
    // the last record: "INPUT", "(caller)", three longs; its kind's first letter becomes X
    b[b.length - 3 * 8 - (2 + dev.tfe.profile.SeenStats.CALLER.length()) - "INPUT".length()] = 'X';
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Payloads.stats(b));
    assertTrue(e.getMessage().contains("unknown kind of value"), e.getMessage());
  }

  @Test
  void honestRunOrdersStillRoundTrip() {
    RingTensor t = RingTensor.of(new long[] {1, 2, 3, 4, 5, 6}, new int[] {2, 3});
    byte[] m = Payloads.runOrder(new Payloads.RunOrder(3, new byte[] {9, 8}, Map.of("x", t), 500));
    Payloads.RunOrder o = Payloads.runOrder(m);
    assertEquals(3, o.planId());
    assertEquals(2, o.plan().length);
    assertEquals(6, o.feeds().get("x").data().length);
  }
}
