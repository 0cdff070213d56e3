package dev.tfe.launcher;

import dev.tfe.launcher.code.CodeKey;
import dev.tfe.launcher.config.Credentials;
import dev.tfe.launcher.config.Hostmap;
import dev.tfe.launcher.config.KeyFiles;
import dev.tfe.launcher.party.PartyLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import dev.tfe.protocol.Parties;

/**
 * Party processes and the coordinator that drives them. Either {@link #launchLocal} starts one
 * JVM per party on this machine (loopback, free ports, fresh keys), supervises them and stops
 * them on close, on JVM exit, or when one of them dies; or {@link #connect(Path)} attaches to
 * processes started on other hosts with {@code ./tfe party}.
 *
 * <p>A cluster serves any number of runtimes ({@link #newRuntime()}), each a session with its
 * own party state, one run at a time.
 *
 * <p>Closing a local cluster stops its processes and deletes its folder (secret keys and token
 * first, then logs and hostmap; a JVM shutdown hook does the same), or, for a folder given with
 * {@link LaunchOptions#workDir}, only the secrets. Closing a connected cluster stops nothing: the
 * parties, which this program did not start, drop its sessions and wait for the next
 * coordinator ({@link #stopParties} stops them).
 */
public final class Cluster implements AutoCloseable {
  /** The servers every protocol needs; each runs in a process unless listed as in-process. */
  private static final Set<String> SERVERS = Set.of(Parties.DEFAULT.server0(), Parties.DEFAULT.server1(),
      Parties.DEFAULT.cryptoProducer());
  private final Hostmap hostmap;
  private final Coordinator coordinator;
  private final LocalProcesses processes;
  private final Path workDir;
  private final Duration receiveTimeout;
  private volatile boolean closed;

  private Cluster(Hostmap hostmap, Coordinator coordinator, LocalProcesses processes, Path workDir, Duration receiveTimeout) {
    this.hostmap = hostmap;
    this.coordinator = coordinator;
    this.processes = processes;
    this.workDir = workDir;
    this.receiveTimeout = receiveTimeout;
  }

  /** Starts the three servers as local processes with the default options. */
  public static Cluster launchLocal() {
    return launchLocal(LaunchOptions.defaults());
  }

