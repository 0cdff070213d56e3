package dev.tfe.launcher.net;

import dev.tfe.launcher.config.Credentials;
import dev.tfe.launcher.config.Hostmap;
import dev.tfe.launcher.net.aead.FrameCipher;
import dev.tfe.launcher.net.aead.Handshake;
import dev.tfe.launcher.net.aead.RefusedFrameException;
import dev.tfe.launcher.net.aead.Session;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.zeromq.ZMQ;

/**
 * The sessions of one {@link ZmqNode} when the hostmap asks for the AEAD transport (see
 * {@link Handshake}): ZeroMQ runs the NULL mechanism, and every message is a {@link Handshake}
 * message or a run of {@link FrameCipher} frames (the header, then the payload's frames).
 *
 * <p>Each DEALER (this process connecting to a party) starts a handshake as the initiator as soon
 * as it connects, and queues outgoing messages until the session is up. The ROUTER (parties
 * connecting here) answers each HELLO and keeps one session per routing identity, which must be
 * the name the HELLO proved (or {@code coordinator@...} for the coordinator). A frame that fails
 * (tampered, replayed, reordered, truncated) is refused with a log line naming the peer, and its
 * session is dropped: the router answers the peer's next frame with RESET, upon which the peer
 * says HELLO again; a DEALER renegotiates at once. Not thread-safe: the node calls it holding its lock.
 */
final class AeadLinks {
  /** A message that passed: the process it authenticated as, its header and payload. */
  record Opened(String node, byte[] header, byte[] payload) {}

  private static final class Link {
    Handshake.Initiator pending;
    byte[] hello;
    long pendingSince;
    Session session;
    final ArrayDeque<byte[][]> queue = new ArrayDeque<>();
  }

  private static final int MAX_ROUTED = 256;

  /**
   * Plaintext bytes per encrypted frame. Measured on this machine's JDK 17: the JIT compiles
   * AES-GCM's AES-NI/carry-less-multiply path only after some thousands of calls of at least
   * 7,680 bytes; before that it runs at 5-10 MB/s. With 8 MiB frames it stayed there (a few calls
   * per message); with 16 KiB frames it reached 3.4 GB/s after about 4,600 frames. See also
   * {@link GcmWarmUp}.
   */
  static final int AEAD_FRAME_BYTES = 16 << 10;

  private final String self;
  private final byte[] secret;
  private final byte[] publicKey;
  private final Hostmap hostmap;
  private final Consumer<String> log;
  private final WireLimits limits;
  private final Framing framing;
  private final SecureRandom random;
  private final Map<String, Link> dealers = new HashMap<>();
  /** A responder's session with the HELLO that made it and its WELCOME (sent again for the same HELLO). */
  private record Routed(Session session, byte[] hello, byte[] welcome) {}

