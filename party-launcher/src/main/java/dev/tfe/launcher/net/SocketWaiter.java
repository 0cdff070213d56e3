package dev.tfe.launcher.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Lets a thread that waits for a batch take it off the sockets itself, one thread hand-off less
 * per round: instead of parking until the {@link ZmqNode}'s I/O thread has woken up, drained the
 * sockets and handed the batch over through the {@link Inbox}, the waiting executor thread waits
 * in a {@link Selector} of its own on the sockets' mailbox descriptors and drains them when one
 * signals. One thread at a time waits so (others park on their queue as before, served by
 * whoever drains); meanwhile, and for a millisecond after (the executor is usually back within a
 * round), the node's I/O thread parks instead of being woken by every batch too, until the
 * run ends ({@link #runEnded()}).
 * Optionally it first spins for a few microseconds, draining, before it selects
 * ({@code -Dtfe.spin.micros}, default 0: on a machine with more runnable threads than cores a
 * spinning party takes the core its peer needs to answer).
 *
 * <p>A batch another thread drained while this one was about to select is not lost: every drain
 * happens under the node's lock and is followed by a look at the queue, and a drain by another
 * thread wakes this selector ({@link #wakeIfOther()}).
 */
final class SocketWaiter implements Inbox.Waiter {
  /** The system property with the microseconds to spin before selecting. */
  static final String SPIN_PROPERTY = "tfe.spin.micros";

  /** Longest single select, so that a lost wake-up costs at most this much. */
  private static final long SLICE_MILLIS = 20;

  private final Selector selector;
  private final Runnable drain;
  private final Runnable onLeave;
  private final long spinNanos;
  private final AtomicBoolean busy = new AtomicBoolean();
  private volatile Thread owner;
  private volatile long left = System.nanoTime() - Long.MAX_VALUE / 2;

  /**
   * @param drain takes every waiting message off every socket, under the node's lock
   * @param onLeave called when a run ended (wakes the node's I/O thread)
   */
  SocketWaiter(List<SelectableChannel> mailboxes, Runnable drain, Runnable onLeave, long spinNanos) {
    this.drain = drain;
    this.onLeave = onLeave;
    this.spinNanos = spinNanos;
    try {
      selector = Selector.open();
      for (SelectableChannel c : mailboxes) {
        c.register(selector, SelectionKey.OP_READ);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot watch the sockets: " + e.getMessage(), e);
    }
  }

  /** Whether a thread is waiting here (the I/O thread then need not drain). */
  boolean active() {
    return busy.get();
  }

  /** Whether a thread is waiting here, or was within the last {@code nanos}. */
  boolean waitedWithin(long nanos) {
    return busy.get() || System.nanoTime() - left < nanos;
  }

  /** A run ended here: no thread will wait soon, the I/O thread is to watch the sockets again. */
  @Override
  public void runEnded() {
    left = System.nanoTime() - Long.MAX_VALUE / 2;
    onLeave.run();
  }

  /** Wakes the waiting thread if the caller is another thread (it just drained the sockets). */
  void wakeIfOther() {
    Thread o = owner;
    if (o != null && o != Thread.currentThread()) {
      selector.wakeup();
    }
  }

  @Override
  public boolean await(BooleanSupplier ready, long nanos) {
    if (!busy.compareAndSet(false, true)) {
      return false;
    }
    owner = Thread.currentThread();
    try {
      long deadline = System.nanoTime() + nanos;
      long spinUntil = System.nanoTime() + Math.min(spinNanos, nanos);
      while (true) {
        drain.run();
        if (ready.getAsBoolean()) {
          return true;
        }
        long now = System.nanoTime();
        if (now - deadline >= 0 || Thread.currentThread().isInterrupted() || !selector.isOpen()) {
          return true;
        }
        if (now - spinUntil < 0) {
          Thread.onSpinWait();
          continue;
        }
        try {
          selector.select(Math.max(1, Math.min(SLICE_MILLIS, (deadline - now) / 1_000_000)));
          selector.selectedKeys().clear();
        } catch (IOException | ClosedSelectorException e) {
          return true; // the caller looks at its queue and waits on it
        }
      }
    } finally {
      owner = null;
      left = System.nanoTime();
      busy.set(false);
    }
  }

  void close() {
    try {
      selector.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}
