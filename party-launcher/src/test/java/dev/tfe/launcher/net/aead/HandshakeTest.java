package dev.tfe.launcher.net.aead;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The handshake between known keys gives both sides matching keys per direction; an unknown or
 * stale key, a HELLO for someone else, a truncated or altered HELLO or WELCOME are refused; and
 * frames are refused when tampered, replayed, reordered or truncated, each error naming the peer.
 */
class HandshakeTest {
  private final SecureRandom rnd = new SecureRandom();
  private final byte[] sa = key();
  private final byte[] sb = key();
  private final Map<String, byte[]> hostmap = Map.of("alice", X25519.publicOf(sa), "bob", X25519.publicOf(sb));

  private byte[] key() {
    byte[] k = new byte[32];
    rnd.nextBytes(k);
    return k;
  }

  private Session[] pair() throws RefusedFrameException {
    Handshake.Initiator i = new Handshake.Initiator("alice", sa, X25519.publicOf(sa), "bob", X25519.publicOf(sb), rnd);
    Handshake.Accepted a = Handshake.respond("bob", sb, X25519.publicOf(sb), hostmap::get, i.hello(), rnd);
    return new Session[] {i.finish(a.welcome()), a.session()};
  }

  private static byte[] open(FrameCipher c, byte[] frame) throws RefusedFrameException {
    byte[] out = new byte[Math.max(0, FrameCipher.plainLength(frame.length))];
    c.open(ByteBuffer.wrap(frame), out, 0);
    return out;
  }

  @Test
  void knownKeysAgreeOnAKeyPerDirection() throws Exception {
    Session[] s = pair();
    assertEquals("bob", s[0].peer());
    assertEquals("alice", s[1].peer());
    byte[] m = "to bob".getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(m, open(s[1].in(), s[0].out().seal(m, 0, m.length, true)));
    byte[] r = "to alice".getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(r, open(s[0].in(), s[1].out().seal(r, 0, r.length, true)));
    // the directions have different keys: a frame cannot be reflected back to its sender
    byte[] f = s[0].out().seal(m, 0, m.length, true);
    RefusedFrameException e = assertThrows(RefusedFrameException.class, () -> open(s[0].in(), f));
    assertTrue(e.getMessage().contains("tampered frame from bob"), e.getMessage());
    // a second handshake has fresh keys (ephemeral keys): its frames do not open in the first
    Session[] t = pair();
    byte[] g = t[0].out().seal(m, 0, m.length, true);
    assertThrows(RefusedFrameException.class, () -> open(s[1].in(), g));
  }

  @Test
  void anUnknownOrStaleKeyIsRefused() throws Exception {
    byte[] stranger = key();
    Handshake.Initiator i = new Handshake.Initiator("alice", stranger, X25519.publicOf(stranger), "bob", X25519.publicOf(sb), rnd);
    RefusedFrameException e = assertThrows(RefusedFrameException.class,
        () -> Handshake.respond("bob", sb, X25519.publicOf(sb), hostmap::get, i.hello(), rnd));
    assertTrue(e.getMessage().contains("'alice'") && e.getMessage().contains("not made with alice's key"), e.getMessage());
    // a name the hostmap does not list
    Handshake.Initiator m = new Handshake.Initiator("mallory", stranger, X25519.publicOf(stranger), "bob", X25519.publicOf(sb), rnd);
    e = assertThrows(RefusedFrameException.class, () -> Handshake.respond("bob", sb, X25519.publicOf(sb), hostmap::get, m.hello(), rnd));
    assertTrue(e.getMessage().contains("'mallory': no such process"), e.getMessage());
    // alice with a stale public key for bob: bob refuses (its transcript differs)
    Handshake.Initiator st = new Handshake.Initiator("alice", sa, X25519.publicOf(sa), "bob", X25519.publicOf(key()), rnd);
    assertThrows(RefusedFrameException.class, () -> Handshake.respond("bob", sb, X25519.publicOf(sb), hostmap::get, st.hello(), rnd));
    // a HELLO for bob taken to carol
    byte[] sc = key();
    Handshake.Initiator ok = new Handshake.Initiator("alice", sa, X25519.publicOf(sa), "bob", X25519.publicOf(sb), rnd);
    e = assertThrows(RefusedFrameException.class, () -> Handshake.respond("carol", sc, X25519.publicOf(sc), hostmap::get, ok.hello(), rnd));
    assertTrue(e.getMessage().contains("addressed to 'bob'"), e.getMessage());
  }

