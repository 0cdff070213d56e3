package dev.tfe.launcher.net;

import dev.tfe.launcher.config.Credentials;
import dev.tfe.launcher.config.Hostmap;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * One process's ZeroMQ endpoint. A party process listens on its hostmap address with a ROUTER
 * socket guarded by a {@link ZapHandler}, and connects one DEALER socket to every other party
 * process; the coordinator only connects. Messages to the coordinator travel back over the
 * ROUTER on the coordinator's own connection, so the coordinator need not be reachable.
 *
 * <p>One I/O thread owns every socket (ZeroMQ sockets are not thread-safe). Other threads hand
 * it messages through an in-process pair socket; the payload array is passed on without a copy
 * (JeroMQ does not copy it either), so a caller must not touch an array once sent: the
 * executor always sends freshly encoded batches. Incoming tensors go to the {@link Inbox},
 * other messages to the {@link Listener}, after two checks: the connection authenticated as a
 * process of the hostmap, and that process hosts the party the message says it is from.
 */
public final class ZmqNode implements AutoCloseable {
  /** Receives control messages on the I/O thread; must return quickly. */
  @FunctionalInterface
  public interface Listener {
    void onMessage(Header header, byte[] payload);
  }

  private static final AtomicInteger NEXT = new AtomicInteger();
  private final String name;
  private final Hostmap hostmap;
  private final Inbox inbox;
  private final Listener listener;
  private final Consumer<String> log;
  private final ZContext ctx = new ZContext(1);
  private final ZapHandler zap;
  private final ZMQ.Socket router;
  private final Map<String, ZMQ.Socket> dealers = new LinkedHashMap<>();
  private final ZMQ.Socket pipeIn;
  private final ZMQ.Socket pipeOut;
  private final Object sendLock = new Object();
  private final Thread io;
  private final AtomicInteger forged = new AtomicInteger();
  private volatile boolean running = true;
  private volatile boolean closed;

  /**
   * Opens the endpoint of process {@code creds.node()}: binds if the hostmap gives it an
   * address, and connects to every other process of the hostmap.
   *
   * @throws IllegalStateException if the address cannot be bound (the message says which)
   */
  public ZmqNode(Hostmap hostmap, Credentials creds, Inbox inbox, Listener listener, Consumer<String> log) {
    this.name = creds.node();
    this.hostmap = hostmap;
    this.inbox = inbox;
    this.listener = listener;
    this.log = log;
    boolean curve = hostmap.encrypted();
    if (curve && creds.secretKey() == null) {
      throw new IllegalStateException(name + " has no secret key; CURVE needs one");
    }
    String pipe = "inproc://tfe-node-" + NEXT.incrementAndGet();
    pipeIn = ctx.createSocket(SocketType.PAIR);
    pipeIn.setHWM(0);
    pipeIn.bind(pipe);
    pipeOut = ctx.createSocket(SocketType.PAIR);
    pipeOut.setHWM(0);
    pipeOut.connect(pipe);
    Hostmap.Entry self = hostmap.entries().get(name);
    if (self != null && self.hasAddress() && !name.equals(Hostmap.COORDINATOR)) {
      zap = new ZapHandler(ctx, hostmap, creds.token(), log);
      Thread z = new Thread(zap, "tfe-zap-" + name);
      z.setDaemon(true);
      z.start();
      router = ctx.createSocket(SocketType.ROUTER);
      router.setHWM(0);
      router.setLinger(500);
      router.setRouterMandatory(true);
      router.setZAPDomain("tfe");
      if (curve) {
        router.setCurveServer(true);
        router.setCurvePublicKey(ZMQ.Curve.z85Decode(creds.publicKey()));
        router.setCurveSecretKey(ZMQ.Curve.z85Decode(creds.secretKey()));
      } else {
        router.setPlainServer(true);
      }
      String bind = "tcp://" + (Hostmap.isLoopback(self.host()) ? self.host() : "*") + ":" + self.port();
      try {
        router.bind(bind);
      } catch (ZMQException e) {
        ctx.close();
        throw new IllegalStateException(name + " cannot listen on " + self.address() + ": " + e.getMessage()
            + " (is another process using the port?)", e);
      }
    } else {
      zap = null;
      router = null;
    }
    for (String peer : hostmap.processParties()) {
      if (peer.equals(name)) {
        continue;
      }
      Hostmap.Entry e = hostmap.entry(peer);
      ZMQ.Socket d = ctx.createSocket(SocketType.DEALER);
      d.setHWM(0);
      d.setLinger(500);
      d.setIdentity(name.getBytes(StandardCharsets.UTF_8));
      d.setReconnectIVL(100);
      d.setReconnectIVLMax(1000);
      if (curve) {
        if (e.publicKey() == null) {
          throw new IllegalStateException(peer + " has no public key in the hostmap; run ./tfe keys");
        }
        d.setCurveServerKey(ZMQ.Curve.z85Decode(e.publicKey()));
        d.setCurvePublicKey(ZMQ.Curve.z85Decode(creds.publicKey()));
        d.setCurveSecretKey(ZMQ.Curve.z85Decode(creds.secretKey()));
      } else {
        d.setPlainUsername(name);
        d.setPlainPassword(creds.token() == null ? "" : creds.token());
      }
      d.connect(e.endpoint());
      dealers.put(peer, d);
    }
    io = new Thread(this::loop, "tfe-io-" + name);
    io.setDaemon(true);
    io.start();
  }

  public String name() {
    return name;
  }

  public Hostmap hostmap() {
    return hostmap;
  }

