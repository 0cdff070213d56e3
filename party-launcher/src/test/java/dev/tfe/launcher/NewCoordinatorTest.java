package dev.tfe.launcher;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.launcher.config.Hostmap;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coordinators one after another on the same hand-started party processes: while coordinator A
 * is attached, B is refused with an error naming A; once A has detached (closed) or gone silent,
 * the next coordinator takes over, its sessions and runs start afresh, and it computes
 * correctly; closing a connected cluster leaves the parties running.
 */
@Tag("processes")
@Timeout(180)
class NewCoordinatorTest {
  @TempDir
  Path dir;

  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void stopParties() throws InterruptedException {
    started.forEach(Process::destroyForcibly);
    for (Process p : started) {
      p.waitFor(10, TimeUnit.SECONDS);
    }
    Processes.assertNoneLeft();
  }

  @Test
  void aSecondCoordinatorIsRefusedWhileTheFirstIsAttachedAndTakesOverAfterIt() throws Exception {
    Path hosts = Programs.hostmap(dir, Hostmap.Encryption.ON);
    for (String p : new String[] {"server0", "server1", "server2"}) {
      started.add(Programs.party(hosts, p, "--coordinator-timeout", "3"));
    }
    Duration ready = Duration.ofSeconds(40);
    Duration receive = Duration.ofSeconds(30);
    Cluster a = Cluster.connect(hosts, ready, receive);
    String aId = a.coordinator().identity();
    Programs.checkProduct(a, 1);
    Programs.checkProduct(a, 2);

    long t0 = System.nanoTime();
    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Cluster.connect(hosts, ready, receive));
    double took = (System.nanoTime() - t0) / 1e9;
    String m = refused.getMessage();
    System.out.printf("second coordinator refused after %.1f s: %s%n", took, m);
    assertTrue(m.contains("already serves another coordinator") && m.contains(aId), m);
    assertTrue(took < 10, "refused at once, not after the 40 s handshake timeout: " + took + " s");
    Programs.checkProduct(a, 3); // A is undisturbed

    a.close(); // detaches: the parties stay up
    Thread.sleep(500);
    started.forEach(p -> assertTrue(p.isAlive(), "closing a connected cluster does not stop its parties"));
    try (Cluster b = Cluster.connect(hosts, ready, receive)) {
      Programs.checkProduct(b, 4); // runs and sessions start again; the parties start afresh
      Programs.checkProduct(b, 5);
      b.coordinator().close(); // B falls silent without detaching, as if killed
    }
    Thread.sleep(3500); // the parties' coordinator timeout
    try (Cluster c = Cluster.connect(hosts, ready, receive)) {
      Programs.checkProduct(c, 6);
    }
    started.forEach(p -> assertTrue(p.isAlive(), "the parties serve the next coordinator"));
    String log = Programs.read(dir.resolve("server0.log"));
    assertTrue(log.contains("refused a second coordinator") && log.contains("detached")
        && log.contains("lost the coordinator"), log);
  }
}
