package dev.tfe.launcher.bench.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.launcher.cli.Cli;
import dev.tfe.launcher.cli.CommandRun;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code ./tfe bench ops} hands every argument it does not know to JMH, in order, and JMH's complaints come back as usage errors. */
class OpsCommandLineTest {
  @Test
  void jmhOptionsAndTheBenchmarkRegexPassThrough() {
    CommandLine cl = new CommandLine(OpsBenchmarks.class);
    cl.parseArgs("-f", "1", "--quick", "-wi", "2", "-p", "protocol=pond,securenn", "RingMatmul");
    OpsBenchmarks ops = cl.getCommand();
    assertTrue(ops.quick);
    assertEquals(List.of("-f", "1", "-wi", "2", "-p", "protocol=pond,securenn", "RingMatmul"), ops.jmhArgs);
  }

  @Test
  void anOptionJmhDoesNotKnowIsABadUsage() {
    CommandRun r = CommandRun.of(Cli.of(OpsBenchmarks.class).setCommandName("tfe bench ops"), "--bogus");
    assertEquals(2, r.code(), r.describe());
    assertTrue(r.err().contains("tfe bench ops: JMH: bogus is not a recognized option (--jmh-help lists JMH's options)"),
        r.describe());
  }
}
