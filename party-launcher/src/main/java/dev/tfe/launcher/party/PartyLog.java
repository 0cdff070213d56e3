package dev.tfe.launcher.party;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * A party process's log: timestamped lines on standard error, which the local launcher sends
 * to the party's log file and quotes when the party fails.
 */
public final class PartyLog {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
  private final String name;
  private final PrintStream out;

  public PartyLog(String name, PrintStream out) {
    this.name = name;
    this.out = out;
  }

  public PartyLog(String name) {
    this(name, System.err);
  }

  /** Writes one line. */
  public void log(String message) {
    synchronized (out) {
      out.println(LocalTime.now().format(TIME) + " [" + name + "] " + message);
      out.flush();
    }
  }
}
