package dev.tfe.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.program.Output;
import dev.tfe.program.Party;
import dev.tfe.program.RunResult;
import dev.tfe.api.Tfe;
import dev.tfe.protocol.Tensor;
import dev.tfe.protocol.TestData;
import dev.tfe.protocol.pond.Pond;
import dev.tfe.runtime.Runtime;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.api.ndarray.INDArray;

/** {@code tfe.launchLocal()} end to end: the same program, then the processes are gone. */
@Tag("processes")
@Timeout(120)
class LaunchLocalTest {

  @AfterEach
  void noProcessLeft() {
    Processes.assertNoneLeft();
  }

  @Test
  void launchLocalRunsTheSameProgramOnProcessesAndStopsThemOnClose() {
    Random rnd = new Random(3);
    INDArray x = TestData.uniform(rnd, 1, 4, 8);
    INDArray w = TestData.uniform(rnd, 1, 8, 3);
    double[] inProcess;
    try (Tfe tfe = Tfe.local()) {
      inProcess = program(tfe, x, w);
    }
    try (Tfe tfe = Tfe.local()) {
      Party client = tfe.party("client");
      Pond pond = tfe.pond();
      Tensor y = pond.matmul(tfe.definePrivateInput(pond, client, x), pond.mask(tfe.definePrivateVariable(pond, tfe.party("owner"), w)));
      Output out = tfe.defineOutput(pond, client, y);
      RunResult before = tfe.run(out);
      Runtime r = tfe.launchLocal();
      assertEquals("processes", tfe.runtime().name());
      assertTrue(r.toString().contains("server2"), r.toString());
      RunResult after = tfe.run(out);
      RunResult again = tfe.run(out);
      assertArrayEquals(before.values(out), after.values(out), 1.0 / 65536 + 1e-12);
      assertArrayEquals(after.values(out), again.values(out), 1.0 / 65536 + 1e-12);
      assertArrayEquals(inProcess, after.values(out), 1.0 / 65536 + 1e-12);
      assertEquals("client", after.receiver(out));
      assertEquals("processes", after.profile().runtime());
      assertTrue(after.profile().parties().contains("server0"));
      assertTrue(Processes.children() >= 3, "three party processes run");
    }
  }

  private static double[] program(Tfe tfe, INDArray x, INDArray w) {
    Pond pond = tfe.pond();
    Party client = tfe.party("client");
    Tensor y = pond.matmul(tfe.definePrivateInput(pond, client, x), pond.mask(tfe.definePrivateVariable(pond, tfe.party("owner"), w)));
    Output out = tfe.defineOutput(pond, client, y);
    return tfe.run(out).values(out);
  }

  @Test
  void partiesThatCannotStartGiveAClearErrorQuotingTheirLog() {
    LaunchOptions o = LaunchOptions.defaults().classpath("/nonexistent").handshakeTimeout(Duration.ofSeconds(20));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Cluster.launchLocal(o));
    String m = e.getMessage();
    assertTrue(m.contains("server0") || m.contains("server1") || m.contains("server2"), m);
    assertTrue(m.contains("PartyMain"), "quotes the JVM's complaint: " + m);
  }

  @Test
  void aFailedRunNamesThePartyAndTheNextRunWorks() {
    try (Tfe tfe = Tfe.local()) {
      tfe.launchLocal();
      Pond pond = tfe.pond();
      Party client = tfe.party("client");
      Tensor x = tfe.definePrivateInput(pond, client, "x", 2, 2);
      Output out = tfe.defineOutput(pond, client, pond.mul(x, x));
      INDArray wrong = TestData.of(new double[] {1, 2, 3}, 3);
      INDArray right = TestData.of(new double[] {1, 2, 3, 4}, 2, 2);
      long t0 = System.nanoTime();
      dev.tfe.runtime.RunFailedException e = assertThrows(dev.tfe.runtime.RunFailedException.class,
          () -> tfe.run(java.util.Map.of(client, java.util.Map.of("x", wrong)), out));
      assertEquals("client", e.party());
      assertTrue(e.getMessage().contains("shape"), e.getMessage());
      assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "the servers were aborted, not left to time out");
      double[] got = tfe.run(java.util.Map.of(client, java.util.Map.of("x", right)), out).values(out);
      assertArrayEquals(new double[] {1, 4, 9, 16}, got, 1e-3);
    }
  }

  @Test
  void aClusterServesManySessionsAndKeepsTheirVariablesApart() {
    try (Cluster cluster = Cluster.launchLocal()) {
      for (int i = 0; i < 3; i++) {
        try (Tfe tfe = Tfe.local()) {
          tfe.useRuntime(cluster.newRuntime());
          Random rnd = new Random(i);
          INDArray x = TestData.uniform(rnd, 1, 2, 5);
          INDArray w = TestData.uniform(rnd, 1, 5, 2);
          double[] got = program(tfe, x, w);
          assertArrayEquals(x.mmul(w).data().asDouble(), got, 5 * 1.0 / 65536);
        }
      }
      assertEquals(3, cluster.processes().size());
      assertTrue(cluster.isAlive());
      assertTrue(List.copyOf(cluster.processes().values()).stream().allMatch(ProcessHandle::isAlive));
    }
  }

  @Test
  void aServerRunsInsideTheCoordinatorOnlyWhenAskedTo() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Cluster.launchLocal(LaunchOptions.defaults().parties(List.of("server0", "server1"))));
    assertTrue(e.getMessage().contains("no address to server2") && e.getMessage().contains("inProcess"), e.getMessage());
    try (Cluster cluster = Cluster.launchLocal(
        LaunchOptions.defaults().parties(List.of("server0", "server1")).inProcess(List.of("server2")))) {
      assertEquals(2, cluster.processes().size());
      Programs.checkProduct(cluster, 7);
    }
  }
}
