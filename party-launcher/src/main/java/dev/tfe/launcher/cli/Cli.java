package dev.tfe.launcher.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Runs one picocli command of the {@code tfe} command line: generated {@code --help}, and for a
 * bad argument a message that says what is wrong followed by the usage, with exit code 2.
 */
public final class Cli {
  private Cli() {}

  /** The command line for {@code command}, as every {@code tfe} command configures it. */
  public static CommandLine of(Object command) {
    return new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true).setUsageHelpAutoWidth(true);
  }

  /** Executes {@code command} with {@code args}; returns its exit code (0, 1 on failure, 2 on bad usage). */
  public static int execute(Object command, String[] args, PrintWriter out, PrintWriter err) {
    return of(command).setOut(out).setErr(err).execute(args);
  }

  /**
   * Executes {@code command}, shown in its usage as {@code name} (e.g. {@code tfe bench rounds}),
   * with {@code args}, and exits the JVM with its exit code.
   */
  public static void main(String name, Object command, String[] args) {
    System.exit(of(command).setCommandName(name).execute(args));
  }
}
