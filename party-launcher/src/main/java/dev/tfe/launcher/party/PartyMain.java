package dev.tfe.launcher.party;

import dev.tfe.launcher.WorkDir;
import dev.tfe.launcher.config.Credentials;
import dev.tfe.launcher.config.Hostmap;
import dev.tfe.launcher.config.KeyFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code ./tfe party --config hosts.json --name server0}: runs one party process.
 *
 * <pre>
 * --config FILE              the hostmap (party name to host:port and public keys)
 * --name NAME                which party of the hostmap this process is
 * --coordinator-timeout S    drop a coordinator silent this long, with its sessions (default 10)
 * --exit-when-orphaned       exit (code 3) instead when the coordinator falls silent
 * --parent-pid PID           exit as soon as that process ends (set by the local launcher;
 *                            implies --exit-when-orphaned)
 * --remove-when-orphaned DIR       then delete the cluster folder DIR (secrets first), as the
 * --remove-keys-when-orphaned DIR  launcher's shutdown hook would have; or only its secrets
 * --log FILE                 write the log there instead of standard error, capped:
 * --log-max-bytes N          past N bytes (default 1048576) FILE becomes FILE.1 and a new FILE
 *                            starts, so the log takes at most 2 N bytes
 * --accept-code-from-launcher  read the launcher's secret (64 hex digits) from standard input and
 *                            accept the op modules it seals (set by the local launcher only; a
 *                            party started without it never loads code from the network)
 * </pre>
 *
 * A party started by hand serves one coordinator after another: when its coordinator detaches
 * or falls silent, it drops that coordinator's sessions and waits for the next one.
 *
 * <p>Exit codes: 0 stopped by the coordinator, 2 bad arguments or configuration, 3 coordinator
 * lost (with --exit-when-orphaned), 4 launcher process gone, 5 cannot listen.
 */
public final class PartyMain {
  private PartyMain() {}

  private static long number(String option, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      System.err.println("tfe party: " + option + " takes a whole number, not '" + value + "'");
      System.exit(2);
      return 0;
    }
  }

  public static void main(String[] args) throws Exception {
    String config = null;
    String name = null;
    long parent = -1;
    long timeout = 10;
    boolean exitWhenOrphaned = false;
    boolean acceptCode = false;
    String logFile = null;
    long logMax = 1 << 20;
    Path folder = null;
    boolean wholeFolder = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String v = i + 1 < args.length ? args[i + 1] : null;
      if (a.equals("--exit-when-orphaned")) {
        exitWhenOrphaned = true;
        continue;
      }
      if (a.equals("--accept-code-from-launcher")) {
        acceptCode = true;
        continue;
      }
      if (v == null && a.startsWith("--") && !a.equals("--help")) {
        System.err.println("tfe party: " + a + " needs a value; usage: ./tfe party --config hosts.json --name server0");
        System.exit(2);
      }
      switch (a) {
        case "--config" -> config = v;
        case "--name" -> name = v;
        case "--parent-pid" -> parent = number(a, v);
        case "--coordinator-timeout" -> timeout = number(a, v);
        case "--log" -> logFile = v;
        case "--log-max-bytes" -> logMax = number(a, v);
        case "--remove-when-orphaned", "--remove-keys-when-orphaned" -> {
          folder = Path.of(v);
          wholeFolder = a.equals("--remove-when-orphaned");
        }
        case "-h", "--help" -> {
          System.out.println("usage: ./tfe party --config hosts.json --name server0 [--coordinator-timeout 10]"
              + " [--exit-when-orphaned] [--log FILE [--log-max-bytes 1048576]]");
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
    if (logFile != null) {
      try {
        PrintStream capped = new PrintStream(new RotatingLog(Path.of(logFile), logMax), true, StandardCharsets.UTF_8);
        System.setErr(capped);
        System.setOut(capped);
      } catch (IOException | IllegalArgumentException e) {
        System.err.println("tfe party: cannot write the log " + logFile + ": " + e.getMessage());
        System.exit(2);
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
        System.exit(2);
        return;
      }
    }
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
