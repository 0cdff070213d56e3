package dev.tfe.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.program.Output;
import dev.tfe.program.Party;
import dev.tfe.api.Tfe;
import dev.tfe.protocol.Tensor;
import dev.tfe.protocol.TestData;
import dev.tfe.protocol.pond.Pond;
import dev.tfe.runtime.RunFailedException;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A server killed in the middle of a computation: a clear error within 10 s, no process left. */
@Tag("processes")
@Timeout(120)
class KillPartyTest {

  @AfterEach
  void noProcessLeft() {
    Processes.assertNoneLeft();
  }

  @Test
  void killingAServerMidRunFailsTheRunNamingItWithinTenSeconds() throws Exception {
    try (Tfe tfe = Tfe.local()) {
      ProcessRuntime runtime = (ProcessRuntime) tfe.launchLocal();
      Pond pond = tfe.pond();
      Party client = tfe.party("client");
      Random rnd = new Random(1);
      INDArray x = TestData.uniform(rnd, 1, 64, 64);
      Tensor y = tfe.definePrivateInput(pond, client, x);
      for (int i = 0; i < 400; i++) { // hundreds of rounds: seconds of work
        y = pond.matmul(y, tfe.definePrivateInput(pond, client, x));
      }
      Output out = tfe.defineOutput(pond, client, y);
      ProcessHandle victim = runtime.cluster().processes().get("server1");
      CompletableFuture<Throwable> run = CompletableFuture.supplyAsync(() -> {
        try {
          tfe.run(out);
          return null;
        } catch (Throwable t) {
          return t;
        }
      });
      awaitLogLine(runtime, "server1", "run ");
      Thread.sleep(300);
      assertFalse(run.isDone(), "the computation is still running when server1 is killed");
      long killed = System.nanoTime();
      assertTrue(victim.destroyForcibly());
      Throwable t = run.get(10, TimeUnit.SECONDS);
      double seconds = (System.nanoTime() - killed) / 1e9;
      assertTrue(t instanceof RunFailedException, "the run failed with RunFailedException, got " + t);
      RunFailedException e = (RunFailedException) t;
      assertEquals("server1", e.party());
      assertTrue(e.getMessage().contains("server1"), e.getMessage());
      assertTrue(e.getMessage().contains("killed by signal 9"), e.getMessage());
      assertTrue(e.getMessage().contains("last lines of its log"), e.getMessage());
      assertTrue(seconds < 10, "failed after " + seconds + " s");
      System.out.printf("kill test: the run failed %.2f s after server1 was killed:%n%s%n", seconds, e.getMessage());
      RunFailedException later = assertThrows(RunFailedException.class, () -> tfe.run(out));
      assertTrue(later.getMessage().contains("stopped"), later.getMessage());
      // the other parties are stopped too
      Processes.assertNoneLeft();
    }
  }

  static void awaitLogLine(ProcessRuntime runtime, String party, String text) throws Exception {
    java.nio.file.Path log = runtime.cluster().logs().get(party);
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      if (java.nio.file.Files.readString(log).lines().anyMatch(l -> l.contains(text))) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError(party + " never logged '" + text + "'");
  }
}
