package dev.tfe.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** How every {@code tfe} command reports a failure, and the {@code TFE_LOG} levels. */
class CliTest {
  /** Fails with the exception its argument names. */
  @Command(name = "failing")
  static final class Failing implements Callable<Integer> {
    @Parameters(index = "0")
    String what;

    @Override
    public Integer call() {
      throw what.equals("state") ? new IllegalStateException("the parties are gone; run ./tfe launch") : new NullPointerException("a bug");
    }
  }

  private static CommandRun run(String arg) {
    return CommandRun.of(Cli.of(new Failing()), arg);
  }

  @Test
  void aFailureTheUserCanActOnIsOneLineAndABugKeepsItsStackTrace() {
    CommandRun state = run("state");
    assertEquals(1, state.code(), state.describe());
    assertEquals("failing: the parties are gone; run ./tfe launch" + System.lineSeparator(), state.err());
    CommandRun bug = run("bug");
    assertEquals(1, bug.code(), bug.describe());
    assertTrue(bug.err().contains("java.lang.NullPointerException: a bug") && bug.err().contains("\tat "), bug.describe());
  }

  @Test
  void tfeLogNamesAnSlf4jLevelOrIsRefused() {
    assertEquals("info", Cli.slf4jLevel("INFO ", System.err));
    assertEquals("off", Cli.slf4jLevel("off", System.err));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    assertNull(Cli.slf4jLevel("loud", new PrintStream(bytes, true, StandardCharsets.UTF_8)));
    assertTrue(bytes.toString(StandardCharsets.UTF_8).contains(
        "TFE_LOG=loud is not one of trace, debug, info, warn, error, off; logging warnings only"), bytes.toString());
    assertNull(Cli.slf4jLevel(null, System.err));
    assertNull(Cli.slf4jLevel(" ", System.err));
  }
}