  /** Connections refused by authentication so far. */
  public int rejectedConnections() {
    return zap == null ? 0 : zap.rejected();
  }

  /** Messages dropped because they claimed a sender their connection does not host. */
  public int forgedMessages() {
    return forged.get();
  }

  /**
   * Sends a message to the process hosting {@code header.to()}. Thread-safe; returns at once.
   * {@code payload} is handed over without a copy and must not be modified afterwards.
   */
  public void send(Header header, byte[] payload) {
    String dest = hostmap.nodeOf(header.to());
    if (dest.equals(name)) {
      dispatch(header, payload);
      return;
    }
    synchronized (sendLock) {
      if (closed) {
        throw new IllegalStateException("the ZeroMQ endpoint of " + name + " is closed");
      }
      pipeOut.sendMore(dest);
      pipeOut.sendMore(header.encode());
      pipeOut.send(payload, 0);
    }
  }

  private void loop() {
    ZMQ.Poller poller = ctx.createPoller(2 + dealers.size());
    poller.register(pipeIn, ZMQ.Poller.POLLIN);
    int routerIndex = router == null ? -1 : poller.register(router, ZMQ.Poller.POLLIN);
    Map<Integer, String> dealerIndex = new LinkedHashMap<>();
    dealers.forEach((peer, s) -> dealerIndex.put(poller.register(s, ZMQ.Poller.POLLIN), peer));
    try {
      while (running) {
        poller.poll(100);
        try {
          drainPipe();
          if (routerIndex >= 0 && poller.pollin(routerIndex)) {
            drainRouter();
          }
          for (Map.Entry<Integer, String> d : dealerIndex.entrySet()) {
            if (poller.pollin(d.getKey())) {
              drainDealer(d.getValue(), dealers.get(d.getValue()));
            }
          }
        } catch (RuntimeException e) {
          if (running) {
            log.accept("I/O error on " + name + ": " + e);
          }
        }
      }
      drainPipe();
    } finally {
      poller.close();
      if (zap != null) {
        zap.stop();
      }
      ctx.close();
    }
  }

  private void drainPipe() {
    while (true) {
      byte[] dest = pipeIn.recv(ZMQ.DONTWAIT);
      if (dest == null) {
        return;
      }
      zmq.Msg header = pipeIn.recvMsg();
      zmq.Msg payload = pipeIn.recvMsg();
      String node = new String(dest, StandardCharsets.UTF_8);
      ZMQ.Socket d = dealers.get(node);
      try {
        if (d != null) {
          d.sendMsg(header, ZMQ.SNDMORE);
          d.sendMsg(payload, 0);
        } else if (router != null) {
          router.sendMore(dest);
          router.sendMsg(header, ZMQ.SNDMORE);
          router.sendMsg(payload, 0);
        } else {
          log.accept(name + " has no connection to " + node + "; message dropped");
        }
      } catch (ZMQException e) {
        log.accept(name + " cannot send to " + node + " (not connected): " + e.getMessage());
      }
    }
  }

  private void drainRouter() {
    while (true) {
      zmq.Msg id = router.recvMsg(ZMQ.DONTWAIT);
      if (id == null) {
        return;
      }
      zmq.Msg header = router.hasReceiveMore() ? router.recvMsg() : null;
      zmq.Msg payload = router.hasReceiveMore() ? router.recvMsg() : null;
      while (router.hasReceiveMore()) {
        router.recvMsg();
      }
      if (header == null || payload == null) {
        continue;
      }
      String user = header.getMetadata() == null ? null : header.getMetadata().get("User-Id");
      String identity = new String(id.data(), StandardCharsets.UTF_8);
      if (user == null || user.isEmpty() || !user.equals(identity)) {
        forged.incrementAndGet();
        log.accept("dropped a message on a connection authenticated as '" + user + "' that calls itself '" + identity + "'");
        continue;
      }
      accept(user, header.data(), payload.data());
    }
  }

  private void drainDealer(String peer, ZMQ.Socket d) {
    while (true) {
      zmq.Msg header = d.recvMsg(ZMQ.DONTWAIT);
      if (header == null) {
        return;
      }
      zmq.Msg payload = d.hasReceiveMore() ? d.recvMsg() : null;
      while (d.hasReceiveMore()) {
        d.recvMsg();
      }
      if (payload != null) {
        accept(peer, header.data(), payload.data());
      }
    }
  }

  /** Checks that {@code node}, which authenticated on the connection, hosts the sender. */
  private void accept(String node, byte[] headerBytes, byte[] payload) {
    Header h;
    try {
      h = Header.decode(headerBytes);
    } catch (IllegalArgumentException e) {
      forged.incrementAndGet();
      log.accept("dropped a malformed message from " + node + ": " + e.getMessage());
      return;
    }
    if (!hostmap.nodeOf(h.from()).equals(node) || !hostmap.nodeOf(h.to()).equals(name)) {
      forged.incrementAndGet();
      log.accept("dropped a " + h.kind() + " message from process " + node + " that claims to be from " + h.from()
          + " to " + h.to());
      return;
    }
    dispatch(h, payload);
  }

  private void dispatch(Header h, byte[] payload) {
    if (h.kind() == Header.Kind.DATA) {
      inbox.deliver(h.run(), h.to(), h.from(), payload);
    } else {
      listener.onMessage(h, payload);
    }
  }

  /** Flushes queued messages (up to the linger time) and closes every socket. */
  @Override
  public void close() {
    synchronized (sendLock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    running = false;
    try {
      io.join(3000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
