package dev.tfe.launcher;

import dev.tfe.api.Launchers;
import dev.tfe.protocol.Parties;
import java.util.List;

/**
 * Makes {@code tfe.launchLocal()} start local party processes. {@link #register()} installs it
 * explicitly (a notebook kernel may call it at start-up); the core also loads this class by its
 * name on the first {@code launchLocal()}, and its static initialiser registers it.
 */
public final class LocalLauncher {
  static {
    register();
  }

  private LocalLauncher() {}

  /** Installs this launcher behind {@code Tfe.launchLocal()}. */
  public static void register() {
    Launchers.registerLocal(LocalLauncher::launch);
  }

  /** Starts one process per server and returns a runtime that owns them. */
  public static ProcessRuntime launch(Parties servers) {
    return launch(LaunchOptions.defaults().parties(List.of(servers.server0(), servers.server1(), servers.cryptoProducer())));
  }

  public static ProcessRuntime launch(LaunchOptions options) {
    return Cluster.launchLocal(options).ownedRuntime();
  }
}
