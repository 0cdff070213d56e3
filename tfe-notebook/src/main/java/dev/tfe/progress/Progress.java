package dev.tfe.progress;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where long work reports its progress: the installed {@link ProgressReporter}, by default a
 * {@link LineReporter} on standard error. A notebook kernel installs one that updates the cell in
 * place; {@code Progress.install(ProgressReporter.NONE)} silences it.
 */
public final class Progress {
  private static final AtomicReference<ProgressReporter> REPORTER = new AtomicReference<>(new LineReporter());

  private Progress() {}

  /** Makes {@code reporter} the one long work reports to. */
  public static void install(ProgressReporter reporter) {
    REPORTER.set(Objects.requireNonNull(reporter, "reporter (use ProgressReporter.NONE to show nothing)"));
  }

  /** The installed reporter. */
  public static ProgressReporter reporter() {
    return REPORTER.get();
  }

  /** Starts a task of {@code total} units named {@code unit} (e.g. 10 batches), reported to the installed reporter. */
  public static ProgressTask start(String title, long total, String unit) {
    return new ProgressTask(REPORTER.get(), title, total, unit);
  }
}
