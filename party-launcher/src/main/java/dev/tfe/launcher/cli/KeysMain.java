package dev.tfe.launcher.cli;

import dev.tfe.launcher.config.Hostmap;
import dev.tfe.launcher.config.KeyFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./tfe keys --config hosts.json [--renew]}: gives every party of the hostmap, and the
 * coordinator, an X25519 key pair (Z85 text; the AEAD transport and CURVE both use it). Public keys go into the hostmap; secret keys into
 * {@code hosts.keys/<party>.key} beside it (owner-only), with the cluster token. Copy each
 * host its own key file only.
 */
@Command(name = "keys",
    header = "give every party of a hostmap an X25519 key pair",
    sortOptions = false,
    description = {"Gives every party of a hostmap, and the coordinator, an X25519 key pair (for the AEAD transport, or CURVE): public keys go into the "
        + "hostmap, secret keys into hosts.keys/<party>.key beside it (owner-only), with the cluster token. Copy each "
        + "host its own key file only."})
public final class KeysMain implements Callable<Integer> {
  @Mixin
  HelpOption help;

  @Option(names = "--config", required = true, paramLabel = "HOSTS.JSON", description = "the hostmap")
  Path config;

  @Option(names = "--renew", description = "replace existing keys")
  boolean renew;

  @Override
  public Integer call() {
    if (!Files.exists(config)) {
      System.err.println("tfe keys: " + config + " does not exist; write the hostmap first, e.g.\n"
          + "  {\"server0\": \"10.0.0.1:4440\", \"server1\": \"10.0.0.2:4440\", \"server2\": \"10.0.0.3:4440\"}");
      return 2;
    }
    try {
      Hostmap map = KeyFiles.generate(config, renew);
      System.out.println("public keys written to " + config + ", secret keys to " + KeyFiles.dirFor(config) + ":");
      map.entries().values().forEach(e -> System.out.println("  " + e.name() + "  " + e.publicKey()
          + (e.hasAddress() ? "  " + e.address() : "  (coordinator)")));
      System.out.println("connections will be " + (map.encrypted() ? "encrypted (" + map.protection() + ")" : "unencrypted on loopback (token)"));
    } catch (RuntimeException e) {
      System.err.println("tfe keys: " + e.getMessage());
      return 1;
    }
    return 0;
  }
}
