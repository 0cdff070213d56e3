package dev.tfe.launcher.party;

import dev.tfe.launcher.WorkDir;
import dev.tfe.launcher.cli.Cli;
import dev.tfe.launcher.cli.HelpOption;
import dev.tfe.launcher.config.Credentials;
import dev.tfe.launcher.config.Hostmap;
import dev.tfe.launcher.config.KeyFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./tfe party --config hosts.json --name server0}: runs one party process.
 *
 * <p>A party started by hand serves one coordinator after another: when its coordinator detaches
 * or falls silent, it drops that coordinator's sessions and waits for the next one. The local
 * launcher starts it with {@code --parent-pid}, {@code --log}, {@code --remove-when-orphaned} (or
 * {@code --remove-keys-when-orphaned}) and {@code --accept-code-from-launcher}.
 *
 * <p>Exit codes: 0 stopped by the coordinator, 2 bad arguments or configuration, 3 coordinator
 * lost (with --exit-when-orphaned), 4 launcher process gone, 5 cannot listen.
 */
@Command(name = "party",
    header = "run one party process of a hostmap (multi-host setups)",
    sortOptions = false,
    description = {"Runs one party process of a hostmap. Started by hand it serves one coordinator after another: when "
        + "its coordinator detaches or falls silent, it drops that coordinator's sessions and waits for the next one."},
    footer = {"", "Exit codes: 0 stopped by the coordinator, 2 bad arguments or configuration, 3 coordinator lost "
        + "(with --exit-when-orphaned), 4 launcher process gone, 5 cannot listen."})
public final class PartyMain implements Callable<Integer> {
  @Mixin
  HelpOption help;

  @Option(names = "--config", required = true, paramLabel = "HOSTS.JSON",
      description = "the hostmap (party name to host:port and public keys)")
  Path config;

  @Option(names = "--name", required = true, paramLabel = "NAME", description = "which party of the hostmap this process is")
  String name;

  @Option(names = "--coordinator-timeout", paramLabel = "SECONDS", defaultValue = "10",
      description = "drop a coordinator silent this long, with its sessions (default: ${DEFAULT-VALUE})")
  long timeout;

  @Option(names = "--exit-when-orphaned", description = "exit (code 3) instead when the coordinator falls silent")
  boolean exitWhenOrphaned;

  @Option(names = "--parent-pid", paramLabel = "PID", defaultValue = "-1",
      description = "exit as soon as that process ends (set by the local launcher; implies --exit-when-orphaned)")
  long parent;

  @ArgGroup(exclusive = true)
  Removal removal;

  @Option(names = "--log", paramLabel = "FILE", description = "write the log there instead of standard error, capped:")
  Path logFile;

  @Option(names = "--log-max-bytes", paramLabel = "N", defaultValue = "1048576",
      description = "past N bytes (default: ${DEFAULT-VALUE}) FILE becomes FILE.1 and a new FILE starts, so the log "
          + "takes at most 2 N bytes")
  long logMax;

  @Option(names = "--accept-code-from-launcher",
      description = "read the launcher's secret (64 hex digits) from standard input and accept the op modules it seals "
          + "(set by the local launcher only; a party started without it never loads code from the network)")
  boolean acceptCode;

  /** What to delete when the launcher process ends: one of two options. */
  static final class Removal {
    @Option(names = "--remove-when-orphaned", paramLabel = "DIR",
        description = "then delete the cluster folder DIR (secrets first), as the launcher's shutdown hook would have")
    Path folder;

    @Option(names = "--remove-keys-when-orphaned", paramLabel = "DIR", description = "or only the secrets in DIR")
    Path keysOf;
  }

  public static void main(String[] args) {
    Cli.main("tfe party", new PartyMain(), args);
  }

  @Override
  public Integer call() throws InterruptedException {
    Path folder = removal == null ? null : removal.folder != null ? removal.folder : removal.keysOf;
    boolean wholeFolder = removal != null && removal.folder != null;
    if (logFile != null) {
      try {
        PrintStream capped = new PrintStream(new RotatingLog(logFile, logMax), true, StandardCharsets.UTF_8);
        System.setErr(capped);
        System.setOut(capped);
      } catch (IOException | IllegalArgumentException e) {
        System.err.println("tfe party: cannot write the log " + logFile + ": " + e.getMessage());
        return 2;
      }
    }
    PartyLog log = new PartyLog(name);
    dev.tfe.launcher.code.CodeKey codeKey = null;
    if (acceptCode) {
      try {
        codeKey = dev.tfe.launcher.code.CodeKey.parse(
            new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.US_ASCII)).readLine());
      } catch (IOException | IllegalArgumentException e) {
        log.log("cannot start: --accept-code-from-launcher needs the launcher's secret on standard input: " + e.getMessage());
        return 2;
      }
    }
    Hostmap map;
    Credentials creds;
    try {
      map = Hostmap.load(config);
      creds = KeyFiles.load(config, map, name);
    } catch (RuntimeException e) {
      log.log("cannot start: " + e.getMessage());
      return 2;
    }
    if (parent > 0) {
      long pid = parent;
      Optional<ProcessHandle> ph = ProcessHandle.of(pid);
      if (ph.isEmpty()) {
        log.log("the launcher process " + pid + " is already gone; exiting");
        return 4;
      }
      Path dir = folder;
      boolean whole = wholeFolder;
      ph.get().onExit().thenRun(() -> {
        log.log("the launcher process " + pid + " ended; exiting");
        if (dir != null) {
          WorkDir.delete(dir, whole);
        }
        Runtime.getRuntime().halt(4);
      });
    }
    PartyServer server;
    try {
      server = new PartyServer(map, creds, Duration.ofSeconds(timeout), exitWhenOrphaned || parent > 0, codeKey, log);
    } catch (RuntimeException e) {
      log.log("cannot start: " + e.getMessage());
      return 5;
    }
    int code;
    try {
      code = server.serve();
    } finally {
      server.close();
    }
    log.log("exit " + code);
    return code;
  }
}
