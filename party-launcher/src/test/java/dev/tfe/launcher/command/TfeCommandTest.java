package dev.tfe.launcher.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.launcher.cli.CommandRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The {@code tfe} command line in-process, as {@code ./tfe} runs it: every command answers
 * {@code --help} with its usage, and bad arguments (a missing option value, an unknown option, a
 * bad number, an unknown command) end with exit code 2, a message naming the problem, the
 * synopsis and where the options are explained, and no stack trace; nothing runs.
 */
class TfeCommandTest {
  static CommandRun tfe(String... args) {
    return CommandRun.of(TfeCommand.commandLine(), args);
  }

  /** Every command's words from the root, e.g. [bench, ops], the aliases included. */
  static List<List<String>> commands(CommandLine cl, List<String> path) {
    List<List<String>> all = new ArrayList<>();
    for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
      List<String> p = new ArrayList<>(path);
      p.add(e.getKey());
      all.add(p);
      all.addAll(commands(e.getValue(), p));
    }
    return all;
  }

  @Test
  void everyCommandHasHelpWithItsUsageAndAOneLineSummary() {
    List<List<String>> commands = commands(TfeCommand.commandLine(), List.of());
    for (String c : List.of("demo", "bench", "launch", "party", "keys", "help")) {
      assertTrue(commands.contains(List.of(c)), c + " in " + commands);
    }
    for (String c : List.of("networks", "all", "ops", "transport", "rounds", "prediction", "securenn", "training", "fss-keys")) {
      assertTrue(commands.contains(List.of("bench", c)), "bench " + c + " in " + commands);
    }
    for (List<String> c : commands) {
      if (c.equals(List.of("help"))) {
        continue;
      }
      List<String> args = new ArrayList<>(c);
      args.add("--help");
      CommandRun o = tfe(args.toArray(new String[0]));
      CommandLine.Model.CommandSpec spec = commandLine(c).getCommandSpec();
      String name = spec.qualifiedName(); // an alias (bench all) shows the command's name
      assertEquals(0, o.code(), o.describe());
      assertTrue(o.out().contains("Usage: " + name + " [-h]"), name + ": " + o.describe());
      assertEquals("", o.err(), name);
      assertTrue(spec.usageMessage().header().length == 1, name + " has a one-line summary for the command lists");
    }
  }

  private static CommandLine commandLine(List<String> path) {
    CommandLine cl = TfeCommand.commandLine();
    for (String p : path) {
      cl = cl.getSubcommands().get(p);
    }
    return cl;
  }

  @Test
  void noCommandPrintsTheUsageWithTheScriptsOwnCommands() {
    for (String[] args : new String[][] {{}, {"--help"}, {"help"}}) {
      CommandRun o = tfe(args);
      assertEquals(0, o.code(), o.describe());
      assertTrue(o.out().contains("Usage: tfe [-h] [COMMAND]"), o.describe());
      for (String c : List.of("demo ", "bench ", "party ", "classpath ", "run File.java", "TFE_LOG")) {
        assertTrue(o.out().contains(c), c + ": " + o.describe());
      }
    }
    CommandRun bench = tfe("help", "bench");
    assertEquals(0, bench.code(), bench.describe());
    assertTrue(bench.out().contains("Usage: tfe bench [-h]"), bench.describe());
  }

  @Test
  void aMissingOptionValueSaysWhichOptionAndHowToUseIt() {
    CommandRun atEnd = tfe("party", "--name", "server0", "--config");
    assertBadUsage(atEnd, "tfe party: Missing required parameter for option '--config' (HOSTS.JSON)", "tfe party");
    CommandRun beforeNext = tfe("party", "--config", "--name", "server0");
    assertBadUsage(beforeNext, "tfe party: Expected parameter for option '--config' but found '--name'", "tfe party");
    assertBadUsage(tfe("launch", "--parties"), "Missing required parameter for option '--parties' (NAME)", "tfe launch");
    assertBadUsage(tfe("keys", "--config"), "Missing required parameter for option '--config' (HOSTS.JSON)", "tfe keys");
    assertBadUsage(tfe("bench", "--net"), "Missing required parameter for option '--net' (SETTING)", "tfe bench");
    assertBadUsage(tfe("party", "--name", "server0"), "Missing required option: '--config=HOSTS.JSON'", "tfe party");
  }

  @Test
  void unknownOptionsCommandsAndBadNumbersAreRefusedWithTheUsage() {
    assertBadUsage(tfe("demo", "--hlep"), "tfe demo: Unknown option: '--hlep'", "tfe demo");
    CommandRun typo = tfe("dem");
    assertBadUsage(typo, "tfe: Unmatched argument at index 0: 'dem'", "tfe");
    assertTrue(typo.err().contains("Did you mean: tfe demo?"), typo.describe());
    assertTrue(typo.err().contains("Commands:") && typo.err().contains("  bench "), typo.describe());
    assertBadUsage(tfe("bench", "foo"), "tfe bench: Unmatched argument at index 1: 'foo'", "tfe bench");
    assertBadUsage(tfe("bench", "transport", "ten"), "'ten' is not an int", "tfe bench transport");
    assertBadUsage(tfe("party", "--config", "h.json", "--name", "s", "--coordinator-timeout", "1.5"),
        "Invalid value for option '--coordinator-timeout': '1.5' is not a long", "tfe party");
    assertBadUsage(tfe("party", "--config", "h.json", "--name", "s", "--remove-when-orphaned", "a",
        "--remove-keys-when-orphaned", "b"), "mutually exclusive", "tfe party");
    assertBadUsage(tfe("bench", "--networks", "E"), "unknown network E; choose among [A, B, C, D]", "tfe bench");
    assertBadUsage(tfe("bench", "rounds", "3"), "RUNS must be at least 5, got 3", "tfe bench rounds");
  }

  private static void assertBadUsage(CommandRun o, String message, String command) {
    assertEquals(2, o.code(), o.describe());
    assertTrue(o.err().contains(message), message + "\n" + o.describe());
    assertTrue(o.err().contains("Usage: " + command + " [-h]"), "the synopsis\n" + o.describe());
    assertTrue(o.err().contains("./" + command + " --help explains every option."), o.describe());
    assertFalse(o.err().contains("\tat "), "a stack trace\n" + o.describe());
    assertEquals("", o.out(), o.describe());
  }
}
