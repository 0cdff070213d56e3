package dev.tfe.launcher.net.aead;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The transport's key exchange between two processes that know each other's static X25519 public
 * key from the hostmap, in two messages, after the pattern KK of the Noise protocol framework
 * (Perrin, revision 34, section 7.5; written here from that description):
 *
 * <pre>
 * h0   = SHA256(label | name_i | S_i | name_r | S_r)            both identities bound from the start
 * HELLO   i -> r:  name_i, name_r, E_i, tag1
 *   ck1  = HKDF-Extract(h0, DH(e_i, S_r) | DH(s_i, S_r))          "es", "ss"
 *   tag1 = AES-GCM(HKDF-Expand(ck1, "hello" | h1), aad h1), h1 = SHA256(h0 | E_i)
 * WELCOME r -> i:  E_r, tag2
 *   ck2  = HKDF-Extract(ck1, DH(e_r, E_i) | DH(e_r, S_i))         "ee", "se"
 *   tag2 = AES-GCM(HKDF-Expand(ck2, "welcome" | h2), aad h2), h2 = SHA256(h1 | tag1 | E_r)
 * keys  = HKDF-Expand(ck2, "i->r" | h3), HKDF-Expand(ck2, "r->i" | h3), h3 = SHA256(h2 | tag2)
 * </pre>
 *
 * Only the holder of {@code s_i} can make {@code tag1} (it needs "ss"), only the holder of
 * {@code s_r} can make {@code tag2} (it needs "es"), and the traffic keys depend on "ee", so a
 * static key stolen later does not open recorded sessions (forward secrecy). A replayed HELLO
 * makes the responder answer, but the replayer lacks {@code e_i} and so the keys; the transport
 * answers a HELLO it holds a session for with the same WELCOME (so an initiator may say it again
 * after a timeout), and an old HELLO can at worst make a session the genuine peer then fails to
 * open and renegotiates (a denial of service, which anyone on the path can cause anyway).
 *
 * <p>Why not CurveZMQ: JeroMQ's CURVE (XSalsa20-Poly1305 in pure Java) moved 4-15 MB/s here,
 * slower than a 352 Mbit/s WAN link, while the JDK's AES-GCM runs on AES-NI and carryless
 * multiplication at gigabytes per second. Why not TLS: ZeroMQ's sockets own the TCP connections,
 * so the handshake travels as ZeroMQ messages over the NULL mechanism instead. The static keys are
 * the key files' Curve25519 keys, so {@code ./tfe keys} is unchanged and CURVE stays available.
 */
public final class Handshake {
  /** Type bytes of the handshake messages and of the responder's "no session, say hello again". */
  public static final byte HELLO = 'H';
  public static final byte WELCOME = 'W';
  public static final byte RESET = 'R';
  static final byte VERSION = 1;
  private static final byte[] LABEL = "tfe-java transport 1: X25519, HKDF-SHA256, AES-256-GCM".getBytes(StandardCharsets.US_ASCII);
  private static final int TAG = 16;
  private static final int WELCOME_BYTES = 2 + X25519.KEY_BYTES + TAG;

  private Handshake() {}

  /** The initiator's side, from HELLO to the session. */
  public static final class Initiator {
    private final String peer;
    private final PublicKey peerStatic;
    private final KeyPair eph;
    private final byte[] h1;
    private final byte[] ck1;
    private final byte[] tag1;
    private final byte[] hello;
    private final PrivateKey self;
    private final byte[] e;

