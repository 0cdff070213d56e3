package dev.tfe.launcher;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.launcher.config.Hostmap;
import dev.tfe.launcher.config.KeyFiles;
import dev.tfe.launcher.net.Header;
import dev.tfe.launcher.net.Header.Kind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Control messages count only from the coordinator a party serves: a holder of the cluster token
 * (or, with CURVE, of server0's own key) who connects under server0's name, or under a
 * coordinator's name of its own, and tells server0 to stop, run, abort, end a session, detach
 * or greet, is ignored and logged, and the cluster computes on.
 */
@Tag("processes")
@Timeout(120)
class ControlMessageTest {

  @AfterEach
  void noProcessLeft() {
    Processes.assertNoneLeft();
  }

  @ParameterizedTest(name = "encrypted={0}")
  @ValueSource(booleans = {false, true})
  void onlyTheCoordinatorInChargeGivesOrders(boolean encrypt) throws Exception {
    try (Cluster cluster = Cluster.launchLocal(LaunchOptions.defaults().encrypt(encrypt))) {
      Programs.checkProduct(cluster, 1);
      Path hosts = cluster.workDir().orElseThrow().resolve("hosts.json");
      Hostmap map = cluster.hostmap();
      Path log = cluster.logs().get("server0");
      // as server0 itself (a token holder, or under CURVE the holder of server0's key)
      String[] kinds = {"STOP", "RUN", "ABORT", "END_SESSION", "HELLO"};
      send(hosts, map, "server0", "server0", "server0", log, kinds);
      if (!encrypt) {
        // a token holder posing as a second coordinator (under CURVE it would need the coordinator's key)
        send(hosts, map, "coordinator", "coordinator@intruder", "coordinator@intruder", log, "STOP");
        send(hosts, map, "coordinator", "coordinator", "coordinator", log, "STOP");
      }
      assertTrue(cluster.isAlive(), "the cluster lives on: " + cluster);
      assertTrue(cluster.processes().get("server0").isAlive(), "server0 did not obey");
      String text = Files.readString(log);
      assertTrue(!text.contains("stopping:") && !text.contains("run 99"), text);
      Programs.checkProduct(cluster, 2);
    }
  }

  /**
   * Connects to server0 as {@code user} with routing identity {@code identity}, sends each kind
   * from {@code from}, and waits until server0's log says it ignored each (retrying the
   * connection: now and then a fresh JeroMQ client's handshake does not complete).
   */
  private static void send(Path hosts, Hostmap map, String user, String identity, String from, Path log, String... kinds)
      throws Exception {
    var creds = KeyFiles.load(hosts, map, user);
    for (int attempt = 0; attempt < 4; attempt++) {
      if (map.encrypted() && !map.curve()) {
        // the AEAD transport: a handshake with the key, then sealed frames
        try (dev.tfe.launcher.net.AeadPeer p = new dev.tfe.launcher.net.AeadPeer(map, user, creds.secretKey(), identity, "server0")) {
          if (!p.handshake(java.time.Duration.ofSeconds(5))) {
            continue;
          }
          for (String k : kinds) {
            p.sendRaw(p.seal(new Header(Kind.valueOf(k), 5, 99, 0, from, "server0"),
                ("an intruder says " + k).getBytes(StandardCharsets.UTF_8)));
          }
          if (ignoredAll(log, from, kinds)) {
            return;
          }
        }
        continue;
      }
      try (ZContext ctx = new ZContext()) {
        ZMQ.Socket d = ctx.createSocket(SocketType.DEALER);
        d.setIdentity(identity.getBytes(StandardCharsets.UTF_8));
        if (map.encrypted()) {
          d.setCurveServerKey(ZMQ.Curve.z85Decode(map.entry("server0").publicKey()));
          d.setCurvePublicKey(ZMQ.Curve.z85Decode(creds.publicKey()));
          d.setCurveSecretKey(ZMQ.Curve.z85Decode(creds.secretKey()));
        } else {
          d.setPlainUsername(user);
          d.setPlainPassword(creds.token());
        }
        d.setLinger(1000);
        d.connect(map.entry("server0").endpoint());
        for (String k : kinds) {
          d.sendMore(new Header(Kind.valueOf(k), 5, 99, 0, from, "server0").encode());
          d.send(("an intruder says " + k).getBytes(StandardCharsets.UTF_8), 0);
        }
        if (ignoredAll(log, from, kinds)) {
          return;
        }
      }
    }
    throw new AssertionError("server0 did not log that it ignored " + String.join(", ", kinds) + " from " + from
        + ":\n" + Programs.read(log));
  }

  /** Whether server0's log says, within 5 s, that it ignored each kind from {@code from}. */
  private static boolean ignoredAll(Path log, String from, String... kinds) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 5000;
    while (System.currentTimeMillis() < deadline) {
      String text = Programs.read(log);
      boolean all = true;
      for (String k : kinds) {
        all &= text.contains("ignored " + k + " from " + from + ":");
      }
      if (all) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }
}
