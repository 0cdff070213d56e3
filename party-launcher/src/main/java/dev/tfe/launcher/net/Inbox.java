package dev.tfe.launcher.net;

import dev.tfe.runtime.PeerException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Data batches that arrived at one process, queued by run, receiving party and sending party,
 * until that party's executor asks for them. Aborting a run wakes its waiting receivers with
 * the reason at once, so a dead peer stops a run in milliseconds rather than at a timeout.
 * Batches of runs that already ended are dropped.
 *
 * <p>Data for runs this process has not reached yet (later than the latest run a receiver asked
 * for) is bounded per sending party by {@link WireLimits#maxPendingBytesPerPeer()}, each batch
 * counted with {@link WireLimits#BATCH_OVERHEAD} bytes more: a peer cannot fill the heap with
 * batches of runs that may never come. A batch beyond the bound is refused, and its run is
 * aborted with the reason, so a party that does reach that run fails at once with it.
 */
public final class Inbox {
  /**
   * Waits on the calling thread until a batch may have arrived, taking it off the network itself
   * (see {@link SocketWaiter}).
   */
  @FunctionalInterface
  public interface Waiter {
    /**
     * Waits at most {@code nanos}, or until {@code ready}; false at once if another thread is
     * waiting so already (the caller then waits on its queue).
     */
    boolean await(BooleanSupplier ready, long nanos);

    /** A run ended: no receiver of it waits any more. */
    default void runEnded() {}
  }

  private static final byte[] POISON = new byte[0];
  /** At most this many runs are remembered as aborted, so refusals cannot grow the map. */
  private static final int MAX_ABORTED = 1024;
  /** How long a receiver waits on its queue before it tries to become the {@link Waiter} again. */
  private static final long QUEUE_SLICE_NANOS = 10_000_000;

  private record Key(long run, String to, String from) {}

  private final WireLimits limits;
  private final Map<Key, BlockingQueue<byte[]>> queues = new ConcurrentHashMap<>();
  private final Map<Long, String> aborted = new ConcurrentHashMap<>();
  /** Bytes charged to each sender for runs not reached, and per queue; guarded by this. */
  private final Map<String, Long> pending = new HashMap<>();
  private final Map<Key, Long> charged = new HashMap<>();
  private long reached;
  private volatile String closed;
  private volatile long finishedUpTo;
  private volatile Waiter waiter;

  /** An inbox with the limits of {@link WireLimits#fromEnvironment()}. */
  public Inbox() {
    this(WireLimits.fromEnvironment());
  }

  public Inbox(WireLimits limits) {
    this.limits = limits;
  }

  /**
   * Queues a batch (called by the I/O thread).
   *
   * @return null if queued or dropped as late; else why it was refused (to be logged)
   */
  public String deliver(long run, String to, String from, byte[] payload) {
    if (run <= finishedUpTo) {
      return null;
    }
    Key key = new Key(run, to, from);
    synchronized (this) {
      if (run > reached) {
        long cost = payload.length + (long) WireLimits.BATCH_OVERHEAD;
        long held = pending.getOrDefault(from, 0L);
        if (held + cost > limits.maxPendingBytesPerPeer()) {
          String reason = "refused a batch of " + payload.length + " bytes from " + from + " for run " + run
              + ", which this process has not reached (latest run " + reached + "): " + from + " already has "
              + held + " bytes queued for such runs, and the limit is " + limits.maxPendingBytesPerPeer() + " bytes ("
              + WireLimits.size(limits.maxPendingBytesPerPeer()) + ", TFE_MAX_PENDING_MB)";
          if (aborted.size() < MAX_ABORTED) {
            abort(run, reason);
          }
          return reason;
        }
        pending.put(from, held + cost);
        charged.merge(key, cost, Long::sum);
      }
    }
    queue(key).add(payload);
    return null;
  }

  private BlockingQueue<byte[]> queue(Key key) {
    return queues.computeIfAbsent(key, k -> new LinkedBlockingQueue<>());
  }

  /** Lets a receiving thread take batches off the network itself while it waits (set by the node). */
  public void useWaiter(Waiter w) {
    waiter = w;
  }

  /** Bytes queued from {@code from} for runs not reached yet, as charged against the limit. */
  public synchronized long pendingBytes(String from) {
    return pending.getOrDefault(from, 0L);
  }

  /**
   * The next batch of run {@code run} from {@code from} to {@code to}.
   *
   * @throws PeerException naming {@code from} on timeout, abort or close
   */
  public byte[] take(long run, String to, String from, Duration timeout) {
    reach(run);
    BlockingQueue<byte[]> q = queue(new Key(run, to, from));
    check(run, from);
    byte[] m;
    try {
      m = poll(q, timeout.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PeerException(from, to + " was interrupted while waiting for " + from);
    }
    if (m == null) {
      throw new PeerException(from, to + " waited " + timeout.toSeconds() + " s for a message from " + from
          + " and got none; the peer is stuck or dead");
    }
    if (m == POISON) {
      check(run, from);
      throw new PeerException(from, "run " + run + " was aborted");
    }
    return m;
  }

  /**
   * The next batch of {@code q} within {@code nanos}, or null: waiting on the network through the
   * {@link Waiter} when there is one and no other thread uses it, else on the queue.
   */
  private byte[] poll(BlockingQueue<byte[]> q, long nanos) throws InterruptedException {
    Waiter w = waiter;
    if (w == null) {
      return q.poll(nanos, TimeUnit.NANOSECONDS);
    }
    long deadline = System.nanoTime() + nanos;
    byte[] m = q.poll();
    while (m == null) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return null;
      }
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      m = w.await(() -> !q.isEmpty(), left) ? q.poll() : q.poll(Math.min(left, QUEUE_SLICE_NANOS), TimeUnit.NANOSECONDS);
    }
    return m;
  }

  /** A receiver reached {@code run}: its batches, and earlier runs', no longer count as pending. */
  private synchronized void reach(long run) {
    if (run > reached) {
      reached = run;
      release(run);
    }
  }

  /** Gives back the charges of every run up to {@code run}; holds the lock. */
  private void release(long run) {
    charged.entrySet().removeIf(e -> {
      if (e.getKey().run() > run) {
        return false;
      }
      pending.computeIfPresent(e.getKey().from(), (f, b) -> b - e.getValue() <= 0 ? null : b - e.getValue());
      return true;
    });
  }

  private void check(long run, String from) {
    String c = closed;
    if (c != null) {
      throw new PeerException(from, c);
    }
    String reason = aborted.get(run);
    if (reason != null) {
      throw new PeerException(from, "run aborted: " + reason);
    }
  }

  /** Fails every pending and later receive of {@code run} with {@code reason}. */
  public void abort(long run, String reason) {
    aborted.putIfAbsent(run, reason);
    queues.forEach((k, q) -> {
      if (k.run() == run) {
        q.offer(POISON);
      }
    });
  }

  /** Fails every pending and later receive, of every run. */
  public void close(String reason) {
    closed = reason;
    queues.values().forEach(q -> q.offer(POISON));
  }

  /**
   * Forgets every run, for a new coordinator whose run ids start again: pending receives fail
   * (the run was aborted), queued batches and their charges are dropped, and no run counts as
   * reached or finished any more.
   */
  public synchronized void reset() {
    queues.values().forEach(q -> q.offer(POISON));
    queues.clear();
    aborted.clear();
    finishedUpTo = 0;
    reached = 0;
    charged.clear();
    pending.clear();
  }

  /**
   * A receiving thread will not wait again soon (its executor finished): the node's I/O thread
   * watches the sockets again at once, rather than after its pause (see {@link SocketWaiter}).
   */
  public void receiverDone() {
    Waiter w = waiter;
    if (w != null) {
      w.runEnded();
    }
  }

  /** Forgets {@code run} and every earlier run; their late batches are dropped. */
  public void finish(long run) {
    Waiter w = waiter;
    if (w != null) {
      w.runEnded();
    }
    finishedUpTo = Math.max(finishedUpTo, run);
    queues.keySet().removeIf(k -> k.run() <= run);
    aborted.keySet().removeIf(r -> r <= run);
    synchronized (this) {
      release(run);
    }
  }
}
