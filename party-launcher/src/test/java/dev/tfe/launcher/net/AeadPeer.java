package dev.tfe.launcher.net;

import dev.tfe.launcher.config.Hostmap;
import dev.tfe.launcher.net.aead.Handshake;
import dev.tfe.launcher.net.aead.RefusedFrameException;
import dev.tfe.launcher.net.aead.Session;
import dev.tfe.launcher.net.aead.X25519;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A hand-driven client of the AEAD transport for tests: a raw DEALER (NULL mechanism) that says
 * HELLO with any key and name it is given, and then sends sealed, replayed or truncated frames.
 */
public final class AeadPeer implements AutoCloseable {
  private final ZContext ctx = new ZContext();
  private final ZMQ.Socket d;
  private final Handshake.Initiator hs;
  private Session session;

  /**
   * Connects to {@code to} with routing identity {@code identity}, claiming to be {@code name}
   * with the static key pair {@code secret} (Z85; its public key is derived).
   */
  public AeadPeer(Hostmap map, String name, String secretZ85, String identity, String to) {
    byte[] secret = ZMQ.Curve.z85Decode(secretZ85);
    hs = new Handshake.Initiator(name, secret, X25519.publicOf(secret), to, ZMQ.Curve.z85Decode(map.entry(to).publicKey()),
        new SecureRandom());
    d = ctx.createSocket(SocketType.DEALER);
    d.setIdentity(identity.getBytes(StandardCharsets.UTF_8));
    d.setLinger(0);
    d.setReceiveTimeOut(200);
    d.connect(map.entry(to).endpoint());
  }

  /** Says HELLO and waits for the WELCOME; true if the session is up, false if none came. */
  public boolean handshake(Duration wait) throws RefusedFrameException {
    long end = System.nanoTime() + wait.toNanos();
    long resend = 0;
    while (System.nanoTime() < end) {
      if (System.nanoTime() > resend) {
        // again after a second without answer: a connection under a name the listener still
        // holds for a closing one is refused, and the HELLO with it
        d.send(hs.hello(), 0);
        resend = System.nanoTime() + 1_000_000_000L;
      }
      byte[] r = d.recv();
      if (r != null && r.length > 0 && r[0] == Handshake.WELCOME) {
        session = hs.finish(r);
        return true;
      }
    }
    return false;
  }

  /** The frames of one sealed message (header, payload in one frame), not sent. */
  public byte[][] seal(Header h, byte[] payload) {
    byte[] head = h.encode();
    return new byte[][] {session.out().seal(head, 0, head.length, false), session.out().seal(payload, 0, payload.length, true)};
  }

  /** Sends raw frames as one message. */
  public void sendRaw(byte[]... frames) {
    for (int i = 0; i < frames.length; i++) {
      d.send(frames[i], i < frames.length - 1 ? ZMQ.SNDMORE : 0);
    }
  }

  @Override
  public void close() {
    ctx.close();
  }
}
