package dev.tfe.progress;

import java.time.Duration;

/**
 * Shows the progress of long work. A {@link ProgressTask} calls {@link #show} with a snapshot of
 * its state once it has run for {@link #delay()} (short work shows nothing): then when a loss
 * point is added, when it finishes, and otherwise at most once per
 * {@link #interval()}. Implementations: {@link LineReporter} (plain lines, the
 * default) and the notebook kernel's, which updates one display in place.
 */
public interface ProgressReporter {
  /** Shows nothing. */
  ProgressReporter NONE = s -> {};

  /** Shows {@code state}; called on the thread doing the work. */
  void show(ProgressState state);

  /** How long a task runs before it is shown at all. */
  default Duration delay() {
    return Duration.ofSeconds(1);
  }

  /** The least time between two shows of the same task's intermediate states. */
  default Duration interval() {
    return Duration.ofSeconds(1);
  }
}
