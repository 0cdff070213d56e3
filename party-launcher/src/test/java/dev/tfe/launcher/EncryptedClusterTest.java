package dev.tfe.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.program.Output;
import dev.tfe.program.Party;
import dev.tfe.api.Tfe;
import dev.tfe.launcher.config.Hostmap;
import dev.tfe.launcher.net.AeadPeer;
import dev.tfe.launcher.net.Header;
import dev.tfe.protocol.Tensor;
import dev.tfe.protocol.TestData;
import dev.tfe.protocol.pond.Pond;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.zeromq.ZMQ;

/** Party processes encrypted (AEAD transport) on loopback: they compute, and a stranger's key is turned away. */
@Tag("processes")
@Timeout(120)
class EncryptedClusterTest {

  @AfterEach
  void noProcessLeft() {
    Processes.assertNoneLeft();
  }

  @Test
  void encryptedClusterComputesAndRejectsAPeerWithAnUnknownKey() throws Exception {
    try (Cluster cluster = Cluster.launchLocal(LaunchOptions.defaults().encrypt(true)); Tfe tfe = Tfe.local()) {
      assertTrue(cluster.hostmap().encrypted());
      tfe.useRuntime(cluster.newRuntime());
      Hostmap map = cluster.hostmap();
      assertTrue(!map.curve(), "the AEAD transport is the default");
      // a stranger with a fresh key claims to be the coordinator: its handshake is refused, and
      // the STOP it sends anyway (it has no session to seal it in) is dropped
      ZMQ.Curve.KeyPair stranger = ZMQ.Curve.generateKeyPair();
      try (AeadPeer p = new AeadPeer(map, Hostmap.COORDINATOR, stranger.secretKey, "coordinator@intruder", "server0")) {
        assertFalse(p.handshake(Duration.ofSeconds(2)), "server0 welcomed a key that is not in the hostmap");
        p.sendRaw(new Header(Header.Kind.STOP, 0, 0, 0, "coordinator@intruder", "server0").encode(), "an intruder says stop".getBytes());
        Thread.sleep(1000);
      }
      String log = Files.readString(cluster.logs().get("server0"));
      assertTrue(log.contains("refused a handshake from 'coordinator': it was not made with coordinator's key"), log);
      assertTrue(cluster.processes().get("server0").isAlive(), "the intruder's STOP was not obeyed");
      Random rnd = new Random(5);
      INDArray x = TestData.uniform(rnd, 1, 3, 4);
      INDArray w = TestData.uniform(rnd, 1, 4, 2);
      Pond pond = tfe.pond();
      Party client = tfe.party("client");
      Tensor y = pond.matmul(tfe.definePrivateInput(pond, client, x), tfe.definePrivateInput(pond, client, w));
      Output out = tfe.defineOutput(pond, client, y);
      assertArrayEquals(x.mmul(w).data().asDouble(), tfe.run(out).values(out), 4.0 / 65536);
    }
  }
}
