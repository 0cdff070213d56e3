package dev.tfe.launcher.netns;

import dev.tfe.launcher.cli.Cli;
import dev.tfe.launcher.cli.HelpOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A TCP relay that delays every byte by a fixed one-way delay: the stand-in for {@code netem},
 * which these kernels lack. It listens on each route's public address and forwards each
 * connection to the route's target; every chunk read at time t is written on at t + delay, in
 * both directions, so a round trip through it takes twice the delay. At most {@value #IN_FLIGHT}
 * bytes per direction wait in the relay, beyond which reading pauses (TCP's flow control then
 * holds the sender back, as a full link would).
 *
 * <pre>
 * java ... dev.tfe.launcher.netns.DelayRelay --delay-us 20000 --route 10.77.0.110:4440=10.77.0.10:4440 ...
 * </pre>
 *
 * Prints {@value #READY} once it listens on every route; runs until killed.
 */
public final class DelayRelay {
  /** The line printed once every route listens. */
  public static final String READY = "relay ready";

  private static final int IN_FLIGHT = 32 << 20;

  /** The last stretch of a wait is spun rather than parked, for a LAN's 0.1 ms. */
  private static final long SPIN_NANOS = 100_000;

  private final long delayNanos;

  private DelayRelay(long delayNanos) {
    this.delayNanos = delayNanos;
  }

  /** The relay's command line, as {@link RelayProcess} writes it. */
  @Command(name = "DelayRelay", description = "Relays TCP connections with a fixed one-way delay (started by the --net benchmark).")
  static final class Args implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Option(names = "--delay-us", required = true, paramLabel = "MICROSECONDS", description = "the one-way delay")
    long delayUs;

    @Option(names = "--route", required = true, paramLabel = "HOST:PORT=HOST:PORT",
        description = "listen on the first address and forward to the second (repeatable)")
    Map<String, String> routes = new LinkedHashMap<>();

    @Override
    public Integer call() throws IOException {
      if (delayUs < 0) {
        throw new IllegalArgumentException("--delay-us must be at least 0, got " + delayUs);
      }
      Map<InetSocketAddress, InetSocketAddress> byAddress = new LinkedHashMap<>();
      routes.forEach((from, to) -> byAddress.put(address(from), address(to)));
      serve(delayUs, byAddress);
      return 0;
    }
  }

  public static void main(String[] args) {
    Cli.main("DelayRelay", new Args(), args);
  }

  private static void serve(long delayUs, Map<InetSocketAddress, InetSocketAddress> routes) throws IOException {
    DelayRelay relay = new DelayRelay(delayUs * 1000);
    List<ServerSocket> servers = new ArrayList<>();
    for (var r : routes.entrySet()) {
      ServerSocket s = new ServerSocket();
      s.setReuseAddress(true);
      s.bind(r.getKey(), 64);
      servers.add(s);
      InetSocketAddress target = r.getValue();
      daemon("tfe-relay-accept-" + r.getKey(), () -> relay.accept(s, target));
    }
    System.out.println(READY);
    System.out.flush();
    LockSupport.park(); // until killed
  }

  private static InetSocketAddress address(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    if (colon < 1 || !hostPort.substring(colon + 1).matches("[0-9]{1,5}")) {
      throw new IllegalArgumentException("a route's address is HOST:PORT, not '" + hostPort + "'");
    }
    return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
  }

  private static void daemon(String name, Runnable r) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    t.start();
  }

  private void accept(ServerSocket server, InetSocketAddress target) {
    while (true) {
      Socket in;
      try {
        in = server.accept();
      } catch (IOException e) {
        System.err.println("relay: accept on " + server.getLocalSocketAddress() + " failed: " + e.getMessage());
        return;
      }
      try {
        Socket out = new Socket();
        out.setTcpNoDelay(true);
        out.connect(target, 5000);
        in.setTcpNoDelay(true);
        java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger(2);
        pipe(in, out, open);
        pipe(out, in, open);
      } catch (IOException e) {
        System.err.println("relay: cannot reach " + target + ": " + e.getMessage());
        close(in);
      }
    }
  }

  private record Chunk(byte[] bytes, long due) {}

  /**
   * Copies {@code from} to {@code to}, each chunk after the delay; a reader and a writer thread.
   * {@code open} counts the directions of the connection still open.
   */
  private void pipe(Socket from, Socket to, java.util.concurrent.atomic.AtomicInteger open) {
    LinkedBlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
    Semaphore room = new Semaphore(IN_FLIGHT);
    String name = from.getRemoteSocketAddress() + "->" + to.getRemoteSocketAddress();
    daemon("tfe-relay-read " + name, () -> {
      byte[] buf = new byte[256 << 10];
      try (InputStream in = from.getInputStream()) {
        int n;
        while ((n = in.read(buf)) >= 0) {
          long now = System.nanoTime();
          room.acquire(n);
          queue.put(new Chunk(java.util.Arrays.copyOf(buf, n), now + delayNanos));
        }
      } catch (IOException | InterruptedException e) {
        // the connection broke: forward what was read, then close
      }
      queue.add(new Chunk(null, System.nanoTime() + delayNanos));
    });
    daemon("tfe-relay-write " + name, () -> {
      try {
        OutputStream out = to.getOutputStream();
        while (true) {
          Chunk c = queue.take();
          long wait;
          while ((wait = c.due - System.nanoTime()) > 0) {
            if (wait > SPIN_NANOS) {
              LockSupport.parkNanos(wait - SPIN_NANOS);
            } else {
              Thread.onSpinWait(); // parking oversleeps by tens of microseconds: spin the last stretch
            }
          }
          if (c.bytes == null) {
            to.shutdownOutput();
            if (open.decrementAndGet() == 0) { // both directions ended: release the sockets
              close(from);
              close(to);
            }
            break;
          }
          out.write(c.bytes);
          room.release(c.bytes.length);
        }
      } catch (IOException | InterruptedException e) {
        close(from);
        close(to);
      }
    });
  }

  private static void close(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
