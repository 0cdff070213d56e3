package dev.tfe.launcher.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Sends {@link MalformedInputs} to a port on loopback, one connection per input, from several
 * threads. A thread keeps its last connections open for a while (so the party reads them before
 * they go) and closes them with a reset (no TIME_WAIT, so 100,000 connections do not run out of
 * ports); half-open ones are held longer. Bounded by a count and a deadline.
 */
public final class PortFuzzer {
  private static final int KEEP_OPEN = 16;
  private static final int KEEP_HALF_OPEN = 48;

  /** What a run did. */
  public record Result(long inputs, long connectFailures, String firstFailure, long closedByParty,
      Map<MalformedInputs.Kind, Long> byKind, double seconds) {
    @Override
    public String toString() {
      return String.format("%,d inputs in %.1f s (%,.0f/s), %,d connections closed by the party before we closed them, "
          + "%,d connect failures (first: %s); by kind %s", inputs, seconds, inputs / seconds, closedByParty, connectFailures,
          firstFailure, byKind);
    }
  }

  private PortFuzzer() {}

  /** Sends {@code count} inputs to {@code port}, stopping at {@code limit} if not done by then. */
  public static Result run(int port, String mechanism, long count, int threads, long seed, Duration limit) throws Exception {
    InetSocketAddress addr = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    long deadline = System.nanoTime() + limit.toNanos();
    AtomicLong sent = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    java.util.concurrent.atomic.AtomicReference<String> firstFailure = new java.util.concurrent.atomic.AtomicReference<>();
    AtomicLong closedByParty = new AtomicLong();
    AtomicLongArray kinds = new AtomicLongArray(MalformedInputs.Kind.values().length);
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> tasks = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        tasks.add(pool.submit(() -> {
          MalformedInputs gen = new MalformedInputs(seed * 31 + id, mechanism);
          ArrayDeque<Socket> open = new ArrayDeque<>();
          ArrayDeque<Socket> halfOpen = new ArrayDeque<>();
          try {
            for (long i = id; i < count && System.nanoTime() < deadline; i += threads) {
              MalformedInputs.Input in = gen.next(i);
              Socket s = new Socket();
              try {
                s.setSoLinger(true, 0);
                s.connect(addr, 2000);
                s.getOutputStream().write(in.bytes());
              } catch (IOException e) {
                // the party closed at once (it read a bad greeting) or the backlog is full
                failures.incrementAndGet();
                firstFailure.compareAndSet(null, e.toString());
                closeQuietly(s);
                continue;
              }
              sent.incrementAndGet();
              kinds.incrementAndGet(in.kind().ordinal());
              ArrayDeque<Socket> q = in.holdOpen() ? halfOpen : open;
              q.add(s);
              if (q.size() > (in.holdOpen() ? KEEP_HALF_OPEN : KEEP_OPEN)) {
                if (closedByPeer(q.poll())) {
                  closedByParty.incrementAndGet();
                }
              }
            }
          } finally {
            open.forEach(PortFuzzer::closeQuietly);
            halfOpen.forEach(PortFuzzer::closeQuietly);
          }
          return null;
        }));
      }
      for (Future<?> f : tasks) {
        f.get(limit.toMillis() + 30_000, TimeUnit.MILLISECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    Map<MalformedInputs.Kind, Long> byKind = new EnumMap<>(MalformedInputs.Kind.class);
    for (MalformedInputs.Kind k : MalformedInputs.Kind.values()) {
      byKind.put(k, kinds.get(k.ordinal()));
    }
    return new Result(sent.get(), failures.get(), firstFailure.get(), closedByParty.get(), byKind, (System.nanoTime() - start) / 1e9);
  }

  /** Whether the party had closed {@code s} (end of stream or reset); closes it with a reset. */
  private static boolean closedByPeer(Socket s) {
    try {
      s.setSoTimeout(1);
      InputStream in = s.getInputStream();
      byte[] buf = new byte[512];
      while (true) {
        if (in.read(buf) < 0) {
          return true;
        }
      }
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    } finally {
      closeQuietly(s);
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}
