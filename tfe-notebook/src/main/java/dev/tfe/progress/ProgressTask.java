package dev.tfe.progress;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One piece of long work reporting its progress: {@link #advance()} per unit done (a batch, a
 * training step), {@link #loss} per loss figure revealed, {@link #close()} at the end. Work
 * shorter than the reporter's {@link ProgressReporter#delay() delay} shows nothing; once shown,
 * the reporter sees every new loss point and the last state, and in between at most one state
 * per {@link ProgressReporter#interval() interval}. Made by {@link Progress#start}.
 */
public final class ProgressTask implements AutoCloseable {
  private static final AtomicLong IDS = new AtomicLong();
  private final long id = IDS.incrementAndGet();
  private final ProgressReporter reporter;
  private final String title;
  private final String unit;
  private final long total;
  private final long start = System.nanoTime();
  private final long intervalNanos;
  private final long delayNanos;
  private boolean visible;
  private final List<double[]> losses = new ArrayList<>();
  private String lossAxis = "epoch";
  private long done;
  private long lastShown;
  private boolean closed;

  ProgressTask(ProgressReporter reporter, String title, long total, String unit) {
    if (total < 0) {
      throw new IllegalArgumentException("a task's total must not be negative, got " + total);
    }
    this.reporter = reporter;
    this.title = title;
    this.unit = unit;
    this.total = total;
    this.intervalNanos = reporter.interval().toNanos();
    this.delayNanos = reporter.delay().toNanos();
    show(false);
  }

  /** One more unit done. */
  public void advance() {
    advance(1);
  }

  /** {@code n} more units done. */
  public synchronized void advance(long n) {
    done = Math.min(total, done + n);
    show(false);
  }

  /** A loss figure at {@code x} on the axis named {@code axis} (e.g. epoch 3), for the loss curve; NaN is ignored. */
  public synchronized void loss(String axis, double x, double loss) {
    if (Double.isNaN(loss)) {
      return;
    }
    lossAxis = axis;
    losses.add(new double[] {x, loss});
    show(visible);
  }

  /** The state now. */
  public synchronized ProgressState state() {
    return new ProgressState(id, title, unit, done, total, System.nanoTime() - start, losses, lossAxis, closed);
  }

  /** Ends the task (all units done or not) and shows its last state; closing again does nothing. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      if (visible) {
        show(true);
      }
    }
  }

  private void show(boolean force) {
    long now = System.nanoTime();
    if (!visible && !force && now - start < delayNanos) {
      return;
    }
    if (force || !visible || now - lastShown >= intervalNanos) {
      visible = true;
      lastShown = now;
      reporter.show(state());
    }
  }
}
