package dev.tfe.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.program.Output;
import dev.tfe.program.Party;
import dev.tfe.api.Tfe;
import dev.tfe.protocol.Tensor;
import dev.tfe.protocol.pond.Pond;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs keep their owners: a party with a process of its own reads its private input from a
 * file on its own host; the coordinator never holds the value.
 */
@Tag("processes")
@Timeout(120)
class InputOwnershipTest {
  @TempDir
  Path dir;

  @AfterEach
  void noProcessLeft() {
    Processes.assertNoneLeft();
  }

  @Test
  void aPartyProcessReadsItsPrivateInputOnItsOwnHost() throws Exception {
    Path data = dir.resolve("salaries.txt");
    Files.writeString(data, "10 20 30\n40 50 60\n");
    LaunchOptions o = LaunchOptions.defaults().parties(List.of("server0", "server1", "server2", "data-owner"));
    try (Cluster cluster = Cluster.launchLocal(o); Tfe tfe = Tfe.local()) {
      tfe.useRuntime(cluster.newRuntime());
      Pond pond = tfe.pond();
      Party owner = tfe.party("data-owner");
      Party analyst = tfe.party("analyst");
      Tensor x = tfe.definePrivateInputFromFile(pond, owner, data.toString(), 2, 3);
      Output total = tfe.defineOutput(pond, analyst, pond.reduceSum(x, 0));
      assertArrayEquals(new double[] {50, 70, 90}, tfe.run(total).values(total), 1e-9);
      String log = Files.readString(cluster.logs().get("data-owner"));
      assertTrue(log.contains("run ") && log.contains("0 fed values"), "data-owner ran its own plan, fed nothing: " + log);
    }
  }

  @Test
  void aValueTheCoordinatorProvidesForAPartyGoesToThatPartyAlone() throws Exception {
    LaunchOptions o = LaunchOptions.defaults().parties(List.of("server0", "server1", "server2", "data-owner"));
    try (Cluster cluster = Cluster.launchLocal(o); Tfe tfe = Tfe.local()) {
      tfe.useRuntime(cluster.newRuntime());
      Pond pond = tfe.pond();
      Party owner = tfe.party("data-owner");
      Tensor x = tfe.definePrivateInput(pond, owner, org.nd4j.linalg.factory.Nd4j.create(new double[] {1, 2, 3}, new long[] {3},
          org.nd4j.linalg.api.buffer.DataType.DOUBLE));
      Output out = tfe.defineOutput(pond, tfe.party("analyst"), pond.add(x, x));
      assertArrayEquals(new double[] {2, 4, 6}, tfe.run(out).values(out), 1e-9);
      assertTrue(Files.readString(cluster.logs().get("data-owner")).contains("1 fed values"));
      for (String server : List.of("server0", "server1", "server2")) {
        String log = Files.readString(cluster.logs().get(server));
        assertTrue(!log.contains("1 fed values"), server + " was fed nothing: " + log);
      }
    }
  }
}