    /**
     * Starts a handshake of {@code self} (static key pair {@code secret}, {@code selfPublic}) with
     * {@code peer}, whose static public key is {@code peerPublic}.
     */
    public Initiator(String self, byte[] secret, byte[] selfPublic, String peer, byte[] peerPublic, SecureRandom random) {
      this.peer = peer;
      this.self = X25519.privateKey(secret);
      this.peerStatic = X25519.publicKey(peerPublic);
      this.eph = X25519.generate(random);
      this.e = X25519.raw(eph.getPublic());
      byte[] h0 = h0(self, selfPublic, peer, peerPublic);
      h1 = Hkdf.hash(h0, e);
      ck1 = Hkdf.extract(h0, X25519.dh(eph.getPrivate(), peerStatic), X25519.dh(this.self, peerStatic));
      tag1 = tag(Hkdf.expand(ck1, concat(bytes("hello"), h1), 32), h1);
      byte[] ni = bytes(self);
      byte[] nr = bytes(peer);
      ByteBuffer b = ByteBuffer.allocate(4 + ni.length + nr.length + X25519.KEY_BYTES + TAG);
      b.put(HELLO).put(VERSION).put((byte) ni.length).put(ni).put((byte) nr.length).put(nr).put(e).put(tag1);
      hello = b.array();
    }

    /** The HELLO message to send. */
    public byte[] hello() {
      return hello.clone();
    }

    /**
     * Checks the responder's WELCOME and derives the session.
     *
     * @throws RefusedFrameException naming the peer, if the message is malformed or was not made
     *     with the peer's static key
     */
    public Session finish(byte[] welcome) throws RefusedFrameException {
      if (welcome.length != WELCOME_BYTES || welcome[0] != WELCOME || welcome[1] != VERSION) {
        throw new RefusedFrameException("refused a malformed handshake reply from " + peer + " (" + welcome.length + " bytes)");
      }
      byte[] er = java.util.Arrays.copyOfRange(welcome, 2, 2 + X25519.KEY_BYTES);
      byte[] tag2 = java.util.Arrays.copyOfRange(welcome, 2 + X25519.KEY_BYTES, WELCOME_BYTES);
      byte[] ck2;
      try {
        PublicKey erKey = X25519.publicKey(er);
        ck2 = Hkdf.extract(ck1, X25519.dh(eph.getPrivate(), erKey), X25519.dh(self, erKey));
      } catch (IllegalArgumentException ex) {
        throw new RefusedFrameException("refused the handshake reply of " + peer + ": " + ex.getMessage());
      }
      byte[] h2 = Hkdf.hash(h1, tag1, er);
      if (!MessageDigest.isEqual(tag2, tag(Hkdf.expand(ck2, concat(bytes("welcome"), h2), 32), h2))) {
        throw new RefusedFrameException("refused the handshake reply of " + peer + ": it was not made with " + peer
            + "'s key in the hostmap (a stale hostmap or key file? run ./tfe keys again and copy the hostmap to every host)");
      }
      byte[] h3 = Hkdf.hash(h2, tag2);
      return new Session(peer, new FrameCipher(peer, Hkdf.expand(ck2, concat(bytes("i->r"), h3), 32)),
          new FrameCipher(peer, Hkdf.expand(ck2, concat(bytes("r->i"), h3), 32)));
    }
  }

  /** What a responder learns from a valid HELLO: the session and the WELCOME to answer with. */
  public record Accepted(Session session, byte[] welcome) {}

  /** Looks up a process's static public key by name; null if the hostmap does not list it. */
  @FunctionalInterface
  public interface Keys {
    byte[] publicKey(String name);
  }

  /** The name a HELLO claims, or null if it is too malformed to say (no check of anything else). */
  public static String claimedName(byte[] hello) {
    if (hello.length < 4 || hello[0] != HELLO) {
      return null;
    }
    int n = hello[2] & 0xff;
    return 3 + n <= hello.length ? new String(hello, 3, n, StandardCharsets.UTF_8) : null;
  }

