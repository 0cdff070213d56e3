package dev.tfe.launcher.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * A {@code tfe} command run in-process with its output captured, for the tests of the command
 * line (this module's and kernel-ext's, through this module's tests jar).
 *
 * @param code its exit code
 * @param out  what it printed on standard output
 * @param err  what it printed on standard error
 */
public record CommandRun(int code, String out, String err) {
  /** Runs {@code cl} with {@code args}. */
  public static CommandRun of(CommandLine cl, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = cl.setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    return new CommandRun(code, out.toString(), err.toString());
  }

  /** All of it, for an assertion's message. */
  public String describe() {
    return "exit " + code + "\n--- out:\n" + out + "\n--- err:\n" + err;
  }
}
