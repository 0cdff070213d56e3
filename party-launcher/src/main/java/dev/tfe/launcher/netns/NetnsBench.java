package dev.tfe.launcher.netns;

import dev.tfe.launcher.config.Hostmap;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./tfe bench --net lan|wan}: sets up the parties on emulated hosts ({@link NetnsCluster})
 * and runs the benchmark program again as their coordinator, in its own namespace, with {@code
 * --hostmap} added; its output is this command's. Waits at most {@code --net-timeout-minutes}
 * (default 180), then stops everything; namespaces, processes and keys are removed in every case,
 * the parties' logs when the run succeeded.
 */
public final class NetnsBench {
  private NetnsBench() {}

  /**
   * Runs {@code mainClass} with {@code args} as the coordinator on {@code setting}, for at most
   * {@code minutes}; returns its exit code (2 if namespaces cannot be made).
   */
  public static int run(NetSetting setting, String mainClass, List<String> args, long minutes)
      throws InterruptedException {
    String why = NamespaceNet.unavailable();
    if (why != null) {
      System.err.println("tfe bench --net " + setting.name() + ": " + why);
      return 2;
    }
    List<String> forwarded = new ArrayList<>(args);
    Path dir;
    try {
      dir = Files.createTempDirectory("tfe-netns-bench");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    long t0 = System.nanoTime();
    int code = 1;
    try (NetnsCluster c = NetnsCluster.start(setting, List.of("server0", "server1", "server2"), dir,
        System.getProperty("java.class.path"))) {
      System.out.printf("parties on emulated hosts, %s: %s (logs in %s)%n", setting,
          c.net().nodes().values().stream().map(n -> n.name() + " at " + n.publicAddress() + " in " + n.namespace()).toList(), dir);
      forwarded.addAll(List.of("--hostmap", c.hostmap(Hostmap.COORDINATOR).toString()));
      List<String> jvm = new ArrayList<>(ManagementFactory.getRuntimeMXBean().getInputArguments());
      Process coordinator = c.coordinator(jvm, mainClass, forwarded, null);
      if (!coordinator.waitFor(minutes, TimeUnit.MINUTES)) {
        System.err.printf("tfe bench --net %s: stopped after the limit of %d minutes (--net-timeout-minutes)%n",
            setting.name(), minutes);
        return 1;
      }
      System.out.printf("the %s run took %.0f s%n", setting.name(), (System.nanoTime() - t0) / 1e9);
      code = coordinator.exitValue();
      return code;
    } finally {
      if (code == 0) {
        dev.tfe.launcher.WorkDir.delete(dir, true); // the logs are kept only when the run failed
      } else {
        System.err.println("the parties' logs are in " + dir);
      }
    }
  }
}
