package dev.tfe.launcher.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.launcher.config.Hostmap;
import dev.tfe.launcher.config.KeyFiles;
import dev.tfe.runtime.PeerException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an observer on the path between two hosts sees: server1 reaches server0 through a relay
 * that records the bytes. Unencrypted, a known payload is on the wire verbatim (so the capture
 * works); with the AEAD transport it never is, and the bytes are statistically uniform (a
 * chi-square test of their histogram). A bit flipped by the relay is refused, with a log line
 * naming server1, and the two renegotiate.
 */
@Timeout(120)
class AeadWireTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final byte[] MARKER = "TFE-KNOWN-PLAINTEXT-0123456789".getBytes(StandardCharsets.US_ASCII);

  @TempDir
  Path dir;

  private final List<String> log0 = new CopyOnWriteArrayList<>();

  /** server0 listening directly; server1 with a hostmap copy that sends server0's traffic through the relay. */
  private ZmqNode[] nodes(Hostmap.Encryption enc, CapturingRelay[] relay, Inbox in0, Inbox in1) throws Exception {
    Map<String, String> a = new LinkedHashMap<>();
    for (String p : new String[] {"server0", "server1"}) {
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        a.put(p, "127.0.0.1:" + s.getLocalPort());
      }
    }
    Path f = dir.resolve(enc + ".json");
    Hostmap.of(a, enc).save(f);
    Hostmap map = KeyFiles.generate(f, true);
    relay[0] = new CapturingRelay(map.entry("server0").port());
    Map<String, Hostmap.Entry> via = new LinkedHashMap<>(map.entries());
    Hostmap.Entry e0 = map.entry("server0");
    via.put("server0", new Hostmap.Entry("server0", e0.host(), relay[0].port(), e0.publicKey()));
    Hostmap relayed = new Hostmap(via, map.encryption());
    ZmqNode n0 = new ZmqNode(map, KeyFiles.load(f, map, "server0"), in0, (h, p) -> {}, log0::add);
    ZmqNode n1 = new ZmqNode(relayed, KeyFiles.load(f, map, "server1"), in1, (h, p) -> {}, s -> {});
    return new ZmqNode[] {n0, n1};
  }

  private static byte[] payload(int bytes) {
    byte[] p = new byte[bytes];
    for (int i = 0; i < bytes; i++) {
      p[i] = MARKER[i % MARKER.length];
    }
    return p;
  }

  private static Header data(int tensor) {
    return new Header(Header.Kind.DATA, 1, tensor, 0, "server1", "server0");
  }

  @Test
  void aKnownPayloadIsOnThePlainWireButNeverOnTheEncryptedOne() throws Exception {
    byte[] p = payload(3 << 20);
    for (Hostmap.Encryption enc : new Hostmap.Encryption[] {Hostmap.Encryption.OFF, Hostmap.Encryption.ON}) {
      CapturingRelay[] relay = new CapturingRelay[1];
      Inbox in0 = new Inbox();
      ZmqNode[] n = nodes(enc, relay, in0, new Inbox());
      try {
        n[1].send(data(1), p.clone());
        assertArrayEquals(p, in0.take(1, "server0", "server1", WAIT));
        byte[] wire = relay[0].captured();
        assertTrue(wire.length > p.length, "captured " + wire.length + " bytes");
        boolean seen = indexOf(wire, MARKER) >= 0;
        if (enc == Hostmap.Encryption.OFF) {
          assertTrue(seen, "the capture holds the plaintext when unencrypted");
        } else {
          assertTrue(!seen, "the known payload appears on the encrypted wire");
          double chi2 = chiSquare(wire);
          // 248 degrees of freedom: mean 248, standard deviation 22.3; seven deviations above
          System.out.printf("encrypted wire: %,d bytes, byte histogram chi-square %.1f (uniform: 248 +- 22.3)%n", wire.length, chi2);
          assertTrue(chi2 < 248 + 7 * 22.3, "the wire bytes are not uniform: chi-square " + chi2);
        }
      } finally {
        n[1].close();
        n[0].close();
        relay[0].close();
      }
    }
  }

  @Test
  void aBitFlippedOnThePathIsRefusedNamingThePeerAndTheSessionIsRenegotiated() throws Exception {
    CapturingRelay[] relay = new CapturingRelay[1];
    Inbox in0 = new Inbox();
    ZmqNode[] n = nodes(Hostmap.Encryption.ON, relay, in0, new Inbox());
    try {
      n[1].send(data(1), "before".getBytes());
      assertArrayEquals("before".getBytes(), in0.take(1, "server0", "server1", WAIT));
      relay[0].flipAhead(500_000); // inside the next message's 1 MB payload frame
      n[1].send(data(2), payload(1 << 20));
      long end = System.nanoTime() + WAIT.toNanos();
      while (n[0].refusedEncryptedFrames() == 0 && System.nanoTime() < end) {
        Thread.sleep(20);
      }
      assertEquals(1, n[0].refusedEncryptedFrames());
      assertTrue(log0.stream().anyMatch(l -> l.contains("refused a tampered frame from server1")), String.join("\n", log0));
      assertThrows(PeerException.class, () -> in0.take(2, "server0", "server1", Duration.ofMillis(300)));
      // server0 dropped the session: server1's next message is answered with RESET (and lost),
      // then server1 says hello again and what follows arrives
      n[1].send(data(3), "lost".getBytes());
      Thread.sleep(500);
      n[1].send(data(4), "after".getBytes());
      assertArrayEquals("after".getBytes(), in0.take(4, "server0", "server1", WAIT));
    } finally {
      n[1].close();
      n[0].close();
      relay[0].close();
    }
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /**
   * Chi-square of the byte histogram against uniform, leaving out the seven values that the
   * framing of every 16 KiB frame repeats in clear (ZMTP's flags 1 to 3 and length bytes 0, 0x40,
   * 0x1a; the frame type 'D'; flag and counter bytes 0 and 1): 249 bins.
   */
  private static double chiSquare(byte[] b) {
    java.util.Set<Integer> framing = java.util.Set.of(0, 1, 2, 3, 0x1a, 0x40, (int) 'D');
    long[] h = new long[256];
    long n = 0;
    for (byte x : b) {
      if (!framing.contains(x & 0xff)) {
        h[x & 0xff]++;
        n++;
      }
    }
    double e = n / 249.0;
    double c = 0;
    for (int v = 0; v < 256; v++) {
      if (!framing.contains(v)) {
        c += (h[v] - e) * (h[v] - e) / e;
      }
    }
    return c;
  }
}
