package dev.tfe.launcher.netns;

import dev.tfe.launcher.WorkDir;
import dev.tfe.launcher.config.Hostmap;
import dev.tfe.launcher.config.KeyFiles;
import dev.tfe.launcher.party.PartyMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Party processes on emulated hosts, as on real ones: each party runs {@code ./tfe party --config
 * hosts.json --name NAME} (its main class, {@link PartyMain}) in its own namespace of a {@link
 * NamespaceNet}, and the coordinator program in another. The hostmap lists the namespaces'
 * addresses (the relay's, with a delay), so encryption (the AEAD transport) is on; each host's folder {@code <dir>/<name>/}
 * holds the hostmap and only that host's secret key, as a real deployment copies them.
 * {@link #close} (also on JVM exit) stops every process, deletes the namespaces and the secret
 * keys; every wait is bounded.
 */
public final class NetnsCluster implements AutoCloseable {
  /** The port every party listens on, each on its own host. */
  public static final int PORT = 4440;

  private final NamespaceNet net;
  private final Path dir;
  private final String javaBin;
  private final String classpath;
  private final Map<String, Process> parties = new LinkedHashMap<>();
  private final List<Process> others = new ArrayList<>();
  private final Thread hook = new Thread(this::stopAll, "tfe-netns-cluster-stop");
  private boolean closed;

  private NetnsCluster(NamespaceNet net, Path dir, String classpath) {
    this.net = net;
    this.dir = dir;
    this.classpath = classpath;
    this.javaBin = ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  /**
   * Creates the namespaces of {@code parties} and the coordinator under {@code setting}, writes the
   * hostmap and keys in {@code dir}, starts the relay (with a delay) and the parties; the
   * coordinator, started by {@link #coordinator}, then connects with {@code Cluster.connect}.
   *
   * @param classpath the class path of the processes (this JVM's own, usually)
   */
  public static NetnsCluster start(NetSetting setting, List<String> parties, Path dir, String classpath) {
    List<String> names = new ArrayList<>(parties);
    names.add(Hostmap.COORDINATOR);
    NetnsCluster c = new NetnsCluster(NamespaceNet.create(setting, names), dir, classpath);
    Runtime.getRuntime().addShutdownHook(c.hook);
    try {
      c.writeHostmaps(parties);
      if (setting.delayed()) {
        c.others.add(RelayProcess.start(c.net, parties, PORT, c.java("-Xmx256m", DelayRelay.class.getName()), dir));
      }
      for (String p : parties) {
        List<String> cmd = c.java("-Xmx2g", PartyMain.class.getName(), "--config", c.hostmap(p).toString(), "--name", p,
            "--parent-pid", Long.toString(ProcessHandle.current().pid()), "--log", dir.resolve(p + ".log").toString());
        c.parties.put(p, c.spawn(c.net.node(p).namespace(), cmd, dir.resolve(p + ".out")));
      }
      return c;
    } catch (RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /** The hostmap as {@code name} sees it: {@code <dir>/<name>/hosts.json}, its key beside it. */
  public Path hostmap(String name) {
    return dir.resolve(name).resolve("hosts.json");
  }

  public NamespaceNet net() {
    return net;
  }

  /** The party processes by name. */
  public Map<String, Process> parties() {
    return java.util.Collections.unmodifiableMap(parties);
  }

  /** The log file of party {@code name}. */
  public Path log(String name) {
    return dir.resolve(name + ".log");
  }

  /**
   * Starts {@code mainClass args} as the coordinator, in its namespace, with {@code heap}; its
   * first argument is usually {@link #hostmap hostmap("coordinator")}. Output to {@code out} (or
   * inherited if null). Stopped on {@link #close}.
   */
  public Process coordinator(String heap, String mainClass, List<String> args, Path out) {
    List<String> cmd = java(heap, mainClass);
    cmd.addAll(args);
    return spawn(net.node(Hostmap.COORDINATOR).namespace(), cmd, out);
  }

  /** {@link #coordinator(String, String, List, Path)} with these JVM options instead of the defaults. */
  public Process coordinator(List<String> jvmOptions, String mainClass, List<String> args, Path out) {
    List<String> cmd = new ArrayList<>(List.of(javaBin));
    cmd.addAll(jvmOptions);
    cmd.addAll(List.of("-cp", classpath, mainClass));
    cmd.addAll(args);
    return spawn(net.node(Hostmap.COORDINATOR).namespace(), cmd, out);
  }

  private void writeHostmaps(List<String> parties) {
    Map<String, String> addresses = new LinkedHashMap<>();
    for (String p : parties) {
      addresses.put(p, net.node(p).publicAddress() + ":" + PORT);
    }
    Path all = dir.resolve("hosts.json");
    try {
      Files.createDirectories(dir);
      Hostmap.of(addresses, Hostmap.Encryption.ON).save(all);
      KeyFiles.generate(all, true);
      List<String> names = new ArrayList<>(parties);
      names.add(Hostmap.COORDINATOR);
      for (String name : names) {
        Path mine = hostmap(name);
        Files.createDirectories(mine.getParent());
        Files.copy(all, mine);
        String secret = Files.readString(KeyFiles.dirFor(all).resolve(name + ".key")).strip();
        KeyFiles.writeSecret(KeyFiles.dirFor(mine).resolve(name + ".key"), secret);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the hostmaps in " + dir + ": " + e.getMessage(), e);
    } finally {
      WorkDir.delete(dir, false); // the secrets of every party side by side go at once
    }
  }

  private List<String> java(String heap, String mainClass, String... args) {
    List<String> cmd = new ArrayList<>(List.of(javaBin, "--add-modules", "jdk.incubator.vector", "-Xss4m", heap, "-cp",
        classpath, mainClass));
    cmd.addAll(List.of(args));
    return cmd;
  }

  private Process spawn(String ns, List<String> cmd, Path out) {
    ProcessBuilder pb = new ProcessBuilder(NamespaceNet.inNamespace(ns, cmd)).redirectErrorStream(true);
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    if (out == null) {
      pb.inheritIO();
    } else {
      pb.redirectOutput(out.toFile());
    }
    try {
      Process p = pb.start();
      synchronized (this) {
        others.add(p);
      }
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + cmd.get(cmd.size() - 1) + " in namespace " + ns + ": "
          + e.getMessage(), e);
    }
  }

  /** Stops every process (politely, then by force, 5 s each), deletes the namespaces and secret keys. */
  @Override
  public void close() {
    stopAll();
    synchronized (this) {
      if (!closed) {
        closed = true;
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
          // shutting down: the hook runs anyway
        }
      }
    }
  }

  private void stopAll() {
    List<Process> all;
    synchronized (this) {
      all = List.copyOf(others);
    }
    all.forEach(Process::destroy);
    for (Process p : all) {
      try {
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    net.close();
    try (var s = Files.exists(dir) ? Files.list(dir) : java.util.stream.Stream.<Path>empty()) {
      s.filter(Files::isDirectory).forEach(d -> WorkDir.delete(d, false));
    } catch (IOException e) {
      System.err.println("tfe netns: cannot list " + dir + " to delete the keys: " + e.getMessage());
    }
    WorkDir.delete(dir, false);
  }
}
