package dev.tfe.launcher.net;

import dev.tfe.runtime.PeerException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Data batches that arrived at one process, queued by run, receiving party and sending party,
 * until that party's executor asks for them. Aborting a run wakes its waiting receivers with
 * the reason at once, so a dead peer stops a run in milliseconds rather than at a timeout.
 * Batches of runs that already ended are dropped.
 */
public final class Inbox {
  private static final byte[] POISON = new byte[0];

  private record Key(long run, String to, String from) {}

  private final Map<Key, BlockingQueue<byte[]>> queues = new ConcurrentHashMap<>();
  private final Map<Long, String> aborted = new ConcurrentHashMap<>();
  private volatile String closed;
  private volatile long finishedUpTo;

  /** Queues a batch (called by the I/O thread). */
  public void deliver(long run, String to, String from, byte[] payload) {
    if (run <= finishedUpTo) {
      return;
    }
    queue(run, to, from).add(payload);
  }

  private BlockingQueue<byte[]> queue(long run, String to, String from) {
    return queues.computeIfAbsent(new Key(run, to, from), k -> new LinkedBlockingQueue<>());
  }

  /**
   * The next batch of run {@code run} from {@code from} to {@code to}.
   *
   * @throws PeerException naming {@code from} on timeout, abort or close
   */
  public byte[] take(long run, String to, String from, Duration timeout) {
    BlockingQueue<byte[]> q = queue(run, to, from);
    check(run, from);
    byte[] m;
    try {
      m = q.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
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
   * (the run was aborted), queued batches are dropped, and no run counts as finished any more.
   */
  public synchronized void reset() {
    queues.values().forEach(q -> q.offer(POISON));
    queues.clear();
    aborted.clear();
    finishedUpTo = 0;
  }

  /** Forgets {@code run} and every earlier run; their late batches are dropped. */
  public void finish(long run) {
    finishedUpTo = Math.max(finishedUpTo, run);
    queues.keySet().removeIf(k -> k.run() <= run);
    aborted.keySet().removeIf(r -> r <= run);
  }
}
