package dev.tfe.launcher.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The 73-byte attack of issue 17 (a ZMTP greeting, then a frame header claiming a hostile size)
 * against a listening node, before authentication, on PLAIN and on CURVE: afterwards the node
 * still hears its peer, its I/O thread is alive, and the claim cost no memory. Before the fix, a
 * claim of 2^64-1 left the node deaf (JeroMQ's decoder spun forever after a
 * NegativeArraySizeException). Also: honest messages larger than a frame pass intact, and
 * messages over the maximum size are refused with errors that say what to do.
 */
@Timeout(120)
class HostileFrameTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  /** 2^64-1, 2^63, 2^63 + 2^31-1 (cut to 2^31-1 by an int cast), 2^31-1, 1 GiB, 9 MiB. */
  private static final long[] SIZES = {-1L, Long.MIN_VALUE, 0x800000007fffffffL, Integer.MAX_VALUE, 1L << 30,
      9L << 20};

  @TempDir
  Path dir;

  @ParameterizedTest(name = "curve={0}")
  @ValueSource(booleans = {false, true})
  void hostileFrameSizesBeforeAuthenticationLeaveTheNodeListening(boolean curve) throws Exception {
    try (TwoNodes t = new TwoNodes(dir, curve, WireLimits.defaults(), WireLimits.defaults())) {
      long run = 1;
      roundTrip(t, run++, 16);
      for (long size : SIZES) {
        t.hit(TwoNodes.attack(curve ? "CURVE" : "PLAIN", size), 200);
        t.hit(TwoNodes.attack(curve ? "CURVE" : "PLAIN", size), 0);
        roundTrip(t, run++, 16);
        assertFalse(t.n0.ioDead(), "server0's I/O thread after a claim of " + Long.toUnsignedString(size) + " bytes");
      }
      assertTrue(t.n0.refusedFrames() >= 4, "the negative claims were refused: " + t.n0.refusedFrames());
      System.out.printf("curve=%s: %d hostile claims answered, %d refused by the allocator; server0 still hears server1%n",
          curve, 2 * SIZES.length, t.n0.refusedFrames());
    }
  }

  @ParameterizedTest(name = "encryption={0}")
  @org.junit.jupiter.params.provider.EnumSource(value = dev.tfe.launcher.config.Hostmap.Encryption.class, names = {"OFF", "CURVE", "ON"})
  void messagesLargerThanAFrameArriveIntact(dev.tfe.launcher.config.Hostmap.Encryption encryption) throws Exception {
    try (TwoNodes t = new TwoNodes(dir, encryption, WireLimits.defaults(), WireLimits.defaults())) {
      long t0 = System.nanoTime();
      roundTrip(t, 1, 3 * WireLimits.FRAME_BYTES + 12345);
      roundTrip(t, 2, WireLimits.FRAME_BYTES);
      roundTrip(t, 3, WireLimits.FRAME_BYTES + 1);
      System.out.printf("%s: 49 MiB in three messages of 1 to 4 frames in %.1f s%n", encryption, (System.nanoTime() - t0) / 1e9);
    }
  }

  @Test
  void aMessageOverTheMaximumIsRefusedBySenderAndReceiverWithAClearError() throws Exception {
    WireLimits small = new WireLimits(1 << 20, 1 << 20);
    WireLimits large = new WireLimits(64 << 20, 64 << 20);
    try (TwoNodes t = new TwoNodes(dir, false, small, large)) {
      Header h = new Header(Header.Kind.DATA, 1, 1, 0, "server0", "server1");
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.n0.send(h, new byte[(1 << 20) + 1]));
      assertTrue(e.getMessage().contains("larger than the maximum message size") && e.getMessage().contains("TFE_MAX_MESSAGE_MB"),
          e.getMessage());
      // server1 may send 12 MiB (two frames); server0 accepts at most 1 MiB: dropped, logged
      t.n1.send(new Header(Header.Kind.DATA, 1, 1, 0, "server1", "server0"), new byte[12 << 20]);
      t.n1.send(new Header(Header.Kind.DATA, 1, 1, 0, "server1", "server0"), new byte[] {7});
      assertArrayEquals(new byte[] {7}, t.in0.take(1, "server0", "server1", WAIT), "the next message still arrives");
      assertEquals(1, t.n0.oversizedMessages());
      assertTrue(t.log0.stream().anyMatch(l -> l.contains("dropped a message of " + (12 << 20) + " bytes from server1")),
          t.log0.toString());
    }
  }

  /** server1 sends {@code bytes} random bytes to server0, which must get them within 5 s. */
  static void roundTrip(TwoNodes t, long run, int bytes) {
    byte[] m = new byte[bytes];
    new Random(run).nextBytes(m);
    t.n1.send(new Header(Header.Kind.DATA, 1, run, 0, "server1", "server0"), m);
    byte[] got;
    try {
      got = t.in0.take(run, "server0", "server1", WAIT);
    } catch (RuntimeException e) {
      throw new AssertionError("message of run " + run + " (" + bytes + " bytes) lost; server0's log " + t.log0
          + "; server1's log " + t.log1, e);
    }
    assertArrayEquals(m, got, "message of run " + run);
  }
}
