package dev.tfe.launcher;

import dev.tfe.launcher.code.CodeKey;
import dev.tfe.launcher.party.PartyMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The JVMs of a local cluster: one per party, started from this JVM's own {@code java} and
 * class path, each writing its capped log file ({@code <party>.log}, rotated to
 * {@code <party>.log.1}; what the JVM itself prints goes to {@code <party>.out}). Reports a
 * process that exits unexpectedly, quotes log tails, and stops them all, by a shutdown hook
 * too, so none is left behind; the hook then runs the cluster's clean-up (its folder).
 */
final class LocalProcesses {
  private final Map<String, Process> processes = new LinkedHashMap<>();
  private final Map<String, Path> logs = new LinkedHashMap<>();
  private final Map<String, Path> outs = new LinkedHashMap<>();
  private final Runnable cleanup;
  private final Thread hook = new Thread(() -> {
    kill();
    cleanUp();
  }, "tfe-stop-parties");
  private volatile boolean stopping;
  private boolean cleaned;

  /**
   * Starts {@code parties}, each with {@code hostmapFile} (keys beside it) and, if
   * {@code codeKey} is not null, that secret on its standard input, so that it accepts the op
   * modules sealed with it.
   */
  LocalProcesses(LaunchOptions o, Path hostmapFile, Path logDir, BiConsumer<String, String> onUnexpectedExit,
      Runnable cleanup, CodeKey codeKey) {
    this.cleanup = cleanup;
    String javaBin = ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    java.lang.Runtime.getRuntime().addShutdownHook(hook);
    try {
      for (String p : o.parties()) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBin);
        cmd.add("--add-modules");
        cmd.add("jdk.incubator.vector");
        cmd.addAll(o.jvmArgs());
        cmd.add("-cp");
        cmd.add(o.classpath());
        cmd.add(PartyMain.class.getName());
        cmd.add("--config");
        cmd.add(hostmapFile.toString());
        cmd.add("--name");
        cmd.add(p);
        cmd.add("--parent-pid");
        cmd.add(Long.toString(ProcessHandle.current().pid()));
        cmd.add("--coordinator-timeout");
        cmd.add(Long.toString(Math.max(1, o.coordinatorTimeout().toSeconds())));
        Path log = logDir.resolve(p + ".log");
        Path out = logDir.resolve(p + ".out");
        cmd.add("--log");
        cmd.add(log.toString());
        cmd.add("--log-max-bytes");
        cmd.add(Long.toString(o.logMaxBytes()));
        cmd.add(o.workDir() == null ? "--remove-when-orphaned" : "--remove-keys-when-orphaned");
        cmd.add(logDir.toString());
        if (codeKey != null) {
          cmd.add("--accept-code-from-launcher");
        }
        logs.put(p, log);
        outs.put(p, out);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Process proc = pb.start();
        processes.put(p, proc);
        try (var in = proc.getOutputStream()) {
          if (codeKey != null) {
            in.write((codeKey.hex() + "\n").getBytes(StandardCharsets.US_ASCII));
          }
        }
        proc.onExit().thenAccept(x -> {
          if (!stopping) {
            onUnexpectedExit.accept(p, describeExit(x.exitValue()));
          }
        });
      }
    } catch (IOException e) {
      kill();
      cleanUp();
      throw new UncheckedIOException("cannot start a party process: " + e.getMessage(), e);
    }
  }

  static String describeExit(int code) {
    String how = code > 128 ? " (killed by signal " + (code - 128) + (code == 137 ? ", SIGKILL" : "") + ")"
        : code == 3 ? " (it lost its coordinator)" : code == 5 ? " (it could not listen on its port)"
        : code == 6 ? " (its ZeroMQ I/O thread died; the last lines of its log follow)" : "";
    return "died: its process exited with code " + code + how;
  }

  Map<String, Process> processes() {
    return processes;
  }

  Map<String, Path> logs() {
    return logs;
  }

  /** The last {@code n} lines of a party's log, after what its JVM printed itself, or "". */
  String tail(String party, int n) {
    List<String> lines = new ArrayList<>();
    Path out = outs.get(party);
    Path f = logs.get(party);
    for (Path p : new Path[] {out, f}) {
      if (p == null || !Files.exists(p)) {
        continue;
      }
      try {
        List<String> l = Files.readAllLines(p, StandardCharsets.UTF_8);
        l.removeIf(x -> x.startsWith("WARNING: Using incubator modules"));
        lines.addAll(l);
      } catch (IOException | UncheckedIOException e) {
        lines.add("(cannot read " + p + ": " + e.getMessage() + ")");
      }
    }
    if (lines.isEmpty()) {
      return "";
    }
    return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size())) + "\n  (log: " + f + ")";
  }

  /** Waits for the processes to exit by themselves, then terminates, then kills what is left. */
  void stop(long graceMillis) {
    stopping = true;
    long deadline = System.currentTimeMillis() + graceMillis;
    for (Process p : processes.values()) {
      waitFor(p, deadline - System.currentTimeMillis());
    }
    kill();
    cleanUp();
    try {
      java.lang.Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down
    }
  }

  /** Runs the clean-up once, after the processes are gone. */
  private void cleanUp() {
    synchronized (this) {
      if (cleaned) {
        return;
      }
      cleaned = true;
    }
    cleanup.run();
  }

  private void kill() {
    stopping = true;
    for (Process p : processes.values()) {
      if (p.isAlive()) {
        p.destroy();
      }
    }
    long deadline = System.currentTimeMillis() + 2000;
    for (Process p : processes.values()) {
      waitFor(p, deadline - System.currentTimeMillis());
      if (p.isAlive()) {
        p.destroyForcibly();
        waitFor(p, 2000);
      }
    }
  }

  private static void waitFor(Process p, long millis) {
    try {
      p.waitFor(Math.max(0, millis), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
