package dev.tfe.launcher.net;

import dev.tfe.runtime.StepTrace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The hand-off timestamps of one party process, for {@code ./tfe bench trace}: what the executor
 * reports through {@link StepTrace}, and what the {@link ZmqNode} sees of each data batch (when a
 * sending thread held the socket lock and had written the batch, and when a draining thread took
 * a batch off a socket). Kept in memory during a run and appended to {@code <dir>/<party>.trace}
 * when the run ends (one line per event: kind, run, step, from, to and up to three times).
 *
 * <p>The times are {@link System#nanoTime} values. On Linux the JDK reads them from
 * {@code CLOCK_MONOTONIC}, a single clock for the whole machine, so the times of the party
 * processes of one host can be subtracted from one another (a batch's wire time is its arrival in
 * one process minus its writing in another); the JDK does not promise this elsewhere, and hosts
 * do not share it. A party process traces only when started with {@code -Dtfe.trace=<dir>}.
 */
public final class RoundTrace {
  /** The system property that names the directory of the trace files. */
  public static final String PROPERTY = "tfe.trace";

  /** One event; times not used by its kind are 0. */
  private record Event(String kind, long run, int step, String from, String to, long a, long b, long c) {}

  private final String self;
  private final Path file;
  private final List<Event> events = new ArrayList<>();

  public RoundTrace(String self, Path dir) {
    this.self = self;
    this.file = dir.resolve(self + ".trace");
  }

  /** The trace asked for by {@value #PROPERTY}, or null if none is. */
  public static RoundTrace fromProperty(String self) {
    String dir = System.getProperty(PROPERTY);
    return dir == null || dir.isBlank() ? null : new RoundTrace(self, Path.of(dir));
  }

  /** Records an event of this process. */
  public void record(String kind, long run, int step, String from, String to, long a, long b, long c) {
    synchronized (events) {
      events.add(new Event(kind, run, step, from, to, a, b, c));
    }
  }

  /** What the executor of run {@code run} reports, recorded here. */
  public StepTrace forRun(long run) {
    return new StepTrace() {
      @Override
      public boolean enabled() {
        return true;
      }

      @Override
      public void received(int step, String peer, long waitStart, long got, long decoded) {
        record("recv", run, step - 1, peer, self, waitStart, got, decoded);
      }

      @Override
      public void computed(int step, long start, long end) {
        record("compute", run, step, self, self, start, end, 0);
      }

      @Override
      public void encoded(int step, String peer, long start, long end) {
        record("encode", run, step, self, peer, start, end, 0);
      }

      @Override
      public void sent(int step, String peer, long returned) {
        record("sent", run, step, self, peer, returned, 0, 0);
      }
    };
  }

  /** Appends the events recorded so far to the file and forgets them. */
  public void flush() {
    List<Event> copy;
    synchronized (events) {
      copy = new ArrayList<>(events);
      events.clear();
    }
    StringBuilder sb = new StringBuilder();
    for (Event e : copy) {
      sb.append(e.kind()).append('\t').append(e.run()).append('\t').append(e.step()).append('\t').append(e.from())
          .append('\t').append(e.to()).append('\t').append(e.a()).append('\t').append(e.b()).append('\t').append(e.c())
          .append('\n');
    }
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, sb, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the trace " + file + ": " + e.getMessage(), e);
    }
  }
}
