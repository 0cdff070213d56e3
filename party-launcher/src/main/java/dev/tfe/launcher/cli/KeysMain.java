package dev.tfe.launcher.cli;

import dev.tfe.launcher.config.Hostmap;
import dev.tfe.launcher.config.KeyFiles;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code ./tfe keys --config hosts.json [--renew]}: gives every party of the hostmap, and the
 * coordinator, a CurveZMQ key pair. Public keys go into the hostmap; secret keys into
 * {@code hosts.keys/<party>.key} beside it (owner-only), with the cluster token. Copy each
 * host its own key file only.
 */
public final class KeysMain {
  private KeysMain() {}

  public static void main(String[] args) {
    Path config = null;
    boolean renew = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--config" -> config = Path.of(args[++i]);
        case "--renew" -> renew = true;
        default -> {
          System.err.println("usage: ./tfe keys --config hosts.json [--renew]");
          System.exit(2);
        }
      }
    }
    if (config == null) {
      System.err.println("usage: ./tfe keys --config hosts.json [--renew]");
      System.exit(2);
    }
    if (!Files.exists(config)) {
      System.err.println("tfe keys: " + config + " does not exist; write the hostmap first, e.g.\n"
          + "  {\"server0\": \"10.0.0.1:4440\", \"server1\": \"10.0.0.2:4440\", \"server2\": \"10.0.0.3:4440\"}");
      System.exit(2);
    }
    try {
      Hostmap map = KeyFiles.generate(config, renew);
      System.out.println("public keys written to " + config + ", secret keys to " + KeyFiles.dirFor(config) + ":");
      map.entries().values().forEach(e -> System.out.println("  " + e.name() + "  " + e.publicKey()
          + (e.hasAddress() ? "  " + e.address() : "  (coordinator)")));
      System.out.println("connections will be " + (map.encrypted() ? "encrypted (CURVE)" : "unencrypted on loopback (token)"));
    } catch (RuntimeException e) {
      System.err.println("tfe keys: " + e.getMessage());
      System.exit(1);
    }
  }
}
