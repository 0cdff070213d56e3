package dev.tfe.launcher.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The demo's one argument: help instead of a NumberFormatException, a clear error for a bad one. */
class DemoMainTest {
  @Test
  void helpIsHelp() {
    assertNull(DemoMain.batchSize(new String[] {"--help"}));
    assertNull(DemoMain.batchSize(new String[] {"-h"}));
    assertTrue(DemoMain.USAGE.contains("usage: ./tfe demo [BATCH]"));
  }

  @Test
  void theBatchIsAWholeNumberInRange() {
    assertEquals(250, DemoMain.batchSize(new String[0]));
    assertEquals(100, DemoMain.batchSize(new String[] {"100"}));
    for (String bad : new String[] {"ten", "0", "-5", "2001", "1.5"}) {
      var e = assertThrows(IllegalArgumentException.class, () -> DemoMain.batchSize(new String[] {bad}));
      assertTrue(e.getMessage().contains("BATCH must be a whole number from 1 to 2000, got '" + bad + "'"), e.getMessage());
    }
    var e = assertThrows(IllegalArgumentException.class, () -> DemoMain.batchSize(new String[] {"1", "2"}));
    assertTrue(e.getMessage().contains("at most one argument"), e.getMessage());
  }
}
