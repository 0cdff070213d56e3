package dev.tfe.launcher.net;

import dev.tfe.launcher.config.Hostmap;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The ZeroMQ authentication handler (ZAP, RFC 27) of a listening process: every incoming
 * connection is accepted only if it proves to be a process of the hostmap.
 *
 * <ul>
 *   <li>CURVE: the client's long-term public key must be one listed in the hostmap; the user id
 *       given to the connection is that party's name.
 *   <li>PLAIN (unencrypted loopback only): the user name must be a process of the hostmap and the
 *       password the cluster token.
 *   <li>NULL, or anything else: rejected.
 * </ul>
 *
 * Rejections are logged, the first ten and then at every power of two (with the count).
 *
 * <p>The user id travels with every message of the connection, and {@link ZmqNode} checks it
 * against the sender a message claims.
 */
final class ZapHandler implements Runnable {
  static final String ENDPOINT = "inproc://zeromq.zap.01";
  private final ZMQ.Socket socket;
  private final Hostmap hostmap;
  private final byte[] token;
  private final Consumer<String> log;
  private final AtomicInteger rejected = new AtomicInteger();
  private volatile boolean running = true;
  private volatile String lastRejection;

  ZapHandler(ZContext ctx, Hostmap hostmap, String token, Consumer<String> log) {
    this.hostmap = hostmap;
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    this.log = log;
    this.socket = ctx.createSocket(SocketType.REP);
    socket.setLinger(0);
    socket.setReceiveTimeOut(200);
    socket.bind(ENDPOINT);
  }

  /** Why the last refused connection was refused, and from where; or null. */
  String lastRejection() {
    return lastRejection;
  }

  int rejected() {
    return rejected.get();
  }

  void stop() {
    running = false;
  }

  @Override
  public void run() {
    try {
      while (running) {
        byte[] first = socket.recv();
        if (first == null) {
          continue;
        }
        List<byte[]> f = new ArrayList<>();
        f.add(first);
        while (socket.hasReceiveMore()) {
          f.add(socket.recv());
        }
        reply(f);
      }
    } catch (RuntimeException e) {
      if (running) {
        log.accept("authentication handler stopped: " + e);
      }
    } finally {
      socket.close();
    }
  }

  private void reply(List<byte[]> f) {
    // version, request id, domain, address, routing id, mechanism, credentials...
    byte[] requestId = f.size() > 1 ? f.get(1) : new byte[0];
    String address = f.size() > 3 ? str(f.get(3)) : "?";
    String mechanism = f.size() > 5 ? str(f.get(5)) : "?";
    String user = null;
    String why;
    if (mechanism.equals("CURVE") && f.size() > 6 && f.get(6).length == 32) {
      String key = ZMQ.Curve.z85Encode(f.get(6));
      user = hostmap.partyWithKey(key);
      why = user == null ? "CURVE key " + key + " is not in the hostmap" : null;
    } else if (mechanism.equals("PLAIN") && f.size() > 7) {
      String name = str(f.get(6));
      boolean known = hostmap.entries().containsKey(name);
      boolean tokenOk = token != null && MessageDigest.isEqual(token, f.get(7));
      user = known && tokenOk ? name : null;
      why = !known ? "user '" + name + "' is not in the hostmap" : !tokenOk ? "wrong cluster token for '" + name + "'" : null;
    } else {
      why = "mechanism " + mechanism + " is not accepted";
    }
    if (user == null) {
      int n = rejected.incrementAndGet();
      lastRejection = why + " (connection from " + address + ")";
      if (n <= 10 || Integer.bitCount(n) == 1) { // a flood of bad handshakes cannot fill the log
        log.accept("rejected a connection from " + address + ": " + why + (n > 10 ? " (" + n + " rejected so far)" : ""));
      }
    }
    socket.sendMore("1.0");
    socket.sendMore(requestId);
    socket.sendMore(user == null ? "400" : "200");
    socket.sendMore(user == null ? "not in the hostmap" : "OK");
    socket.sendMore(user == null ? "" : user);
    socket.send(new byte[0]);
  }

  private static String str(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
