package dev.tfe.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.launcher.config.Hostmap;
import dev.tfe.launcher.config.KeyFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.ZMQ;

/**
 * Startup across hosts: parties started by hand, at different times. The coordinator's
 * heartbeat runs during the whole handshake, so a party that waits for a late peer longer than
 * its coordinator timeout (here 2 s instead of 10, the late one 6 s late instead of more than
 * 10) stays; a party that never comes is named, with what the others report about it.
 */
@Tag("processes")
@Timeout(120)
class StartupTest {
  @TempDir
  Path dir;

  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void stopParties() {
    started.forEach(Process::destroyForcibly);
    for (Process p : started) {
      try {
        p.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Processes.assertNoneLeft();
  }

  private void start(Path hosts, String party) throws Exception {
    started.add(Programs.party(hosts, party, "--coordinator-timeout", "2"));
  }

  @Test
  void aPartyThatStartsLaterThanTheCoordinatorTimeoutStillJoins() throws Exception {
    Path hosts = Programs.hostmap(dir, Hostmap.Encryption.AUTO);
    start(hosts, "server0");
    start(hosts, "server1");
    long t0 = System.nanoTime();
    CompletableFuture<Cluster> connecting = CompletableFuture.supplyAsync(
        () -> Cluster.connect(hosts, Duration.ofSeconds(40), Duration.ofSeconds(30)));
    Thread.sleep(6000); // three times the parties' coordinator timeout
    assertFalse(connecting.isDone(), "the coordinator waits for server2");
    start(hosts, "server2");
    try (Cluster cluster = connecting.get(60, TimeUnit.SECONDS)) {
      assertTrue((System.nanoTime() - t0) / 1e9 > 6, "server2 was late");
      Programs.checkProduct(cluster, 3);
      for (Process p : started) {
        assertTrue(p.isAlive(), "every party is still up:\n" + Programs.read(dir.resolve("server0.log")));
      }
    }
  }

  @Test
  void aMissingPartyIsNamedWithWhatTheOthersReport() throws Exception {
    Path hosts = Programs.hostmap(dir, Hostmap.Encryption.AUTO);
    Hostmap map = Hostmap.load(hosts);
    start(hosts, "server0");
    start(hosts, "server1");
    long t0 = System.nanoTime();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Cluster.connect(hosts, Duration.ofSeconds(8), Duration.ofSeconds(30)));
    String m = e.getMessage();
    double took = (System.nanoTime() - t0) / 1e9;
    System.out.println("missing party error after " + String.format("%.1f", took) + " s:\n" + m);
    String addr = map.entry("server2").address();
    assertTrue(m.contains("cannot reach server2 at " + addr), m);
    assertTrue(m.contains("server2"), m);
    assertFalse(m.contains("server0 at " + map.entry("server0").address() + " did not answer"),
        "server0 answered; it is server2 that is missing: " + m);
    assertTrue(took < 13, "the error came with the coordinator's 8 s deadline (plus its set-up), after " + took + " s");
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.EnumSource(value = Hostmap.Encryption.class, names = {"ON", "CURVE"})
  void aStaleKeyInOnePartysHostmapIsReportedWithTheKey(Hostmap.Encryption encryption) throws Exception {
    Path hosts = Programs.hostmap(dir, encryption);
    Hostmap map = Hostmap.load(hosts);
    // server2's copy of the hostmap holds an old key for server0
    Path stale = Files.createDirectories(dir.resolve("server2-host")).resolve("hosts.json");
    map.withKey("server0", ZMQ.Curve.generateKeyPair().publicKey).save(stale);
    Path keyDir = Files.createDirectories(KeyFiles.dirFor(stale));
    Files.copy(KeyFiles.dirFor(hosts).resolve("server2.key"), keyDir.resolve("server2.key"));
    start(hosts, "server0");
    start(hosts, "server1");
    start(stale, "server2");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Cluster.connect(hosts, Duration.ofSeconds(12), Duration.ofSeconds(30)));
    String m = e.getMessage();
    System.out.println("stale key error:\n" + m);
    assertTrue(encryption == Hostmap.Encryption.CURVE
        ? m.contains("CURVE key " + map.entry("server0").publicKey() + " is not in the hostmap")
        : m.contains("refused a handshake from 'server0': it was not made with server0's key"), m);
    assertTrue(m.contains("server2"), m);
  }
}
