package dev.tfe.launcher.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Runs one picocli command of the {@code tfe} command line: generated {@code --help}, and for a
 * bad argument a message that says what is wrong followed by the usage, with exit code 2.
 */
public final class Cli {
  /** The system property of SLF4J's simple binding that sets the level of every logger. */
  public static final String SLF4J_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

  /** The levels {@code TFE_LOG} may name. */
  public static final List<String> LOG_LEVELS = List.of("trace", "debug", "info", "warn", "error", "off");

  private Cli() {}

  /** The command line for {@code command} (an instance, or a class to instantiate), configured as every {@code tfe} command is. */
  public static CommandLine of(Object command) {
    return configure(new CommandLine(command));
  }

  /**
   * Configures {@code cl} and the subcommands it has now: enum values in any case, help as wide
   * as the terminal, bad arguments reported with what to do ({@link #badUsage}, exit code 2) and a
   * failure of the command itself in one line ({@link #failed}, exit code 1).
   */
  public static CommandLine configure(CommandLine cl) {
    return cl.setCaseInsensitiveEnumValuesAllowed(true).setUsageHelpAutoWidth(true)
        .setParameterExceptionHandler(Cli::badUsage).setExecutionExceptionHandler(Cli::failed);
  }

  /**
   * Executes {@code command}, shown in its usage as {@code name} (e.g. {@code tfe bench rounds}),
   * with {@code args}, and exits the JVM with its exit code.
   */
  public static void main(String name, Object command, String[] args) {
    logLevelFromEnvironment();
    System.exit(of(command).setCommandName(name).execute(args));
  }

  /**
   * The libraries that log through SLF4J (ND4J) log warnings only (kernel-ext's {@code
   * simplelogger.properties}, for the simple binding on the product class path) unless the
   * environment's {@code TFE_LOG} names another level: this sets it, before anything logs.
   */
  public static void logLevelFromEnvironment() {
    String level = slf4jLevel(System.getenv("TFE_LOG"), System.err);
    if (level != null) {
      System.setProperty(SLF4J_LEVEL, level);
    }
  }

  /**
   * The SLF4J level that {@code tfeLog} (the value of {@code TFE_LOG}) names, or null if it is
   * unset, blank, or no level, which it then says on {@code err}.
   */
  static String slf4jLevel(String tfeLog, PrintStream err) {
    if (tfeLog == null || tfeLog.isBlank()) {
      return null;
    }
    String level = tfeLog.strip().toLowerCase(Locale.ROOT);
    if (!LOG_LEVELS.contains(level)) {
      err.println("tfe: TFE_LOG=" + tfeLog + " is not one of " + String.join(", ", LOG_LEVELS) + "; logging warnings only");
      return null;
    }
    return level;
  }

  /**
   * Bad arguments: what is wrong, picocli's guess at what was meant, the command's synopsis (and
   * its subcommands, if it has any) and where the options are explained.
   */
  private static int badUsage(ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    PrintWriter err = cl.getErr();
    String name = cl.getCommandSpec().qualifiedName();
    err.println(name + ": " + e.getMessage());
    UnmatchedArgumentException.printSuggestions(e, err);
    CommandLine.Help help = cl.getHelp();
    err.print("Usage: " + help.synopsis("Usage: ".length()));
    if (!cl.getSubcommands().isEmpty()) {
      err.print(help.commandListHeading() + help.commandList());
    }
    err.println((name.startsWith("tfe") ? "./" : "") + name + " --help explains every option.");
    err.flush();
    return cl.getCommandSpec().exitCodeOnInvalidInput();
  }

  /**
   * A command that failed: an error the user can act on (bad input, a missing or unreadable
   * file, a refused state) is one line naming the command; anything else is a bug and keeps its
   * stack trace.
   */
  private static int failed(Exception e, CommandLine cl, ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (e instanceof IllegalArgumentException || e instanceof IllegalStateException || e instanceof IOException
        || e instanceof UncheckedIOException) {
      err.println(cl.getCommandSpec().qualifiedName() + ": " + e.getMessage());
    } else {
      e.printStackTrace(err);
    }
    err.flush();
    return 1;
  }
}