  private final Map<String, Routed> routed = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Routed> eldest) {
      return size() > MAX_ROUTED; // one per coordinator that ever connected, bounded
    }
  };
  private final AtomicInteger rejected = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private volatile String lastRejection;

  AeadLinks(Hostmap hostmap, Credentials creds, WireLimits limits, Framing framing, Consumer<String> log) {
    this.self = creds.node();
    this.secret = ZMQ.Curve.z85Decode(creds.secretKey());
    this.publicKey = ZMQ.Curve.z85Decode(creds.publicKey());
    this.hostmap = hostmap;
    this.limits = limits;
    this.framing = framing;
    this.log = log;
    try {
      this.random = SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK has no DRBG SecureRandom", e);
    }
    GcmWarmUp.start();
  }

  int rejected() {
    return rejected.get();
  }

  /** Frames refused after a handshake (tampered, replayed, reordered, truncated). */
  int refusedFrames() {
    return refused.get();
  }

  String lastRejection() {
    return lastRejection;
  }

  /** Says HELLO to {@code peer} on its DEALER. */
  void start(String peer, ZMQ.Socket d) {
    Link l = dealers.computeIfAbsent(peer, p -> new Link());
    String key = hostmap.entry(peer).publicKey();
    if (key == null) {
      throw new IllegalStateException(peer + " has no public key in the hostmap; run ./tfe keys");
    }
    l.session = null;
    l.pending = new Handshake.Initiator(self, secret, publicKey, peer, ZMQ.Curve.z85Decode(key), random);
    l.hello = l.pending.hello();
    sayHello(peer, d, l);
  }

  private void sayHello(String peer, ZMQ.Socket d, Link l) {
    l.pendingSince = System.nanoTime();
    if (!d.send(l.hello, ZMQ.DONTWAIT)) {
      log.accept(self + " cannot say hello to " + peer + " yet (no connection); will retry");
    }
  }

  /** Sends (or queues, until the handshake is done) a message on the DEALER to {@code peer}. */
  void toDealer(String peer, ZMQ.Socket d, byte[] header, byte[] payload) {
    Link l = dealers.get(peer);
    if (l.session == null) {
      l.queue.add(new byte[][] {header, payload});
      if (System.nanoTime() - l.pendingSince > ZmqNode.HANDSHAKE_MILLIS * 1_000_000L) {
        log.accept(self + " has had no handshake reply from " + peer + " for " + ZmqNode.HANDSHAKE_MILLIS / 1000 + " s; saying hello again");
        sayHello(peer, d, l); // the same HELLO: a peer that got both answers both with the same WELCOME
      }
      return;
    }
    if (!seal(d, null, l.session, header, payload)) {
      log.accept(self + " cannot send to " + peer + " (no connection); message dropped, renegotiating");
      start(peer, d);
    }
  }

  /** Sends a message on the ROUTER to the connection {@code route}; false if it has no session. */
  boolean toRouted(ZMQ.Socket router, String route, byte[] header, byte[] payload) {
    Routed r = routed.get(route);
    Session s = r == null ? null : r.session();
    if (s == null) {
      log.accept(self + " has no authenticated connection from " + route + "; message dropped");
      return false;
    }
    if (!seal(router, route.getBytes(StandardCharsets.UTF_8), s, header, payload)) {
      log.accept(self + " cannot send to " + route + " (its connection is closing or full); message dropped");
      routed.remove(route);
      return false;
    }
    return true;
  }

  private static boolean seal(ZMQ.Socket s, byte[] route, Session session, byte[] header, byte[] payload) {
    FrameCipher c = session.out();
    if (route != null) {
      if (!s.send(route, ZMQ.SNDMORE | ZMQ.DONTWAIT)) {
        return false;
      }
      s.send(c.seal(header, 0, header.length, false), ZMQ.SNDMORE);
    } else if (!s.send(c.seal(header, 0, header.length, false), ZMQ.SNDMORE | ZMQ.DONTWAIT)) {
      return false;
    }
    int n = payload.length;
    int off = 0;
    do {
      int len = Math.min(AEAD_FRAME_BYTES, n - off);
      boolean last = off + len == n;
      s.send(c.seal(payload, off, len, last), last ? 0 : ZMQ.SNDMORE);
      off += len;
    } while (off < n);
    return true;
  }

  /** A message that arrived on the ROUTER from routing identity {@code identity}; null if refused or a handshake. */
  Opened fromRouter(ZMQ.Socket router, String identity, List<zmq.Msg> frames) {
    byte[] first = frames.get(0).data();
    if (first.length > 0 && first[0] == Handshake.HELLO) {
      String claimed = Handshake.claimedName(first);
      try {
        boolean coordinator = Hostmap.COORDINATOR.equals(claimed) && identity.startsWith(ZmqNode.COORDINATOR_PREFIX);
        if (claimed == null || !(claimed.equals(identity) || coordinator)) {
          throw new RefusedFrameException("refused a handshake on connection '" + identity + "' that claims to be '" + claimed + "'");
        }
        Routed known = routed.get(identity);
        byte[] welcome;
        if (known != null && java.util.Arrays.equals(known.hello(), first)) {
          welcome = known.welcome(); // a HELLO said again (or replayed): same answer, same session
        } else {
          Handshake.Accepted a = Handshake.respond(self, secret, publicKey, this::keyOf, first, random);
          routed.put(identity, new Routed(a.session(), first, a.welcome()));
          welcome = a.welcome();
        }
        router.send(identity.getBytes(StandardCharsets.UTF_8), ZMQ.SNDMORE | ZMQ.DONTWAIT);
        router.send(welcome, 0);
      } catch (RefusedFrameException e) {
        reject(e.getMessage() + " (connection '" + identity + "')");
      }
      return null;
    }
    Routed r = routed.get(identity);
    Session s = r == null ? null : r.session();
    if (s == null) {
      if (first.length > 0 && first[0] == FrameCipher.DATA) {
        // a peer that lost its session (this process restarted): ask it to say hello again
        router.send(identity.getBytes(StandardCharsets.UTF_8), ZMQ.SNDMORE | ZMQ.DONTWAIT);
        router.send(new byte[] {Handshake.RESET}, 0);
      }
      reject("dropped a message on connection '" + identity + "', which has not completed a handshake");
      return null;
    }
    Opened o = open(s, identity, frames);
    if (o == null) {
      routed.remove(identity);
    }
    return o;
  }

  /** A message that arrived on the DEALER to {@code peer}; null if refused or a handshake. */
  Opened fromDealer(String peer, ZMQ.Socket d, List<zmq.Msg> frames) {
    Link l = dealers.get(peer);
    byte[] first = frames.get(0).data();
    if (first.length > 0 && first[0] == Handshake.WELCOME) {
      if (l.pending == null) {
        if (l.session == null) {
          reject("dropped an unexpected handshake reply from " + peer);
        } // else the answer to a HELLO said twice: the session is up already
        return null;
      }
      try {
        l.session = l.pending.finish(first);
        l.pending = null;
        while (!l.queue.isEmpty() && l.session != null) {
          byte[][] m = l.queue.poll();
          toDealer(peer, d, m[0], m[1]);
        }
      } catch (RefusedFrameException e) {
        reject(e.getMessage());
      }
      return null;
    }
    if (first.length == 1 && first[0] == Handshake.RESET) {
      if (l.session != null) {
        log.accept(self + ": " + peer + " has no session with it (did it restart?); saying hello again");
        start(peer, d);
      }
      return null;
    }
    if (l.session == null) {
      reject("dropped a message from " + peer + " before the handshake completed");
      return null;
    }
    Opened o = open(l.session, peer, frames);
    if (o == null) {
      start(peer, d);
    }
    return o;
  }

  private Opened open(Session s, String connection, List<zmq.Msg> frames) {
    try {
      if (frames.size() < 2) {
        throw new RefusedFrameException("refused a message of " + frames.size() + " frame from " + s.peer()
            + " (a header and a payload frame at least)");
      }
      byte[] header = openFrame(s, frames.get(0));
      long total = 0;
      for (int i = 1; i < frames.size(); i++) {
        int n = FrameCipher.plainLength(frames.get(i).size());
        if (n < 0) {
          throw new RefusedFrameException("refused a truncated frame from " + s.peer() + ": " + frames.get(i).size() + " bytes");
        }
        total += n;
      }
      if (framing.refuseOversized(total, connection)) {
        throw new RefusedFrameException("refused an oversized message from " + s.peer());
      }
      byte[] payload = new byte[(int) total];
      int at = 0;
      for (int i = 1; i < frames.size(); i++) {
        zmq.Msg m = frames.get(i);
        boolean last = s.in().open(m.buf(), payload, at);
        if (last != (i == frames.size() - 1)) {
          throw new RefusedFrameException("refused a message from " + s.peer() + (last ? " with frames after its last"
              : " cut short: its last frame says more follow"));
        }
        at += FrameCipher.plainLength(m.size());
      }
      return new Opened(s.peer(), header, payload);
    } catch (RefusedFrameException e) {
      log.accept(self + " " + e.getMessage() + "; the session with " + s.peer() + " is dropped and renegotiated");
      refused.incrementAndGet(); // after the log line, which a watcher of the count may look for
      return null;
    }
  }

  private static byte[] openFrame(Session s, zmq.Msg m) throws RefusedFrameException {
    int n = FrameCipher.plainLength(m.size());
    if (n < 0) {
      throw new RefusedFrameException("refused a truncated frame from " + s.peer() + ": " + m.size() + " bytes");
    }
    byte[] out = new byte[n];
    if (s.in().open(m.buf(), out, 0)) {
      throw new RefusedFrameException("refused a message from " + s.peer() + " whose header frame is marked last");
    }
    return out;
  }

  private byte[] keyOf(String name) {
    Hostmap.Entry e = hostmap.entries().get(name);
    boolean process = name.equals(Hostmap.COORDINATOR) || hostmap.processParties().contains(name);
    return e == null || !process || e.publicKey() == null ? null : ZMQ.Curve.z85Decode(e.publicKey());
  }

  private void reject(String why) {
    int n = rejected.get() + 1; // only the node's I/O lock holder gets here
    lastRejection = why;
    if (n <= 10 || Integer.bitCount(n) == 1) { // a flood of bad handshakes cannot fill the log
      log.accept(self + " " + why + (n > 10 ? " (" + n + " rejected so far)" : ""));
    }
    rejected.incrementAndGet();
  }
}
