package dev.tfe.launcher.net;

import dev.tfe.launcher.config.Credentials;
import dev.tfe.launcher.config.Hostmap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
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
 * <p>The sockets are guarded by one lock (ZeroMQ sockets are not thread-safe, but may be used by
 * any thread that holds a lock). A sending thread writes its message to the socket itself, so a
 * message costs no extra thread hand-off on the way out; the payload array is passed on without a
 * copy (JeroMQ does not copy it either), so a caller must not touch an array once sent: the
 * executor always sends freshly encoded batches. The I/O thread waits in a
 * {@link java.nio.channels.Selector} on the sockets' mailbox descriptors, without the lock, and
 * drains every socket when one becomes readable. Those descriptors are edge-triggered (any socket
 * operation may consume a wake-up), so every sender drains the sockets too before it lets go of
 * the lock. Measured by {@code ./tfe bench transport}, old and new builds alternating on a quiet
 * machine, this cut the median round trip of a 64-byte message from 270-280 us to 145-155 us and
 * its 90th percentile from 1.4-2.6 ms to 0.3 ms (the old design handed every outgoing message
 * through an in-process pipe to a poller thread).
 *
 * <p>Between hosts (a hostmap whose encryption is {@code auto} or {@code on}) every connection is
 * encrypted and authenticated by the AEAD transport ({@link AeadLinks}: an X25519 handshake on the
 * key files' keys, then AES-GCM on every frame, at hundreds of MB/s); {@code curve} selects
 * JeroMQ's CurveZMQ with the {@link ZapHandler} instead (4-15 MB/s here), {@code off} the PLAIN
 * mechanism with the cluster token (loopback only).
 *
 * <p>Incoming tensors go to the {@link Inbox}, other messages to the {@link Listener}, after two
 * checks: the connection authenticated as a process of the hostmap, and that process hosts the
 * party the message says it is from.
 *
 * <p>Memory a peer can claim is bounded by {@link WireLimits}: every socket accepts ZeroMQ frames
 * of at most {@link WireLimits#WIRE_FRAME_BYTES} (8 MiB and 1 KiB; the only allocation a connection can cause
 * before it authenticates, for at most the 10 s handshake limit), through a
 * {@link FrameAllocator} that also refuses the negative sizes JeroMQ 0.6.0 lets through; a
 * message travels as a header frame and as many payload frames as it needs, and a message
 * larger than {@link WireLimits#maxMessageBytes()} is refused by the sender with an error that
 * says how to raise the limit, and dropped by a receiver with a logged error.
 *
 * <p>If JeroMQ's own I/O thread dies, or fails in a way that leaves it unable to read (an
 * exception escaping one of its frame decoders), the node is of no use any more: it logs
 * {@code FATAL: the ZeroMQ I/O thread ... died}, fails every pending receive, and calls the
 * {@code onIoDeath} action, which in a party process exits it, so its supervisor sees a dead
 * process instead of a deaf one.
 */
public final class ZmqNode implements AutoCloseable {
  /**
   * Receives control messages, on whichever thread drained the sockets (holding the socket lock):
   * it must return quickly, and may send.
   */
  @FunctionalInterface
  public interface Listener {
    void onMessage(Header header, byte[] payload);
  }

  /** Prefix of a coordinator's routing identity: {@code coordinator@<random>}. */
  public static final String COORDINATOR_PREFIX = Hostmap.COORDINATOR + "@";

  /** How long a connection may take to authenticate (JeroMQ's default is 30 s). */
  static final int HANDSHAKE_MILLIS = 10_000;

  /** How long the I/O thread pauses while an executor thread drains the sockets (see {@link SocketWaiter}). */
  private static final long IO_PAUSE_NANOS = 1_000_000;

  private final String name;
  private final String identity;
  private final Map<String, String> routes = new ConcurrentHashMap<>();
  private final Hostmap hostmap;
  private final Inbox inbox;
  private final Listener listener;
  private final Consumer<String> log;
  private final WireLimits limits;
  private final FrameAllocator allocator;
  private final Consumer<String> onIoDeath;
  private final IoWatch watch;
  private final Framing framing;
  private final ZContext ctx = new ZContext(1);
  private final ZapHandler zap;
  private final AeadLinks links;
  private final ZMQ.Socket router;
  private final Map<String, ZMQ.Socket> dealers = new LinkedHashMap<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Selector selector;
  private final SocketWaiter waiter;
  private final Thread io;
  private final AtomicInteger forged = new AtomicInteger();
  private volatile boolean running = true;
  private volatile RoundTrace trace;
  private volatile boolean closed;

  /**
   * Opens the endpoint of process {@code creds.node()}: binds if the hostmap gives it an
   * address, and connects to every other process of the hostmap.
   *
   * @throws IllegalStateException if the address cannot be bound (the message says which)
   */
  public ZmqNode(Hostmap hostmap, Credentials creds, Inbox inbox, Listener listener, Consumer<String> log) {
    this(hostmap, creds, inbox, listener, log, WireLimits.fromEnvironment(), reason -> {});
  }

  /**
   * Opens the endpoint as above, with explicit limits and an action for the death of JeroMQ's
   * I/O thread (called once, with the reason, after the node has logged it and failed every
   * pending receive; a party process exits there).
   */
  public ZmqNode(Hostmap hostmap, Credentials creds, Inbox inbox, Listener listener, Consumer<String> log,
      WireLimits limits, Consumer<String> onIoDeath) {
    this.name = creds.node();
    this.identity = name.equals(Hostmap.COORDINATOR) ? COORDINATOR_PREFIX + randomId() : name;
    this.hostmap = hostmap;
    this.inbox = inbox;
    this.listener = listener;
    this.log = log;
    this.limits = limits;
    this.onIoDeath = onIoDeath;
    this.allocator = new FrameAllocator(name, log);
    this.framing = new Framing(name, limits, log);
    this.watch = new IoWatch(name, log, () -> closed, reason -> {
      inbox.close(reason);
      onIoDeath.accept(reason);
    });
    watch.install(ctx);
    boolean aead = hostmap.encrypted() && !hostmap.curve();
    boolean curve = hostmap.curve();
    if (hostmap.encrypted() && creds.secretKey() == null) {
      throw new IllegalStateException(name + " has no secret key; " + hostmap.protection() + " needs one (run ./tfe keys)");
    }
    links = aead ? new AeadLinks(hostmap, creds, limits, framing, log) : null;
    Hostmap.Entry self = hostmap.entries().get(name);
    if (self != null && self.hasAddress() && !name.equals(Hostmap.COORDINATOR)) {
      // AEAD: ZeroMQ's NULL mechanism; the handshake and the checks are AeadLinks's
      zap = aead ? null : new ZapHandler(ctx, hostmap, creds.token(), log);
      Thread z = aead ? null : new Thread(zap, "tfe-zap-" + name);
      if (z != null) {
        z.setDaemon(true);
        z.start();
      }
      router = ctx.createSocket(SocketType.ROUTER);
      guard(router);
      router.setHandshakeIvl(HANDSHAKE_MILLIS);
      router.setHWM(0);
      router.setLinger(500);
      router.setRouterMandatory(true);
      if (aead) {
        // nothing at the ZeroMQ level
      } else if (curve) {
        router.setZAPDomain("tfe");
        router.setCurveServer(true);
        router.setCurvePublicKey(ZMQ.Curve.z85Decode(creds.publicKey()));
        router.setCurveSecretKey(ZMQ.Curve.z85Decode(creds.secretKey()));
      } else {
        router.setZAPDomain("tfe");
        router.setPlainServer(true);
      }
      String bind = "tcp://" + (Hostmap.isLoopback(self.host()) ? self.host() : "*") + ":" + self.port();
      try {
        router.bind(bind);
      } catch (ZMQException e) {
        if (zap != null) {
          zap.stop();
        }
        try {
          if (z != null) {
            z.join(1000);
          }
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
        }
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
      guard(d);
      d.setHWM(0);
      d.setLinger(500);
      d.setIdentity(identity.getBytes(StandardCharsets.UTF_8));
      d.setReconnectIVL(100);
      d.setReconnectIVLMax(1000);
      if (aead) {
        // the handshake starts below, once connected
      } else if (curve) {
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
      if (aead) {
        links.start(peer, d);
      }
    }
    try {
      selector = Selector.open();
      if (router != null) {
        router.getFD().register(selector, SelectionKey.OP_READ);
      }
      for (ZMQ.Socket d : dealers.values()) {
        d.getFD().register(selector, SelectionKey.OP_READ);
      }
    } catch (IOException e) {
      ctx.close();
      throw new UncheckedIOException("cannot watch the sockets of " + name + ": " + e.getMessage(), e);
    }
    List<SelectableChannel> mailboxes = new ArrayList<>();
    if (router != null) {
      mailboxes.add(router.getFD());
    }
    dealers.values().forEach(d -> mailboxes.add(d.getFD()));
    waiter = new SocketWaiter(mailboxes, this::drainLocked, this::wakeIo,
        Long.getLong(SocketWaiter.SPIN_PROPERTY, 0) * 1000);
    inbox.useWaiter(waiter);
    io = new Thread(this::loop, "tfe-io-" + name);
    io.setDaemon(true);
    io.start();
  }

  /** Limits every socket's frames and their allocation (see {@link FrameAllocator}). */
  private void guard(ZMQ.Socket s) {
    s.setMaxMsgSize(WireLimits.WIRE_FRAME_BYTES);
    s.setMsgAllocator(allocator);
  }

  /** Records the hand-offs of data batches in {@code t} from now on ({@code ./tfe bench trace}). */
  public void trace(RoundTrace t) {
    trace = t;
  }

  /** Whether JeroMQ's I/O thread died (see the class comment). */
  public boolean ioDead() {
    return watch.dead();
  }

  /** ZeroMQ frames refused for a hostile size so far. */
  public long refusedFrames() {
    return allocator.refused();
  }

  /** Messages dropped because they were larger than {@link WireLimits#maxMessageBytes()}. */
  public int oversizedMessages() {
    return framing.oversized();
  }

  public String name() {
    return name;
  }

  /**
   * The routing identity of this process's connections: its name, or for a coordinator
   * {@code coordinator@<random>}, so that a party tells two coordinators apart. A coordinator
   * signs its control messages with it (the header's sender); the node checks that such a
   * sender is the connection's own identity.
   */
  public String identity() {
    return identity;
  }

  /**
   * Where messages for the parties that process {@code node} hosts go on the listening socket:
   * a party calls this with the identity of the coordinator it serves, so that data for the
   * coordinator's parties (a prediction client) reaches that coordinator.
   */
  public void route(String node, String connectionIdentity) {
    routes.put(node, connectionIdentity);
  }

  /** Why the last refused connection was refused (authentication), or null. */
  public String lastRejection() {
    return links != null ? links.lastRejection() : zap == null ? null : zap.lastRejection();
  }

  /**
   * Frames refused after a handshake of the AEAD transport: tampered, replayed, reordered or
   * truncated (each logged with the peer's name); 0 for other transports.
   */
  public int refusedEncryptedFrames() {
    return links == null ? 0 : links.refusedFrames();
  }

  private static String randomId() {
    byte[] b = new byte[8];
    new java.security.SecureRandom().nextBytes(b);
    return java.util.HexFormat.of().formatHex(b);
  }

  public Hostmap hostmap() {
    return hostmap;
  }

  /** Connections (or, for AEAD, handshakes and messages without one) refused by authentication so far. */
  public int rejectedConnections() {
    return links != null ? links.rejected() : zap == null ? 0 : zap.rejected();
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
    if (payload.length > limits.maxMessageBytes()) {
      throw new IllegalStateException("a " + header.kind() + " message of " + payload.length + " bytes from " + header.from()
          + " to " + header.to() + " is larger than the maximum message size, " + limits.maxMessageBytes()
          + " bytes (" + WireLimits.size(limits.maxMessageBytes()) + "); set TFE_MAX_MESSAGE_MB to at least "
          + ((payload.length >> 20) + 1) + " on every host, or predict in smaller batches");
    }
    if (dest.equals(name)) {
      dispatch(header, payload);
      return;
    }
    RoundTrace t = header.kind() == Header.Kind.DATA ? trace : null;
    long entered = t == null ? 0 : System.nanoTime();
    lock.lock();
    try {
      long locked = t == null ? 0 : System.nanoTime();
      if (closed) {
        throw new IllegalStateException("the ZeroMQ endpoint of " + name + " is closed");
      }
      if (watch.dead()) {
        throw new IllegalStateException("the ZeroMQ I/O thread of " + name + " died; nothing can be sent");
      }
      String to = header.to();
      write(dest, to.startsWith(COORDINATOR_PREFIX) ? to : routes.getOrDefault(dest, dest), header.encode(), payload);
      if (t != null) {
        t.record("write", header.run(), header.step(), header.from(), to, entered, locked, System.nanoTime());
      }
      drain();
    } finally {
      lock.unlock();
    }
  }

  /** Writes one message to the socket that reaches process {@code node}; holds the lock. */
  private void write(String node, String route, byte[] header, byte[] payload) {
    ZMQ.Socket d = dealers.get(node);
    try {
      if (links != null) {
        if (d != null) {
          links.toDealer(node, d, header, payload);
        } else if (router != null) {
          links.toRouted(router, route, header, payload);
        } else {
          log.accept(name + " has no connection to " + node + "; message dropped");
        }
      } else if (d != null) {
        // never block while holding the lock: a DEALER whose handshake failed (a peer with another
        // key for this process) has no pipe, and a blocking send would leave this process deaf
        if (d.send(header, ZMQ.SNDMORE | ZMQ.DONTWAIT)) {
          Framing.send(d, payload);
        } else {
          log.accept(name + " cannot send to " + node + " (no connection: its handshake failed or it is not up);"
              + " message dropped");
        }
      } else if (router != null) {
        // likewise for a peer whose connection is closing (a coordinator that just left)
        if (router.send(route.getBytes(StandardCharsets.UTF_8), ZMQ.SNDMORE | ZMQ.DONTWAIT)) {
          router.sendMore(header);
          Framing.send(router, payload);
        } else {
          log.accept(name + " cannot send to " + route + " (its connection is closing or full); message dropped");
        }
      } else {
        log.accept(name + " has no connection to " + node + "; message dropped");
      }
    } catch (ZMQException e) {
      log.accept(name + " cannot send to " + node + " (not connected): " + e.getMessage());
    }
  }

  /** Waits for any socket to signal, without the lock, then drains them all; until closed. */
  private void loop() {
    try {
      while (running) {
        try {
          selector.select(100);
          selector.selectedKeys().clear();
        } catch (IOException e) {
          log.accept("I/O error on " + name + ": " + e);
        }
        if (waiter.active()) {
          // a waiting executor drains the sockets itself; stay out of its way (not woken by every batch)
          // until it has not been waiting for a while, then watch the sockets again
          while (running && waiter.waitedWithin(IO_PAUSE_NANOS)) {
            LockSupport.parkNanos(this, IO_PAUSE_NANOS);
          }
          continue;
        }
        drainLocked();
      }
    } finally {
      if (zap != null) {
        zap.stop();
      }
      lock.lock();
      try {
        ctx.close();
      } finally {
        lock.unlock();
      }
      waiter.close();
      try {
        selector.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  /** Ends the I/O thread's pause while a {@link SocketWaiter} drained the sockets. */
  private void wakeIo() {
    LockSupport.unpark(io);
  }

  /** Takes every waiting message off every socket, under the lock (the I/O thread, or a {@link SocketWaiter}). */
  private void drainLocked() {
    lock.lock();
    try {
      if (!closed) {
        drain();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Takes every waiting message off every socket; holds the lock. */
  private void drain() {
    try {
      if (router != null) {
        drainRouter();
      }
      for (Map.Entry<String, ZMQ.Socket> d : dealers.entrySet()) {
        drainDealer(d.getKey(), d.getValue());
      }
    } catch (RuntimeException e) {
      if (running) {
        log.accept("I/O error on " + name + ": " + e);
      }
    }
  }

  private void drainRouter() {
    while (true) {
      zmq.Msg id = router.recvMsg(ZMQ.DONTWAIT);
      if (id == null) {
        return;
      }
      String identity = new String(id.data(), StandardCharsets.UTF_8);
      if (links != null) {
        java.util.List<zmq.Msg> frames = frames(router, identity);
        AeadLinks.Opened o = frames == null ? null : links.fromRouter(router, identity, frames);
        if (o != null) {
          accept(o.node(), identity, o.header(), o.payload());
        }
        continue;
      }
      zmq.Msg header = router.hasReceiveMore() ? router.recvMsg() : null;
      byte[] payload = header == null ? null : framing.read(router, identity);
      while (router.hasReceiveMore()) {
        router.recvMsg();
      }
      if (header == null || payload == null) {
        continue;
      }
      String user = header.getMetadata() == null ? null : header.getMetadata().get("User-Id");
      boolean coordinator = Hostmap.COORDINATOR.equals(user) && identity.startsWith(COORDINATOR_PREFIX);
      if (user == null || user.isEmpty() || !(user.equals(identity) || coordinator)) {
        forged.incrementAndGet();
        log.accept("dropped a message on a connection authenticated as '" + user + "' that calls itself '" + identity + "'");
        continue;
      }
      accept(user, identity, header.data(), payload);
    }
  }

  private void drainDealer(String peer, ZMQ.Socket d) {
    while (true) {
      zmq.Msg header = d.recvMsg(ZMQ.DONTWAIT);
      if (header == null) {
        return;
      }
      if (links != null) {
        java.util.List<zmq.Msg> frames = new java.util.ArrayList<>();
        frames.add(header);
        frames = rest(d, peer, frames);
        AeadLinks.Opened o = frames == null ? null : links.fromDealer(peer, d, frames);
        if (o != null) {
          accept(peer, peer, o.header(), o.payload());
        }
        continue;
      }
      byte[] payload = framing.read(d, peer);
      while (d.hasReceiveMore()) {
        d.recvMsg();
      }
      if (payload != null) {
        accept(peer, peer, header.data(), payload);
      }
    }
  }

  /** The frames of the message being received (after the routing identity); null if oversized. */
  private java.util.List<zmq.Msg> frames(ZMQ.Socket s, String from) {
    if (!s.hasReceiveMore()) {
      return null;
    }
    java.util.List<zmq.Msg> f = new java.util.ArrayList<>();
    f.add(s.recvMsg());
    return rest(s, from, f);
  }

  /** Adds the message's remaining frames to {@code f}, keeping at most the maximum message size; null if oversized. */
  private java.util.List<zmq.Msg> rest(ZMQ.Socket s, String from, java.util.List<zmq.Msg> f) {
    long total = f.get(0).size();
    long max = limits.maxMessageBytes() + 2L * WireLimits.WIRE_FRAME_BYTES;
    while (s.hasReceiveMore()) {
      zmq.Msg m = s.recvMsg();
      total += m.size();
      if (total <= max) {
        f.add(m);
      }
    }
    return total > max && framing.refuseOversized(total, from) ? null : f;
  }

  /**
   * Checks that {@code node}, which authenticated on the connection, hosts the sender, and that a
   * sender of the form {@code coordinator@...} is the connection's own routing identity.
   */
  private void accept(String node, String connection, byte[] headerBytes, byte[] payload) {
    Header h;
    try {
      h = Header.decode(headerBytes);
    } catch (IllegalArgumentException e) {
      forged.incrementAndGet();
      log.accept("dropped a malformed message from " + node + ": " + e.getMessage());
      return;
    }
    if (!hostmap.nodeOf(h.from()).equals(node) || !hostmap.nodeOf(h.to()).equals(name)
        || h.from().startsWith(COORDINATOR_PREFIX) && !h.from().equals(connection)) {
      forged.incrementAndGet();
      log.accept("dropped a " + h.kind() + " message from process " + node + " that claims to be from " + h.from()
          + " to " + h.to());
      return;
    }
    dispatch(h, payload);
  }

  private void dispatch(Header h, byte[] payload) {
    if (h.kind() == Header.Kind.DATA) {
      RoundTrace t = trace;
      if (t != null) {
        t.record("arrive", h.run(), h.step(), h.from(), h.to(), System.nanoTime(), Thread.currentThread() == io ? 1 : 0, 0);
      }
      String refused = inbox.deliver(h.run(), h.to(), h.from(), payload);
      if (refused != null) {
        log.accept(name + " " + refused);
      }
    } else {
      listener.onMessage(h, payload);
    }
    waiter.wakeIfOther();
  }

  /** Flushes queued messages (up to the linger time) and closes every socket. */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      running = false;
    } finally {
      lock.unlock();
    }
    selector.wakeup();
    try {
      io.join(3000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
