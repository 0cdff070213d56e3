package dev.tfe.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.launcher.config.Credentials;
import dev.tfe.launcher.config.Hostmap;
import dev.tfe.launcher.config.KeyFiles;
import dev.tfe.launcher.net.AeadPeer;
import dev.tfe.launcher.net.Header;
import dev.tfe.launcher.net.Inbox;
import dev.tfe.launcher.net.ZmqNode;
import dev.tfe.runtime.PeerException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.ZMQ;

/**
 * The AEAD transport (the default between hosts) authenticates like CURVE did: a key the hostmap
 * does not list is refused and counted, a listed process cannot speak for another party, and
 * after the handshake a replayed, truncated or tampered frame is refused with a log line that
 * names the peer, while the genuine peers go on talking.
 */
@Timeout(60)
class AeadAuthenticationTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  @TempDir
  Path dir;

  private final List<String> log0 = new CopyOnWriteArrayList<>();

  private ZmqNode node(Path f, String name, Inbox inbox, List<String> log) {
    Hostmap map = Hostmap.load(f);
    return new ZmqNode(map, KeyFiles.load(f, map, name), inbox, (h, p) -> {}, s -> {
      log.add(s);
      System.out.println("[" + name + "] " + s);
    });
  }

  private static Header data(String from, String to, int tensor) {
    return new Header(Header.Kind.DATA, 1, tensor, 0, from, to);
  }

  @Test
  void listedPeersTalkBothWaysAndAnUnknownKeyIsRefusedAndCounted() throws Exception {
    Path f = Programs.hostmap(dir, Hostmap.Encryption.ON);
    Hostmap map = Hostmap.load(f);
    Inbox inbox0 = new Inbox();
    Inbox inbox1 = new Inbox();
    try (ZmqNode s0 = node(f, "server0", inbox0, log0); ZmqNode s1 = node(f, "server1", inbox1, new CopyOnWriteArrayList<>())) {
      assertTrue(map.encrypted() && !map.curve());
      s1.send(data("server1", "server0", 7), "genuine".getBytes());
      s0.send(data("server0", "server1", 8), "reply".getBytes());
      assertArrayEquals("genuine".getBytes(), inbox0.take(7, "server0", "server1", WAIT));
      assertArrayEquals("reply".getBytes(), inbox1.take(8, "server1", "server0", WAIT));
      // a stranger with a fresh key claims to be server2 (not up, so its name is free)
      String strangerSecret = ZMQ.Curve.generateKeyPair().secretKey;
      try (AeadPeer p = new AeadPeer(map, "server2", strangerSecret, "server2", "server0")) {
        assertFalse(p.handshake(Duration.ofSeconds(2)), "server0 welcomed an unknown key");
        assertTrue(reached(s0::rejectedConnections), "the stranger's handshake was not counted");
        assertTrue(s0.lastRejection().contains("refused a handshake from 'server2'") && s0.lastRejection().contains("key"),
            s0.lastRejection());
        // its frames, sealed under no session, are dropped and counted too
        p.sendRaw(new byte[] {'D', 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17});
        assertTrue(awaitLog("dropped a message on connection 'server2', which has not completed a handshake"),
            String.join("\n", log0));
      }
      assertThrows(PeerException.class, () -> inbox0.take(7, "server0", "server2", Duration.ofMillis(300)));
    }
  }

  @Test
  void aListedPeerCannotSpeakForAnotherPartyNorReplayTruncateOrTamper() throws Exception {
    Path f = Programs.hostmap(dir, Hostmap.Encryption.ON);
    Hostmap map = Hostmap.load(f);
    Inbox inbox0 = new Inbox();
    try (ZmqNode s0 = node(f, "server0", inbox0, log0)) {
      Credentials c1 = KeyFiles.load(f, map, "server1");
      try (AeadPeer p = new AeadPeer(map, "server1", c1.secretKey(), "server1", "server0")) {
        assertTrue(p.handshake(WAIT), "server0 did not welcome server1's key");
        byte[][] ok = p.seal(data("server1", "server0", 1), "first".getBytes());
        p.sendRaw(ok);
        assertArrayEquals("first".getBytes(), inbox0.take(1, "server0", "server1", WAIT));
        // replayed: the same frames again
        p.sendRaw(ok);
        assertTrue(awaitLog("refused a replayed frame from server1"), String.join("\n", log0));
      }
      Thread.sleep(300); // server0 lets go of the last connection's identity
      try (AeadPeer p = new AeadPeer(map, "server1", c1.secretKey(), "server1", "server0")) {
        assertTrue(p.handshake(WAIT));
        // speaks for server2: authenticated as server1, so dropped as forged
        p.sendRaw(p.seal(data("server2", "server0", 2), "forged".getBytes()));
        assertTrue(reached(s0::forgedMessages), "the forged batch was not seen");
        // tampered: one ciphertext bit flipped
        byte[][] m = p.seal(data("server1", "server0", 3), "tampered".getBytes());
        m[1][12] ^= 1;
        p.sendRaw(m);
        assertTrue(awaitLog("refused a tampered frame from server1"), String.join("\n", log0));
      }
      Thread.sleep(300); // server0 lets go of the last connection's identity
      try (AeadPeer p = new AeadPeer(map, "server1", c1.secretKey(), "server1", "server0")) {
        assertTrue(p.handshake(WAIT));
        // truncated: a frame cut to fewer bytes than a tag, and a message without its payload frame
        byte[][] m = p.seal(data("server1", "server0", 4), "cut".getBytes());
        p.sendRaw(m[0], java.util.Arrays.copyOf(m[1], 20));
        assertTrue(awaitLog("refused a truncated frame from server1"), String.join("\n", log0));
      }
      Thread.sleep(300); // server0 lets go of the last connection's identity
      try (AeadPeer p = new AeadPeer(map, "server1", c1.secretKey(), "server1", "server0")) {
        assertTrue(p.handshake(WAIT));
        p.sendRaw(p.seal(data("server1", "server0", 5), "only the header".getBytes())[0]);
        assertTrue(awaitLog("refused a message of 1 frame from server1"), String.join("\n", log0));
      }
      for (int t = 2; t <= 5; t++) {
        int id = t;
        assertThrows(PeerException.class, () -> inbox0.take(id, "server0", id == 2 ? "server2" : "server1", Duration.ofMillis(100)),
            "message " + t + " must not arrive");
      }
      assertTrue(s0.refusedEncryptedFrames() >= 4, "refused frames: " + s0.refusedEncryptedFrames());
    }
  }

  private boolean awaitLog(String text) throws InterruptedException {
    long end = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < end) {
      if (log0.stream().anyMatch(l -> l.contains(text))) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }

  private static boolean reached(IntSupplier counter) throws InterruptedException {
    long end = System.nanoTime() + 10_000_000_000L;
    while (counter.getAsInt() < 1 && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    return counter.getAsInt() >= 1;
  }
}
