package dev.tfe.launcher.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.runtime.PeerException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Data for runs this process has not reached is bounded per peer (issue 17 saw 300 batches of
 * 1 MiB become 624 MB of heap): beyond the bound a batch is refused with a clear reason and its
 * run fails at once with it; reaching a run releases its share; another peer has its own bound.
 */
class InboxLimitsTest {
  private static final Duration WAIT = Duration.ofSeconds(2);
  private static final int MIB = 1 << 20;

  @Test
  void farFutureDataIsBoundedPerPeer() {
    Inbox in = new Inbox(new WireLimits(64L * MIB, 32L * MIB));
    int accepted = 0;
    String refusal = null;
    for (int run = 2; run < 302; run++) { // 300 runs ahead of run 1, 1 MiB each
      String r = in.deliver(run, "server0", "server1", new byte[MIB]);
      if (r == null) {
        accepted++;
      } else if (refusal == null) {
        refusal = r;
      }
    }
    assertEquals(31, accepted, "32 MiB hold 31 batches of 1 MiB and their overhead");
    assertNotNull(refusal);
    assertTrue(refusal.contains("server1") && refusal.contains("has not reached") && refusal.contains("TFE_MAX_PENDING_MB"),
        refusal);
    assertTrue(in.pendingBytes("server1") <= 32L * MIB);
    // another peer is bounded on its own
    assertNull(in.deliver(5, "server0", "server2", new byte[MIB]));
    // the refused run fails at once with the reason, not after a timeout
    PeerException e = assertThrows(PeerException.class, () -> in.take(100, "server0", "server1", Duration.ofSeconds(30)));
    assertTrue(e.getMessage().contains("has not reached"), e.getMessage());
  }

  @Test
  void reachingARunReleasesItsShare() {
    Inbox in = new Inbox(new WireLimits(64L * MIB, 4L * MIB));
    assertNull(in.deliver(1, "server0", "server1", new byte[3 * MIB]));
    assertNotNull(in.deliver(2, "server0", "server1", new byte[2 * MIB]), "over the bound");
    assertEquals(3 * MIB, in.take(1, "server0", "server1", WAIT).length);
    assertEquals(0, in.pendingBytes("server1"), "run 1 is reached");
    // data of the current run is not limited by the bound
    assertNull(in.deliver(1, "server0", "server1", new byte[5 * MIB]));
    assertNull(in.deliver(3, "server0", "server1", new byte[3 * MIB]));
    in.finish(3);
    assertEquals(0, in.pendingBytes("server1"), "finished runs release their share");
  }

  @Test
  void aFloodOfTinyBatchesIsBoundedToo() {
    Inbox in = new Inbox(new WireLimits(64L * MIB, MIB));
    int accepted = 0;
    for (long run = 10; run < 1_000_000 && in.deliver(run, "server0", "server1", new byte[1]) == null; run++) {
      accepted++;
    }
    assertEquals(MIB / (1 + WireLimits.BATCH_OVERHEAD), accepted);
  }
}
