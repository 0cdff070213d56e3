package dev.tfe.runtime;

/**
 * Hand-off timestamps of one party's {@link PlanExecutor} for a per-round latency trace: when a
 * receive started waiting, when the batch was in hand and decoded, when a step's computation
 * ran, and when a send was encoded and handed to the transport. Times are {@link System#nanoTime}
 * values; on Linux the JDK reads them from {@code CLOCK_MONOTONIC}, which is one clock for the
 * whole machine, so the times of party processes on one host can be compared with each other
 * (the JDK does not promise this on other systems). Only observes: the executor computes and
 * sends exactly the same with or without a trace.
 */
public interface StepTrace {
  /** Records nothing. */
  StepTrace NONE = new StepTrace() {
    @Override
    public boolean enabled() {
      return false;
    }

    @Override
    public void received(int step, String peer, long waitStart, long got, long decoded) {}

    @Override
    public void computed(int step, long start, long end) {}

    @Override
    public void encoded(int step, String peer, long start, long end) {}

    @Override
    public void sent(int step, String peer, long returned) {}
  };

  /** Whether events are recorded (the executor skips reading the clock for a disabled trace). */
  boolean enabled();

  /** The batch of {@code step - 1} from {@code peer}: waited for from {@code waitStart}, in hand at {@code got}, decoded. */
  void received(int step, String peer, long waitStart, long got, long decoded);

  /** The step's local nodes ran from {@code start} to {@code end} (also when it has none). */
  void computed(int step, long start, long end);

  /** The batch of {@code step} for {@code peer} was encoded from {@code start} to {@code end}. */
  void encoded(int step, String peer, long start, long end);

  /** The transport's send of that batch returned at {@code returned}. */
  void sent(int step, String peer, long returned);
}
