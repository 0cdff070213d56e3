package dev.tfe.progress;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Shows progress as plain lines, for programs and terminals: one line per shown state (so at most
 * one per {@link #interval()}, plus the first, each loss point and the last), on standard error
 * by default so that standard output stays the program's.
 */
public final class LineReporter implements ProgressReporter {
  private final PrintStream out;
  private final Duration delay;
  private final Duration interval;

  /** Lines on standard error for work that runs longer than a second, at most one per 2 seconds per task. */
  public LineReporter() {
    this(System.err, Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  /**
   * Lines on {@code out} for work that runs longer than {@code delay}, at most one per
   * {@code interval} per task (plus loss points and the last).
   */
  public LineReporter(PrintStream out, Duration delay, Duration interval) {
    this.out = out;
    this.delay = delay;
    this.interval = interval;
  }

  @Override
  public void show(ProgressState state) {
    out.println(state.line());
  }

  @Override
  public Duration delay() {
    return delay;
  }

  @Override
  public Duration interval() {
    return interval;
  }
}
