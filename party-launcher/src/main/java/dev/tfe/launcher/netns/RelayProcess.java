package dev.tfe.launcher.netns;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Starts {@link DelayRelay} in a network's hub for some of its nodes and waits (bounded) until it listens. */
public final class RelayProcess {
  private static final long READY_SECONDS = 60;

  private RelayProcess() {}

  private static String read(Path f) {
    try {
      return Files.exists(f) ? Files.readString(f).strip() : "(nothing)";
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  /**
   * Starts the relay: each node of {@code nodes} is reached at its public address and {@code port}
   * after the network's one-way delay. {@code java} is the command up to the main class; the
   * relay's output goes to {@code dir/relay.out}. The caller stops the process.
   */
  public static Process start(NamespaceNet net, List<String> nodes, int port, List<String> java, Path dir) {
    List<String> cmd = new ArrayList<>(java);
    cmd.addAll(List.of("--delay-us", Long.toString(net.setting().oneWayDelayNanos() / 1000)));
    for (String name : nodes) {
      NamespaceNet.Node n = net.node(name);
      cmd.add("--route");
      cmd.add(n.publicAddress() + ":" + port + "=" + n.address() + ":" + port);
    }
    Process relay;
    try {
      relay = new ProcessBuilder(NamespaceNet.inNamespace(net.hubNamespace(), cmd)).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the delay relay: " + e.getMessage(), e);
    }
    Path out = dir.resolve("relay.out");
    CountDownLatch ready = new CountDownLatch(1);
    AtomicBoolean listening = new AtomicBoolean();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(relay.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (line.equals(DelayRelay.READY)) {
            listening.set(true);
            ready.countDown();
          }
          Files.writeString(out, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
      } catch (IOException ignored) {
        // the relay ended
      }
      ready.countDown(); // it ended: no need to wait any longer
    }, "tfe-relay-output");
    reader.setDaemon(true);
    reader.start();
    try {
      if (!ready.await(READY_SECONDS, TimeUnit.SECONDS) || !listening.get()) {
        relay.destroyForcibly();
        throw new IllegalStateException("the delay relay did not start within " + READY_SECONDS + " s"
            + (listening.get() ? "" : " (it exited)") + "; its output is in " + out + ": " + read(out));
      }
    } catch (InterruptedException e) {
      relay.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the delay relay", e);
    }
    return relay;
  }
}