  /**
   * Starts one JVM per party on loopback and waits until all are ready.
   *
   * @throws IllegalStateException if they are not ready in time, naming each missing party and
   *     quoting its log; no process is left running
   */
  public static Cluster launchLocal(LaunchOptions o) {
    IllegalStateException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        return tryLaunch(o);
      } catch (IllegalStateException e) {
        last = e;
        if (!String.valueOf(e.getMessage()).contains("could not listen")) {
          throw e;
        }
      }
    }
    throw last;
  }

  private static Cluster tryLaunch(LaunchOptions o) {
    Map<String, String> addresses = new LinkedHashMap<>();
    List<Integer> ports = freePorts(o.parties().size());
    for (int i = 0; i < o.parties().size(); i++) {
      addresses.put(o.parties().get(i), "127.0.0.1:" + ports.get(i));
    }
    Hostmap planned = Hostmap.of(addresses, !o.encrypt() ? Hostmap.Encryption.OFF : o.curve() ? Hostmap.Encryption.CURVE : Hostmap.Encryption.ON)
        .withInProcess(Set.copyOf(o.inProcess()));
    planned.checkServers(SERVERS, "LaunchOptions.parties " + o.parties() + " (inProcess " + o.inProcess() + ")");
    Path dir;
    try {
      dir = o.workDir() != null ? Files.createDirectories(o.workDir()) : Files.createTempDirectory("tfe-cluster-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the cluster's directory: " + e.getMessage(), e);
    }
    boolean ownDir = o.workDir() == null;
    try {
      return tryLaunch(o, planned, dir, ownDir);
    } catch (RuntimeException | Error e) {
      WorkDir.delete(dir, ownDir);
      throw e;
    }
  }

  private static Cluster tryLaunch(LaunchOptions o, Hostmap planned, Path dir, boolean ownDir) {
    Path file = dir.resolve("hosts.json");
    planned.save(file);
    Hostmap map = KeyFiles.generate(file, true);
    Credentials creds = KeyFiles.load(file, map, Hostmap.COORDINATOR);
    Coordinator[] holder = new Coordinator[1];
    CodeKey codeKey = o.acceptCode() ? CodeKey.random() : null;
    LocalProcesses procs = new LocalProcesses(o, file, dir, (party, what) -> {
      Coordinator c = holder[0];
      if (c != null) {
        c.partyLost(party, what);
      }
    }, () -> WorkDir.delete(dir, ownDir), codeKey);
    Coordinator c;
    try {
      c = new Coordinator(map, creds, p -> procs.tail(p, 12), o.deadAfter(), new PartyLog(Hostmap.COORDINATOR)::log);
    } catch (RuntimeException e) {
      procs.stop(0);
      throw e;
    }
    holder[0] = c;
    c.shipCodeWith(codeKey);
    Cluster cluster = new Cluster(map, c, procs, dir, o.receiveTimeout());
    c.onLost(party -> {
      Thread t = new Thread(() -> cluster.shutdown("party " + party + " was lost"), "tfe-stop-after-loss");
      t.setDaemon(true);
      t.start();
    });
    // a process that died before the coordinator existed
    procs.processes().forEach((p, proc) -> {
      if (!proc.isAlive()) {
        c.partyLost(p, LocalProcesses.describeExit(proc.exitValue()));
      }
    });
    try {
      c.handshake(o.handshakeTimeout());
    } catch (RuntimeException e) {
      cluster.shutdown("not ready");
      throw e instanceof IllegalStateException ise ? ise : new IllegalStateException(e.getMessage(), e);
    }
    return cluster;
  }

  /**
   * Attaches to party processes started with {@code ./tfe party --config FILE --name NAME} on
   * their hosts; this program acts as the hostmap's {@code coordinator} (its key is beside the
   * hostmap). Waits up to 60 s for all of them.
   */
  public static Cluster connect(Path hostmapFile) {
    return connect(hostmapFile, Duration.ofSeconds(60), Duration.ofSeconds(120));
  }

  public static Cluster connect(Path hostmapFile, Duration handshakeTimeout, Duration receiveTimeout) {
    return connect(hostmapFile, handshakeTimeout, receiveTimeout, Duration.ofSeconds(10));
  }

  /**
   * As {@link #connect(Path, Duration, Duration)}, declaring a party lost after {@code deadAfter}
   * of silence (the parties wait as long for this coordinator): longer than 10 s where one big
   * message takes longer than that to cross a slow or encrypted link ahead of a heartbeat.
   */
  public static Cluster connect(Path hostmapFile, Duration handshakeTimeout, Duration receiveTimeout, Duration deadAfter) {
    Hostmap map = Hostmap.load(hostmapFile);
    map.checkServers(SERVERS, "hostmap " + hostmapFile);
    Credentials creds = KeyFiles.load(hostmapFile, map, Hostmap.COORDINATOR);
    Coordinator c = new Coordinator(map, creds, p -> "", deadAfter, new PartyLog(Hostmap.COORDINATOR)::log);
    Cluster cluster = new Cluster(map, c, null, null, receiveTimeout);
    c.onLost(party -> {
      Thread t = new Thread(() -> cluster.shutdown("party " + party + " was lost"), "tfe-stop-after-loss");
      t.setDaemon(true);
      t.start();
    });
    try {
      c.handshake(handshakeTimeout);
    } catch (RuntimeException e) {
      c.detachAll("the coordinator gave up: " + e.getMessage()); // the parties that answered are free again
      c.close();
      throw e;
    }
    return cluster;
  }

  private static List<Integer> freePorts(int n) {
    List<ServerSocket> held = new ArrayList<>();
    List<Integer> ports = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        held.add(s);
        ports.add(s.getLocalPort());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on loopback: " + e.getMessage(), e);
    } finally {
      for (ServerSocket s : held) {
        try {
          s.close();
        } catch (IOException ignored) {
          // closing a probe socket
        }
      }
    }
    return ports;
  }

  /** A new runtime on these processes; closing it drops its state there but keeps the processes. */
  public ProcessRuntime newRuntime() {
    return new ProcessRuntime(this, false);
  }

  /** A runtime that owns this cluster: closing it stops the processes. */
  public ProcessRuntime ownedRuntime() {
    return new ProcessRuntime(this, true);
  }

  public Coordinator coordinator() {
    return coordinator;
  }

  public Hostmap hostmap() {
    return hostmap;
  }

  Duration receiveTimeout() {
    return receiveTimeout;
  }

  /** The processes started here, by party (empty when attached to remote processes). */
  public Map<String, ProcessHandle> processes() {
    Map<String, ProcessHandle> m = new LinkedHashMap<>();
    if (processes != null) {
      processes.processes().forEach((p, proc) -> m.put(p, proc.toHandle()));
    }
    return m;
  }

  /** Each local party's log file. */
  public Map<String, Path> logs() {
    return processes == null ? Map.of() : Map.copyOf(processes.logs());
  }

  /** The directory with the hostmap, keys and logs of a local cluster. */
  public Optional<Path> workDir() {
    return Optional.ofNullable(workDir);
  }

  /** Whether the cluster can still run (not closed, no party lost). */
  public boolean isAlive() {
    return !closed && coordinator.failure() == null;
  }

  private void shutdown(String reason) {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    if (processes != null) {
      coordinator.stopAll(reason);
      processes.stop(2000);
    } else {
      coordinator.detachAll(reason);
    }
    coordinator.close();
  }

  /**
   * Tells every party process to exit, also the ones this program did not start (the parties of
   * a hostmap, started with {@code ./tfe party}), then closes the cluster.
   */
  public void stopParties(String reason) {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    coordinator.stopAll(reason);
    if (processes != null) {
      processes.stop(2000);
    }
    coordinator.close();
  }

  /**
   * Stops the party processes this cluster started (they exit on the coordinator's word, or are
   * killed) and deletes its folder; parties it only connected to are left running, detached.
   */
  @Override
  public void close() {
    shutdown("the coordinator closed the cluster");
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("party processes (" + (hostmap.encrypted() ? hostmap.protection() : "unencrypted, token") + "):");
    Map<String, Long> pids = coordinator.pids();
    for (String p : hostmap.processParties()) {
      sb.append("\n  ").append(p).append(" at ").append(hostmap.entry(p).address());
      if (pids.containsKey(p)) {
        sb.append(", pid ").append(pids.get(p));
      }
      if (processes != null && processes.logs().containsKey(p)) {
        sb.append(", log ").append(processes.logs().get(p));
      }
    }
    if (!isAlive()) {
      sb.append("\n  stopped").append(coordinator.failure() == null ? "" : ": " + coordinator.failure());
    }
    return sb.toString();
  }
}
