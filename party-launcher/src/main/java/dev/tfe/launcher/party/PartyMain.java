package dev.tfe.launcher.party;

import dev.tfe.launcher.config.Credentials;
import dev.tfe.launcher.config.Hostmap;
import dev.tfe.launcher.config.KeyFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code ./tfe party --config hosts.json --name server0}: runs one party process.
 *
 * <pre>
 * --config FILE              the hostmap (party name to host:port and public keys)
 * --name NAME                which party of the hostmap this process is
 * --coordinator-timeout S    exit when the coordinator has been silent this long (default 10)
 * --parent-pid PID           exit as soon as that process ends (set by the local launcher)
 * </pre>
 *
 * Exit codes: 0 stopped by the coordinator, 2 bad arguments or configuration, 3 coordinator
 * lost, 4 launcher process gone, 5 cannot listen.
 */
public final class PartyMain {
  private PartyMain() {}

  public static void main(String[] args) throws Exception {
    String config = null;
    String name = null;
    long parent = -1;
    long timeout = 10;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String v = i + 1 < args.length ? args[i + 1] : null;
      switch (a) {
        case "--config" -> config = v;
        case "--name" -> name = v;
        case "--parent-pid" -> parent = Long.parseLong(v);
        case "--coordinator-timeout" -> timeout = Long.parseLong(v);
        case "-h", "--help" -> {
          System.out.println("usage: ./tfe party --config hosts.json --name server0 [--coordinator-timeout 10]");
          return;
        }
        default -> {
          System.err.println("tfe party: unknown option " + a + "; usage: ./tfe party --config hosts.json --name server0");
          System.exit(2);
        }
      }
      i++;
    }
    if (config == null || name == null) {
      System.err.println("tfe party: --config and --name are required; usage: ./tfe party --config hosts.json --name server0");
      System.exit(2);
    }
    PartyLog log = new PartyLog(name);
    Hostmap map;
    Credentials creds;
    try {
      map = Hostmap.load(Path.of(config));
      creds = KeyFiles.load(Path.of(config), map, name);
    } catch (RuntimeException e) {
      log.log("cannot start: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (parent > 0) {
      long pid = parent;
      Optional<ProcessHandle> ph = ProcessHandle.of(pid);
      if (ph.isEmpty()) {
        log.log("the launcher process " + pid + " is already gone; exiting");
        System.exit(4);
      }
      ph.get().onExit().thenRun(() -> {
        log.log("the launcher process " + pid + " ended; exiting");
        Runtime.getRuntime().halt(4);
      });
    }
    PartyServer server;
    try {
      server = new PartyServer(map, creds, Duration.ofSeconds(timeout), log);
    } catch (RuntimeException e) {
      log.log("cannot start: " + e.getMessage());
      System.exit(5);
      return;
    }
    int code;
    try {
      code = server.serve();
    } finally {
      server.close();
    }
    log.log("exit " + code);
    System.exit(code);
  }
}
