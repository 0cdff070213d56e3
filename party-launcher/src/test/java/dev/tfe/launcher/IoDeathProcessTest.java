package dev.tfe.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.program.Output;
import dev.tfe.program.Party;
import dev.tfe.api.Tfe;
import dev.tfe.protocol.TestData;
import dev.tfe.protocol.pond.Pond;
import dev.tfe.runtime.RunFailedException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A party whose ZeroMQ I/O thread dies exits with a clear line in its log (exit code 6), so the
 * run fails at once naming it, instead of living on deaf. The death is real: the servers run with
 * 4 MiB of direct memory, and JeroMQ allocates a received frame above 1 MiB there, so the 6.4 MB
 * share of a 1000 x 800 input ends the I/O thread with {@code OutOfMemoryError} (as a 2^31-1
 * size claim did before the frame limit). Before this change the party stayed alive and deaf
 * until its coordinator declared it lost.
 */
@Tag("processes")
@Timeout(180)
class IoDeathProcessTest {

  @AfterEach
  void noProcessLeft() {
    Processes.assertNoneLeft();
  }

  @Test
  void aPartyWhoseIoThreadDiesExitsWithAClearLogLine() throws Exception {
    try (Tfe tfe = Tfe.local()) {
      ProcessRuntime rt = LocalLauncher.launch(LaunchOptions.defaults().jvmArgs(List.of("-Xmx1g", "-XX:MaxDirectMemorySize=4m")));
      tfe.useRuntime(rt);
      Map<String, Path> logs = rt.cluster().logs();
      Pond pond = tfe.pond();
      Party client = tfe.party("client");
      INDArray small = TestData.uniform(new Random(1), 1, 4, 4);
      Output ok = tfe.defineOutput(pond, client, pond.add(tfe.definePrivateInput(pond, client, small),
          tfe.definePrivateInput(pond, client, small)));
      assertEquals(16, tfe.run(ok).values(ok).length, "a small run works with 4 MiB of direct memory");
      INDArray big = TestData.uniform(new Random(2), 1, 1000, 800);
      Output out = tfe.defineOutput(pond, client, pond.add(tfe.definePrivateInput(pond, client, big),
          tfe.definePrivateInput(pond, client, big)));
      long t0 = System.nanoTime();
      RunFailedException e = assertThrows(RunFailedException.class, () -> tfe.run(out));
      double seconds = (System.nanoTime() - t0) / 1e9;
      // a lost cluster stops its processes and deletes its folder at once, so the log is read where
      // the user reads it: quoted in the run's error
      String message = e.getMessage();
      String dead = logs.keySet().stream().filter(p -> message.contains("FATAL: the ZeroMQ I/O thread of " + p + " died"))
          .findFirst().orElse(null);
      assertTrue(dead != null, "the error quotes a server's log line on the death of its I/O thread: " + message);
      assertTrue(message.contains("party " + dead + " died: its process exited with code 6"), message);
      assertTrue(message.contains("OutOfMemoryError") && message.contains("exiting with code 6"), message);
      String text = message;
      System.out.printf("I/O death: the run failed after %.1f s: %s%n  %s's log: %s%n", seconds, message.lines().findFirst().orElse(""),
          dead, text.lines().filter(l -> l.contains("FATAL") || l.contains("code 6")).toList());
      assertTrue(seconds < 30, "failed after " + seconds + " s");
    }
  }
}
