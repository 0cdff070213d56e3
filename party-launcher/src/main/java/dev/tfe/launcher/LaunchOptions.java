package dev.tfe.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How {@link Cluster#launchLocal(LaunchOptions)} starts party processes. Defaults: the three
 * servers {@code server0}, {@code server1}, {@code server2} on loopback, unencrypted (token
 * authenticated), 30 s to be ready, 120 s per receive, heap 2 GB per process, logs capped at
 * 1 MiB (plus one rotated file); the parties accept op modules sealed by this launcher (a
 * notebook cell's op), see {@link #acceptCode}.
 */
public final class LaunchOptions {
  private List<String> parties = List.of("server0", "server1", "server2");
  private boolean encrypt;
  private boolean curve;
  private Duration handshakeTimeout = Duration.ofSeconds(30);
  private Duration receiveTimeout = Duration.ofSeconds(120);
  private Duration coordinatorTimeout = Duration.ofSeconds(10);
  private Duration deadAfter = Duration.ofSeconds(5);
  private List<String> jvmArgs = List.of("-Xmx2g");
  private String classpath = System.getProperty("java.class.path");
  private Path workDir;
  private long logMaxBytes = 1 << 20;
  private List<String> inProcess = List.of();
  private boolean acceptCode = true;

  public static LaunchOptions defaults() {
    return new LaunchOptions();
  }

  /** The parties that get a process each. */
  public LaunchOptions parties(List<String> names) {
    this.parties = List.copyOf(names);
    return this;
  }

  /** Encryption (the AEAD transport) on loopback too. */
  public LaunchOptions encrypt(boolean on) {
    this.encrypt = on;
    return this;
  }

  /** With {@link #encrypt}: JeroMQ's CURVE instead of the AEAD transport (for comparison and its tests). */
  public LaunchOptions curve(boolean on) {
    this.curve = on;
    return this;
  }

  public boolean curve() {
    return curve;
  }

  /** How long the processes have to start and greet each other. */
  public LaunchOptions handshakeTimeout(Duration d) {
    this.handshakeTimeout = d;
    return this;
  }

  /** How long a party waits for one message from a peer. */
  public LaunchOptions receiveTimeout(Duration d) {
    this.receiveTimeout = d;
    return this;
  }

  /** How long a party process lives on without hearing from its coordinator. */
  public LaunchOptions coordinatorTimeout(Duration d) {
    this.coordinatorTimeout = d;
    return this;
  }

  /** How long a party may miss heartbeats before the coordinator declares it lost. */
  public LaunchOptions deadAfter(Duration d) {
    this.deadAfter = d;
    return this;
  }

  /** JVM options of each party process (besides the Vector API module, always added). */
  public LaunchOptions jvmArgs(List<String> args) {
    this.jvmArgs = new ArrayList<>(args);
    return this;
  }

  /** The class path of the party processes; by default this JVM's. */
  public LaunchOptions classpath(String cp) {
    this.classpath = cp;
    return this;
  }

  /** Where the hostmap, keys and logs go; by default a new temporary directory. */
  public LaunchOptions workDir(Path dir) {
    this.workDir = dir;
    return this;
  }

  /** The cap of each party's log file; past it the file is rotated (one previous file kept). */
  public LaunchOptions logMaxBytes(long bytes) {
    if (bytes < 1024) {
      throw new IllegalArgumentException("a log cap of " + bytes + " bytes is too small; give at least 1024");
    }
    this.logMaxBytes = bytes;
    return this;
  }

  /**
   * Servers (of {@code server0}, {@code server1}, {@code server2}) that run inside this JVM on
   * purpose instead of in a process of their own: without this, leaving a server out of
   * {@link #parties} is an error, since this JVM also plays the client and the model owner.
   */
  public LaunchOptions inProcess(List<String> servers) {
    this.inProcess = List.copyOf(servers);
    return this;
  }

  /**
   * Whether the parties accept the op modules this launcher sends them (default yes): each gets a
   * secret of this launch on its standard input and loads only code sealed with it. Off, a
   * party runs only the modules of its build, as a party started with {@code ./tfe party}.
   */
  public LaunchOptions acceptCode(boolean on) {
    this.acceptCode = on;
    return this;
  }

  public boolean acceptCode() {
    return acceptCode;
  }

  public long logMaxBytes() {
    return logMaxBytes;
  }

  public List<String> inProcess() {
    return inProcess;
  }

  public List<String> parties() {
    return parties;
  }

  public boolean encrypt() {
    return encrypt;
  }

  public Duration handshakeTimeout() {
    return handshakeTimeout;
  }

  public Duration receiveTimeout() {
    return receiveTimeout;
  }

  public Duration coordinatorTimeout() {
    return coordinatorTimeout;
  }

  public Duration deadAfter() {
    return deadAfter;
  }

  public List<String> jvmArgs() {
    return jvmArgs;
  }

  public String classpath() {
    return classpath;
  }

  public Path workDir() {
    return workDir;
  }
}
