package dev.tfe.launcher.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.launcher.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The demo's command line: generated help, and a clear error with exit code 2 for a bad BATCH. */
class DemoMainTest {
  record Outcome(int code, String out, String err) {}

  static Outcome run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Cli.execute(new DemoMain(), args, new PrintWriter(out), new PrintWriter(err));
    return new Outcome(code, out.toString(), err.toString());
  }

  @Test
  void helpIsHelp() {
    for (String h : new String[] {"--help", "-h"}) {
      Outcome o = run(h);
      assertEquals(0, o.code());
      assertTrue(o.out().contains("Usage: demo [-h] [BATCH]"), o.out());
      assertTrue(o.out().contains("digits per private prediction run, 1 to 2000 (default: 250)"), o.out());
    }
  }

  @Test
  void aBadBatchIsAClearErrorWithTheUsage() {
    for (String bad : new String[] {"0", "-5", "2001"}) {
      Outcome o = run(bad);
      assertEquals(2, o.code(), bad);
      assertTrue(o.err().contains("BATCH must be a whole number from 1 to 2000, got '" + bad + "'"), o.err());
      assertTrue(o.err().contains("Usage: demo"), o.err());
    }
    for (String bad : new String[] {"ten", "1.5"}) {
      Outcome o = run(bad);
      assertEquals(2, o.code(), bad);
      assertTrue(o.err().contains("'" + bad + "' is not an int"), o.err());
    }
    Outcome two = run("1", "2");
    assertEquals(2, two.code());
    assertTrue(two.err().contains("Unmatched argument at index 1: '2'"), two.err());
  }
}
