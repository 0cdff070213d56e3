package dev.tfe.launcher.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.launcher.cli.Cli;
import dev.tfe.launcher.cli.CommandRun;
import org.junit.jupiter.api.Test;

/** The demo's command line: generated help, and a clear error with exit code 2 for a bad BATCH. */
class DemoMainTest {
  static CommandRun run(String... args) {
    return CommandRun.of(Cli.of(new DemoMain()), args);
  }

  @Test
  void helpIsHelp() {
    for (String h : new String[] {"--help", "-h"}) {
      CommandRun o = run(h);
      assertEquals(0, o.code());
      assertTrue(o.out().contains("Usage: demo [-h] [BATCH]"), o.out());
      assertTrue(o.out().contains("digits per private prediction run, 1 to 2000 (default: 250)"), o.out());
    }
  }

  @Test
  void aBadBatchIsAClearErrorWithTheUsage() {
    for (String bad : new String[] {"0", "-5", "2001"}) {
      CommandRun o = run(bad);
      assertEquals(2, o.code(), bad);
      assertTrue(o.err().contains("BATCH must be a whole number from 1 to 2000, got '" + bad + "'"), o.err());
      assertTrue(o.err().contains("Usage: demo"), o.err());
    }
    for (String bad : new String[] {"ten", "1.5"}) {
      CommandRun o = run(bad);
      assertEquals(2, o.code(), bad);
      assertTrue(o.err().contains("'" + bad + "' is not an int"), o.err());
    }
    CommandRun two = run("1", "2");
    assertEquals(2, two.code());
    assertTrue(two.err().contains("Unmatched argument at index 1: '2'"), two.err());
  }
}
