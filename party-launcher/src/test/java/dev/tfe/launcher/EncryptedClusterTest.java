package dev.tfe.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.program.Output;
import dev.tfe.program.Party;
import dev.tfe.api.Tfe;
import dev.tfe.launcher.config.Hostmap;
import dev.tfe.launcher.net.Header;
import dev.tfe.protocol.Tensor;
import dev.tfe.protocol.TestData;
import dev.tfe.protocol.pond.Pond;
import java.nio.file.Files;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** Party processes with CURVE on loopback: they compute, and a stranger's key is turned away. */
@Tag("processes")
@Timeout(120)
class EncryptedClusterTest {

  @AfterEach
  void noProcessLeft() {
    Processes.assertNoneLeft();
  }

  @Test
  void curveClusterComputesAndRejectsAPeerWithAnUnknownKey() throws Exception {
    try (Cluster cluster = Cluster.launchLocal(LaunchOptions.defaults().encrypt(true)); Tfe tfe = Tfe.local()) {
      assertTrue(cluster.hostmap().encrypted());
      tfe.useRuntime(cluster.newRuntime());
      Hostmap map = cluster.hostmap();
      try (ZContext ctx = new ZContext()) {
        ZMQ.Curve.KeyPair stranger = ZMQ.Curve.generateKeyPair();
        ZMQ.Socket d = ctx.createSocket(SocketType.DEALER);
        d.setIdentity(Hostmap.COORDINATOR.getBytes());
        d.setCurveServerKey(ZMQ.Curve.z85Decode(map.entry("server0").publicKey()));
        d.setCurvePublicKey(ZMQ.Curve.z85Decode(stranger.publicKey));
        d.setCurveSecretKey(ZMQ.Curve.z85Decode(stranger.secretKey));
        d.setLinger(0);
        d.connect(map.entry("server0").endpoint());
        d.sendMore(new Header(Header.Kind.STOP, 0, 0, 0, Hostmap.COORDINATOR, "server0").encode());
        d.send("an intruder says stop".getBytes(), 0);
        Thread.sleep(1000);
      }
      String log = Files.readString(cluster.logs().get("server0"));
      assertTrue(log.contains("rejected a connection") && log.contains("is not in the hostmap"), log);
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
