package dev.tfe.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.launcher.cli.LaunchMain;
import dev.tfe.launcher.config.Hostmap;
import dev.tfe.launcher.config.KeyFiles;
import dev.tfe.launcher.party.PartyMain;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** No party outlives its coordinator: neither after a hard kill nor when it goes silent. */
@Tag("processes")
@Timeout(180)
class OrphanTest {
  @TempDir
  Path dir;

  @AfterEach
  void noProcessLeft() {
    Processes.assertNoneLeft();
  }

  private static List<String> java(Class<?> main) {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.add("--add-modules");
    cmd.add("jdk.incubator.vector");
    cmd.add("-Xmx1g");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(main.getName());
    return cmd;
  }

  @Test
  void partiesExitWhenTheirCoordinatorIsKilledHard() throws Exception {
    List<String> cmd = java(LaunchMain.class);
    cmd.add("--keep");
    Process coordinator = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    Map<String, Long> pids = new LinkedHashMap<>();
    Path folder = null;
    java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(coordinator.getInputStream()))) {
        String l;
        while ((l = out.readLine()) != null) {
          lines.add(l);
        }
      } catch (java.io.IOException ignored) {
        // the process is gone
      }
      lines.add("<eof>");
    });
    reader.setDaemon(true);
    reader.start();
    try {
      long deadline = System.currentTimeMillis() + 90_000;
      while (true) {
        String line = lines.poll(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
        if (line == null || line.equals("<eof>")) {
          throw new AssertionError("the launcher did not report its parties up (" + (line == null ? "timeout" : "it exited") + ")");
        }
        System.out.println("launch> " + line);
        if (line.startsWith("pid ")) {
          String[] f = line.split(" ");
          pids.put(f[1], Long.parseLong(f[3]));
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("log (\\S+)/server0\\.log").matcher(line);
        if (m.find()) {
          folder = Path.of(m.group(1));
        }
        if (line.contains("the parties are up")) {
          break;
        }
      }
      assertEquals(3, pids.size(), "the launcher reported three parties");
      for (long pid : pids.values()) {
        assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
      }
      coordinator.destroyForcibly(); // kill -9: no shutdown hook runs
      assertTrue(coordinator.waitFor(10, TimeUnit.SECONDS));
      long killed = System.nanoTime();
      for (Map.Entry<String, Long> p : pids.entrySet()) {
        ProcessHandle h = ProcessHandle.of(p.getValue()).orElse(null);
        if (h != null) {
          h.onExit().get(20, TimeUnit.SECONDS); // includes the time init takes to reap the orphan
        }
      }
      System.out.printf("all parties exited %.2f s after their coordinator was killed%n", (System.nanoTime() - killed) / 1e9);
      assertTrue(folder != null && !java.nio.file.Files.exists(folder),
          "the orphaned parties removed their cluster folder " + folder);
    } finally {
      coordinator.destroyForcibly();
      pids.values().forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }
  }

  @Test
  void handStartedPartiesServeAConnectedCoordinatorAndExitWhenItFallsSilent() throws Exception {
    Map<String, String> addresses = new LinkedHashMap<>();
    for (String p : new String[] {"server0", "server1", "server2"}) {
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        addresses.put(p, "127.0.0.1:" + s.getLocalPort());
      }
    }
    Path hosts = dir.resolve("hosts.json");
    Hostmap.of(addresses, Hostmap.Encryption.AUTO).save(hosts);
    KeyFiles.generate(hosts, false);
    List<Process> parties = new ArrayList<>();
    try {
      for (String p : addresses.keySet()) {
        List<String> cmd = java(PartyMain.class);
        cmd.addAll(List.of("--config", hosts.toString(), "--name", p, "--coordinator-timeout", "2", "--exit-when-orphaned"));
        parties.add(new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(p + ".log").toFile()).start());
      }
      Cluster cluster = Cluster.connect(hosts, Duration.ofSeconds(30), Duration.ofSeconds(60));
      Programs.checkProduct(cluster, 2);
      cluster.coordinator().close(); // silent: no STOP, no heartbeat any more
      for (Process p : parties) {
        assertTrue(p.waitFor(15, TimeUnit.SECONDS), "a party exited after losing its coordinator");
        assertEquals(3, p.exitValue(), "exit code 3: coordinator lost");
      }
    } finally {
      parties.forEach(Process::destroyForcibly);
    }
  }
}
