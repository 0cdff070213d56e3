package dev.tfe.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.program.Output;
import dev.tfe.program.Party;
import dev.tfe.api.Tfe;
import dev.tfe.launcher.cli.LaunchMain;
import dev.tfe.launcher.party.RotatingLog;
import dev.tfe.protocol.TestData;
import dev.tfe.protocol.pond.Pond;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing is left behind: a local cluster's folder (hostmap, token, secret keys, logs) is gone
 * after close, also when its JVM ends without closing it (shutdown hook); a folder the user
 * chose keeps its logs but loses its secrets; party logs stay under their cap however many runs.
 */
@Tag("processes")
@Timeout(120)
class LeftoversTest {
  @TempDir
  Path tmp;

  @AfterEach
  void noProcessLeft() {
    Processes.assertNoneLeft();
  }

  @Test
  void theClusterFolderIsGoneAfterClose() {
    Path dir;
    try (Cluster cluster = Cluster.launchLocal()) {
      dir = cluster.workDir().orElseThrow();
      assertTrue(Files.exists(dir.resolve("hosts.keys").resolve("token")));
      Programs.checkProduct(cluster, 1);
    }
    assertFalse(Files.exists(dir), dir + " is removed");
  }

  @Test
  void aChosenFolderKeepsItsLogsButNotItsSecrets() {
    Path dir = tmp.resolve("cluster");
    try (Cluster cluster = Cluster.launchLocal(LaunchOptions.defaults().workDir(dir))) {
      Programs.checkProduct(cluster, 1);
    }
    assertFalse(Files.exists(dir.resolve("hosts.keys")), "the secrets are removed");
    assertTrue(Files.exists(dir.resolve("server0.log")), "the logs stay");
  }

  @Test
  void theFolderIsGoneWhenTheJvmEndsWithoutClosing() throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(List.of("--add-modules", "jdk.incubator.vector", "-Xmx1g", "-cp", System.getProperty("java.class.path"),
        LaunchMain.class.getName(), "--keep"));
    Process launcher = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    Path dir = null;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
      Pattern log = Pattern.compile("log (\\S+)/server0\\.log");
      String line;
      StringBuilder seen = new StringBuilder();
      while ((line = out.readLine()) != null && !line.contains("interrupt this command")) {
        seen.append(line).append('\n');
        Matcher m = log.matcher(line);
        if (m.find()) {
          dir = Path.of(m.group(1));
        }
      }
      assertTrue(dir != null && Files.exists(dir.resolve("hosts.keys")), "the launcher is up with its folder:\n" + seen);
      launcher.destroy(); // SIGTERM: the JVM runs its shutdown hooks
      assertTrue(launcher.waitFor(30, TimeUnit.SECONDS), "the launcher ended");
    } finally {
      launcher.destroyForcibly();
    }
    assertFalse(Files.exists(dir), dir + " is removed by the shutdown hook");
  }

  @Test
  void aPartyLogStaysUnderItsCap() throws Exception {
    long cap = 4096;
    try (Cluster cluster = Cluster.launchLocal(LaunchOptions.defaults().logMaxBytes(cap)); Tfe tfe = Tfe.local()) {
      tfe.useRuntime(cluster.newRuntime());
      Pond pond = tfe.pond();
      Party client = tfe.party("client");
      Output out = tfe.defineOutput(pond, client, pond.add(
          tfe.definePrivateInput(pond, client, TestData.of(new double[] {1, 2}, 2)),
          tfe.definePrivateInput(pond, client, TestData.of(new double[] {3, 4}, 2))));
      Path log = cluster.logs().get("server0");
      int runs = 0;
      while (!Files.exists(RotatingLog.previous(log)) || runs < 60) {
        tfe.run(out);
        runs++;
        assertTrue(runs < 400, "the log was not rotated after " + runs + " runs");
      }
      long size = Files.size(log);
      long previous = Files.size(RotatingLog.previous(log));
      System.out.printf("after %d runs: server0.log %d B, server0.log.1 %d B (cap %d B)%n", runs, size, previous, cap);
      assertTrue(size <= cap && previous <= cap, size + " and " + previous + " bytes");
      assertTrue(Files.readString(log).contains("run " + runs + " done"), "the newest lines are kept");
    }
  }
}