  /**
   * The responder's side: checks a HELLO addressed to {@code self} and answers it.
   *
   * @throws RefusedFrameException if the HELLO is malformed, addressed to another process, from a
   *     name the hostmap does not list, or not made with that name's static key
   */
  public static Accepted respond(String self, byte[] secret, byte[] selfPublic, Keys keys, byte[] hello, SecureRandom random)
      throws RefusedFrameException {
    ByteBuffer b = ByteBuffer.wrap(hello);
    try {
      if (b.get() != HELLO || b.get() != VERSION) {
        throw new RefusedFrameException("refused a handshake that is not a version-" + VERSION + " HELLO");
      }
      String ni = name(b);
      String nr = name(b);
      if (!nr.equals(self)) {
        throw new RefusedFrameException("refused a handshake from '" + ni + "' addressed to '" + nr + "', not to " + self);
      }
      byte[] ei = new byte[X25519.KEY_BYTES];
      byte[] tag1 = new byte[TAG];
      b.get(ei).get(tag1);
      if (b.hasRemaining()) {
        throw new RefusedFrameException("refused a handshake from '" + ni + "' with " + b.remaining() + " extra bytes");
      }
      byte[] si = keys.publicKey(ni);
      if (si == null) {
        throw new RefusedFrameException("refused a handshake from '" + ni + "': no such process in the hostmap");
      }
      PrivateKey sr = X25519.privateKey(secret);
      PublicKey siKey = X25519.publicKey(si);
      PublicKey eiKey = X25519.publicKey(ei);
      byte[] h0 = h0(ni, si, self, selfPublic);
      byte[] h1 = Hkdf.hash(h0, ei);
      byte[] ck1 = Hkdf.extract(h0, X25519.dh(sr, eiKey), X25519.dh(sr, siKey));
      if (!MessageDigest.isEqual(tag1, tag(Hkdf.expand(ck1, concat(bytes("hello"), h1), 32), h1))) {
        throw new RefusedFrameException("refused a handshake from '" + ni + "': it was not made with " + ni
            + "'s key in the hostmap (an unknown key, or a stale key file: run ./tfe keys again)");
      }
      KeyPair eph = X25519.generate(random);
      byte[] er = X25519.raw(eph.getPublic());
      byte[] ck2 = Hkdf.extract(ck1, X25519.dh(eph.getPrivate(), eiKey), X25519.dh(eph.getPrivate(), siKey));
      byte[] h2 = Hkdf.hash(h1, tag1, er);
      byte[] tag2 = tag(Hkdf.expand(ck2, concat(bytes("welcome"), h2), 32), h2);
      byte[] h3 = Hkdf.hash(h2, tag2);
      Session s = new Session(ni, new FrameCipher(ni, Hkdf.expand(ck2, concat(bytes("r->i"), h3), 32)),
          new FrameCipher(ni, Hkdf.expand(ck2, concat(bytes("i->r"), h3), 32)));
      return new Accepted(s, ByteBuffer.allocate(WELCOME_BYTES).put(WELCOME).put(VERSION).put(er).put(tag2).array());
    } catch (java.nio.BufferUnderflowException e) {
      throw new RefusedFrameException("refused a truncated handshake of " + hello.length + " bytes");
    } catch (IllegalArgumentException e) {
      throw new RefusedFrameException("refused a handshake: " + e.getMessage());
    }
  }

  private static String name(ByteBuffer b) {
    byte[] n = new byte[b.get() & 0xff];
    b.get(n);
    return new String(n, StandardCharsets.UTF_8);
  }

  private static byte[] h0(String ni, byte[] si, String nr, byte[] sr) {
    byte[] a = bytes(ni);
    byte[] c = bytes(nr);
    return Hkdf.hash(LABEL, new byte[] {(byte) a.length}, a, si, new byte[] {(byte) c.length}, c, sr);
  }

  /** A 16-byte AES-GCM tag on no plaintext, {@code aad} authenticated, nonce 0 (each key makes one tag). */
  private static byte[] tag(byte[] key, byte[] aad) {
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, new byte[12]));
      c.updateAAD(aad);
      return c.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM failed: " + e.getMessage(), e);
    }
  }

  private static byte[] bytes(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    if (b.length > 255) {
      throw new IllegalArgumentException("a process name has at most 255 bytes: " + s);
    }
    return b;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] o = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, o, a.length, b.length);
    return o;
  }
}