  @Test
  void alteredOrTruncatedHandshakeMessagesAreRefused() throws Exception {
    Handshake.Initiator i = new Handshake.Initiator("alice", sa, X25519.publicOf(sa), "bob", X25519.publicOf(sb), rnd);
    byte[] hello = i.hello();
    for (int at = 0; at < hello.length; at++) {
      byte[] h = hello.clone();
      h[at] ^= 0x10;
      assertThrows(RefusedFrameException.class, () -> Handshake.respond("bob", sb, X25519.publicOf(sb), hostmap::get, h, rnd),
          "a HELLO altered at byte " + at);
    }
    for (int n = 0; n < hello.length; n++) {
      byte[] h = Arrays.copyOf(hello, n);
      assertThrows(RefusedFrameException.class, () -> Handshake.respond("bob", sb, X25519.publicOf(sb), hostmap::get, h, rnd),
          "a HELLO of " + n + " bytes");
    }
    byte[] welcome = Handshake.respond("bob", sb, X25519.publicOf(sb), hostmap::get, hello, rnd).welcome();
    for (int at = 0; at < welcome.length; at++) {
      byte[] w = welcome.clone();
      w[at] ^= 0x01;
      RefusedFrameException e = assertThrows(RefusedFrameException.class, () -> i.finish(w), "a WELCOME altered at byte " + at);
      assertTrue(e.getMessage().contains("bob"), e.getMessage());
    }
    assertThrows(RefusedFrameException.class, () -> i.finish(Arrays.copyOf(welcome, welcome.length - 1)));
    // an impostor without bob's key cannot even answer alice's HELLO
    byte[] fake = key();
    Map<String, byte[]> theirs = Map.of("alice", X25519.publicOf(sa), "bob", X25519.publicOf(fake));
    assertThrows(RefusedFrameException.class, () -> Handshake.respond("bob", fake, X25519.publicOf(fake), theirs::get, hello, rnd));
    // nor does bob's genuine WELCOME to another of alice's handshakes finish this one
    Handshake.Initiator other = new Handshake.Initiator("alice", sa, X25519.publicOf(sa), "bob", X25519.publicOf(sb), rnd);
    byte[] elsewhere = Handshake.respond("bob", sb, X25519.publicOf(sb), hostmap::get, other.hello(), rnd).welcome();
    assertFalse(Arrays.equals(elsewhere, welcome));
    RefusedFrameException e = assertThrows(RefusedFrameException.class, () -> i.finish(elsewhere));
    assertTrue(e.getMessage().contains("not made with bob's key"), e.getMessage());
    assertEquals("bob", i.finish(welcome).peer());
  }

  @Test
  void tamperedReplayedReorderedAndTruncatedFramesAreRefusedNamingThePeer() throws Exception {
    Session[] s = pair();
    byte[] p = new byte[1000];
    rnd.nextBytes(p);
    byte[] f0 = s[0].out().seal(p, 0, p.length, false);
    byte[] f1 = s[0].out().seal(p, 0, p.length, true);
    byte[] f2 = s[0].out().seal(p, 0, p.length, true);
    FrameCipher in = s[1].in();
    for (int at : new int[] {1, 9, 10, 500, f0.length - 1}) {
      byte[] t = f0.clone();
      t[at] ^= 0x04;
      RefusedFrameException e = assertThrows(RefusedFrameException.class, () -> open(in, t), "altered at " + at);
      assertTrue(e.getMessage().contains("from alice"), e.getMessage());
    }
    assertEquals(0, in.counter(), "a refused frame does not advance the counter");
    RefusedFrameException e = assertThrows(RefusedFrameException.class, () -> open(in, f1));
    assertTrue(e.getMessage().contains("reordered frame from alice"), e.getMessage());
    assertArrayEquals(p, open(in, f0));
    e = assertThrows(RefusedFrameException.class, () -> open(in, f0));
    assertTrue(e.getMessage().contains("replayed frame from alice: its counter is 0, the next expected is 1"), e.getMessage());
    e = assertThrows(RefusedFrameException.class, () -> open(in, Arrays.copyOf(f1, 25)));
    assertTrue(e.getMessage().contains("truncated frame from alice"), e.getMessage());
    e = assertThrows(RefusedFrameException.class, () -> open(in, Arrays.copyOf(f1, f1.length - 1)));
    assertTrue(e.getMessage().contains("tampered frame from alice"), e.getMessage());
    assertArrayEquals(p, open(in, f1));
    assertArrayEquals(p, open(in, f2));
  }
}
