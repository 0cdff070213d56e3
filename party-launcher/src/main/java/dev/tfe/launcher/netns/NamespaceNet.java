package dev.tfe.launcher.netns;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Emulated hosts: one network namespace per node, each joined by a veth pair to a bridge in a hub
 * namespace, with addresses from {@value #SUBNET}0/24 that exist inside these namespaces only
 * (nothing is added to the caller's namespace). With a rate, both ends of every veth pair get a
 * {@code tbf} queueing discipline; with a delay, the hub also holds each node's <em>public</em>
 * address, where {@link DelayRelay} listens and forwards to the node after the one-way delay.
 * {@link #close} (also run by a shutdown hook) kills what still runs in the namespaces and
 * deletes them, which deletes their links.
 */
public final class NamespaceNet implements AutoCloseable {
  /** The private range used inside the namespaces. */
  public static final String SUBNET = "10.77.0.";

  private static final String HUB_ADDRESS = SUBNET + "1";

  /** One emulated host: its namespace, its own address, and the address others reach it at. */
  public record Node(String name, String namespace, String address, String publicAddress) {}

  private final String prefix;
  private final NetSetting setting;
  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final List<String> namespaces = new ArrayList<>();
  private final Thread hook;
  private boolean closed;

  private NamespaceNet(String prefix, NetSetting setting) {
    this.prefix = prefix;
    this.setting = setting;
    this.hook = new Thread(this::deleteAll, "tfe-netns-cleanup");
  }

  /**
   * Why namespaces cannot be made here (not root, no {@code ip}, or the kernel refuses), or null
   * if they can. Probes by creating and deleting one namespace.
   */
  public static String unavailable() {
    String uid = Shell.tryRun(List.of("id", "-u")).output().strip();
    if (!uid.equals("0")) {
      return "network namespaces need root (this user's id is " + uid + "); run as root to test several hosts";
    }
    String probe = "tfe" + ProcessHandle.current().pid() + "-probe";
    Shell.Result r = Shell.tryRun(List.of("ip", "netns", "add", probe));
    if (r.code() != 0) {
      return "cannot create a network namespace ('ip netns add' said: " + r.output().strip()
          + "); install iproute2 and run as root on a kernel with namespaces";
    }
    Shell.tryRun(List.of("ip", "netns", "del", probe));
    return null;
  }

  /** Creates the hub and one namespace per node of {@code names}, linked and shaped by {@code setting}. */
  public static NamespaceNet create(NetSetting setting, List<String> names) {
    if (names.size() > 80) {
      throw new IllegalArgumentException("at most 80 nodes fit the address plan, not " + names.size());
    }
    removeOrphans();
    NamespaceNet net = new NamespaceNet("tfe" + ProcessHandle.current().pid() + "x" + Long.toString(System.nanoTime() % 46656, 36),
        setting);
    Runtime.getRuntime().addShutdownHook(net.hook);
    try {
      String hub = net.addNamespace("hub");
      ip(hub, "link", "set", "lo", "up");
      ip(hub, "link", "add", "br0", "type", "bridge");
      ip(hub, "addr", "add", HUB_ADDRESS + "/24", "dev", "br0");
      ip(hub, "link", "set", "br0", "up");
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        String ns = net.addNamespace("n" + i);
        String hubEnd = "h" + i;
        ip(hub, "link", "add", hubEnd, "type", "veth", "peer", "name", "eth0", "netns", ns);
        ip(hub, "link", "set", hubEnd, "master", "br0");
        ip(hub, "link", "set", hubEnd, "up");
        String address = SUBNET + (10 + i);
        String publicAddress = setting.delayed() ? SUBNET + (110 + i) : address;
        ip(ns, "link", "set", "lo", "up");
        ip(ns, "addr", "add", address + "/24", "dev", "eth0");
        ip(ns, "link", "set", "eth0", "up");
        if (setting.delayed()) {
          ip(hub, "addr", "add", publicAddress + "/24", "dev", "br0");
        }
        if (setting.rateBitsPerSecond() > 0) {
          shape(ns, "eth0", setting.rateBitsPerSecond());
          shape(hub, hubEnd, setting.rateBitsPerSecond());
        }
        net.nodes.put(name, new Node(name, ns, address, publicAddress));
      }
      return net;
    } catch (RuntimeException e) {
      net.close();
      throw e;
    }
  }

  /**
   * Deletes the namespaces (and kills what runs in them) left by a JVM that was killed too hard
   * for its shutdown hook to run: those named {@code tfe<pid>x...} whose pid is no longer alive.
   */
  static void removeOrphans() {
    for (String line : Shell.tryRun(List.of("ip", "netns", "list")).output().lines().toList()) {
      String ns = line.split(" ")[0];
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("tfe(\\d+)x[0-9a-z]+-(hub|n\\d+)").matcher(ns);
      if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
        killAllIn(ns);
        Shell.tryRun(List.of("ip", "netns", "del", ns));
        System.err.println("tfe netns: deleted " + ns + ", left behind by process " + m.group(1) + " that is gone");
      }
    }
  }

  private static void killAllIn(String ns) {
    for (String pid : Shell.tryRun(List.of("ip", "netns", "pids", ns)).output().split("\\s+")) {
      if (pid.matches("\\d+")) {
        ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
  }

  /** A token bucket at {@code rate}: a burst of 4 ms of traffic (at least 64 KiB), at most 10 ms queued. */
  private static void shape(String ns, String dev, long rate) {
    long burst = Math.max(64 * 1024, rate / 8 / 250);
    Shell.run(List.of("tc", "-n", ns, "qdisc", "add", "dev", dev, "root", "tbf", "rate", rate + "bit", "burst",
        Long.toString(burst), "latency", "10ms"));
  }

  private static void ip(String ns, String... args) {
    List<String> cmd = new ArrayList<>(List.of("ip", "-n", ns));
    cmd.addAll(List.of(args));
    Shell.run(cmd);
  }

  private String addNamespace(String suffix) {
    String ns = prefix + "-" + suffix;
    Shell.run(List.of("ip", "netns", "add", ns));
    namespaces.add(ns);
    return ns;
  }

  public NetSetting setting() {
    return setting;
  }

  /** The nodes by name, in creation order. */
  public Map<String, Node> nodes() {
    return Collections.unmodifiableMap(nodes);
  }

  public Node node(String name) {
    Node n = nodes.get(name);
    if (n == null) {
      throw new IllegalArgumentException("no node " + name + " in this network; nodes: " + nodes.keySet());
    }
    return n;
  }

  /** The hub's namespace, where {@link DelayRelay} runs. */
  public String hubNamespace() {
    return prefix + "-hub";
  }

  /** The namespaces this network made and has not deleted yet. */
  public synchronized List<String> namespaces() {
    return List.copyOf(namespaces);
  }

  /** {@code cmd} prefixed so that it runs inside {@code ns}. */
  public static List<String> inNamespace(String ns, List<String> cmd) {
    List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", ns));
    all.addAll(cmd);
    return all;
  }

  /** Kills whatever still runs in the namespaces, then deletes them (and so their links). */
  @Override
  public void close() {
    deleteAll();
    synchronized (this) {
      if (!closed) {
        closed = true;
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
          // the JVM is shutting down: the hook runs anyway
        }
      }
    }
  }

  /** Whether {@code ip netns list} still shows {@code ns}. */
  static boolean exists(String ns) {
    return Shell.tryRun(List.of("ip", "netns", "list")).output().lines().anyMatch(l -> l.split(" ")[0].equals(ns));
  }

  private synchronized void deleteAll() {
    List<String> failures = new ArrayList<>();
    List<String> newestFirst = new ArrayList<>(namespaces);
    Collections.reverse(newestFirst);
    for (String ns : newestFirst) {
      killAllIn(ns);
      Shell.Result r = Shell.tryRun(List.of("ip", "netns", "del", ns));
      if (r.code() == 0 || !exists(ns)) {
        namespaces.remove(ns);
      } else {
        failures.add(ns + ": " + r.output().strip());
      }
    }
    if (!failures.isEmpty()) {
      System.err.println("tfe netns: could not delete " + failures + "; delete them with ip netns del NAME");
    }
  }
}
