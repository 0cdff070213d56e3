package dev.tfe.launcher.bench;

import dev.tfe.launcher.cli.HelpOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import dev.tfe.launcher.config.Hostmap;
import dev.tfe.launcher.config.KeyFiles;
import dev.tfe.launcher.net.Header;
import dev.tfe.launcher.net.Inbox;
import dev.tfe.launcher.net.ZmqNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ./tfe bench transport}: the ZeroMQ transport between two endpoints over loopback TCP,
 * as the executors use it (framed batches through each process's I/O thread and inbox): the
 * round-trip latency of a 64-byte message and the throughput of 8 MB messages (each
 * acknowledged), unencrypted, with JeroMQ's CURVE and with the AEAD transport (the default
 * between hosts), one after the other in one run. Prints medians; saves bench-results/transport.json.
 */
@Command(name = "transport",
    header = "ZeroMQ round trip and throughput: unencrypted, CURVE and AEAD",
    description = {"The ZeroMQ transport between two endpoints over loopback: the round trip of a 64-byte message and the throughput of 8 MB messages, unencrypted, with CURVE and with the AEAD transport (X25519, AES-GCM), beside bare JeroMQ. Saves bench-results/transport.json."})
public final class TransportBenchmark implements Callable<Integer> {
  @Mixin
  HelpOption help;

  private static final Duration WAIT = Duration.ofSeconds(30);

  private TransportBenchmark() {}

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "PINGS", defaultValue = "2000",
      description = "64-byte round trips timed (default: ${DEFAULT-VALUE})")
  int pings;

  @Parameters(index = "1", arity = "0..1", paramLabel = "BULK", defaultValue = "30",
      description = "8 MB messages timed (default: ${DEFAULT-VALUE})")
  int bulk;

  @Override
  public Integer call() throws Exception {
    if (pings < 10) {
      throw new ParameterException(spec.commandLine(), "PINGS must be at least 10, got " + pings);
    }
    if (bulk < 1) {
      throw new ParameterException(spec.commandLine(), "BULK must be at least 1, got " + bulk);
    }
    run(pings, bulk);
    return 0;
  }

  static void run(int pings, int bulk) throws Exception {
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("machine", BenchJson.machine());
    results.put("note", "two endpoints in one JVM over loopback TCP; medians; throughput counts payload bytes of 8 MB messages each acknowledged by 8 bytes");
    String[][] kinds = {{"OFF", "plain", "unencrypted (token):"}, {"CURVE", "curve", "CURVE (JeroMQ):"},
        {"ON", "aead", "AEAD (X25519+AES-GCM):"}};
    for (String[] k : kinds) {
      Map<String, Object> r = measure(Hostmap.Encryption.valueOf(k[0]), pings, bulk);
      results.put(k[1], r);
      System.out.printf("%-24s round trip (64 B) median %.1f us, p90 %.1f us; throughput (8 MB) median %.0f MB/s%n",
          k[2], r.get("rtt_us_median"), r.get("rtt_us_p90"), r.get("mb_per_s_median"));
    }
    Map<String, Object> raw = rawJeromq(pings, bulk);
    results.put("raw_jeromq_baseline", raw);
    System.out.printf("%-24s round trip (64 B) median %.1f us; throughput (8 MB) median %.0f MB/s%n", "raw JeroMQ (baseline):",
        raw.get("rtt_us_median"), raw.get("mb_per_s_median"));
    double plain = (Double) ((Map<?, ?>) results.get("plain")).get("mb_per_s_median");
    double curve = (Double) ((Map<?, ?>) results.get("curve")).get("mb_per_s_median");
    double aead = (Double) ((Map<?, ?>) results.get("aead")).get("mb_per_s_median");
    results.put("curve_throughput_ratio", curve / plain);
    results.put("aead_throughput_ratio", aead / plain);
    System.out.printf("CURVE moves %.1f%% of the unencrypted throughput, AEAD %.1f%% (%.1fx CURVE)%n", 100 * curve / plain,
        100 * aead / plain, aead / curve);
    System.out.println("saved " + BenchJson.save("transport.json", results));
  }

  static Map<String, Object> measure(Hostmap.Encryption encryption, int pings, int bulk) throws Exception {
    Path dir = Files.createTempDirectory("tfe-bench-");
    try {
      return measureIn(dir, encryption, pings, bulk);
    } finally {
      deleteTree(dir); // the hostmap and its key files
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static Map<String, Object> measureIn(Path dir, Hostmap.Encryption encryption, int pings, int bulk) throws Exception {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("server0", "127.0.0.1:" + freePort());
    a.put("server1", "127.0.0.1:" + freePort());
    Path f = dir.resolve("hosts.json");
    Hostmap.of(a, encryption).save(f);
    Hostmap map = KeyFiles.generate(f, true);
    Inbox in0 = new Inbox();
    Inbox in1 = new Inbox();
    try (ZmqNode n0 = new ZmqNode(map, KeyFiles.load(f, map, "server0"), in0, (h, p) -> {}, System.err::println);
        ZmqNode n1 = new ZmqNode(map, KeyFiles.load(f, map, "server1"), in1, (h, p) -> {}, System.err::println)) {
      Thread echo = new Thread(() -> {
        try {
          for (long i = 1; ; i++) {
            byte[] m = in1.take(1, "server1", "server0", WAIT);
            n1.send(new Header(Header.Kind.DATA, 0, 1, 0, "server1", "server0"), m.length > 64 ? new byte[8] : m);
          }
        } catch (RuntimeException e) {
          // closed at the end
        }
      }, "echo");
      echo.setDaemon(true);
      echo.start();
      double[] rtt = new double[pings];
      for (int i = -pings / 4; i < pings; i++) {
        long t0 = System.nanoTime();
        n0.send(new Header(Header.Kind.DATA, 0, 1, 0, "server0", "server1"), new byte[64]);
        in0.take(1, "server0", "server1", WAIT);
        if (i >= 0) {
          rtt[i] = (System.nanoTime() - t0) / 1e3;
        }
      }
      double[] mbs = new double[bulk];
      int size = 8 << 20;
      for (int i = -3; i < bulk; i++) {
        byte[] big = new byte[size]; // a fresh array per message: JeroMQ does not copy it
        long t0 = System.nanoTime();
        n0.send(new Header(Header.Kind.DATA, 0, 1, 0, "server0", "server1"), big);
        in0.take(1, "server0", "server1", WAIT);
        if (i >= 0) {
          mbs[i] = size / 1e6 / ((System.nanoTime() - t0) / 1e9);
        }
      }
      in1.close("benchmark done");
      Map<String, Object> r = new LinkedHashMap<>();
      double[] sorted = rtt.clone();
      java.util.Arrays.sort(sorted);
      r.put("rtt_us_median", BenchJson.median(rtt));
      r.put("rtt_us_p90", sorted[(int) (0.9 * (sorted.length - 1))]);
      r.put("mb_per_s_median", BenchJson.median(mbs));
      r.put("round_trips", pings);
      r.put("bulk_messages", bulk);
      return r;
    }
  }

  /** Bare DEALER/ROUTER sockets in one thread each, no framing, inbox or I/O thread: the floor. */
  static Map<String, Object> rawJeromq(int pings, int bulk) {
    try (org.zeromq.ZContext ctx = new org.zeromq.ZContext()) {
      org.zeromq.ZMQ.Socket router = ctx.createSocket(org.zeromq.SocketType.ROUTER);
      int port = router.bindToRandomPort("tcp://127.0.0.1");
      org.zeromq.ZMQ.Socket dealer = ctx.createSocket(org.zeromq.SocketType.DEALER);
      dealer.connect("tcp://127.0.0.1:" + port);
      Thread echo = new Thread(() -> {
        try {
          while (true) {
            byte[] id = router.recv();
            byte[] m = router.recv();
            router.sendMore(id);
            router.send(m.length > 64 ? new byte[8] : m);
          }
        } catch (RuntimeException e) {
          // context closed
        }
      }, "raw-echo");
      echo.setDaemon(true);
      echo.start();
      double[] rtt = new double[pings];
      for (int i = -pings / 4; i < pings; i++) {
        long t0 = System.nanoTime();
        dealer.send(new byte[64]);
        dealer.recv();
        if (i >= 0) {
          rtt[i] = (System.nanoTime() - t0) / 1e3;
        }
      }
      double[] mbs = new double[bulk];
      int size = 8 << 20;
      for (int i = -3; i < bulk; i++) {
        byte[] big = new byte[size];
        long t0 = System.nanoTime();
        dealer.send(big);
        dealer.recv();
        if (i >= 0) {
          mbs[i] = size / 1e6 / ((System.nanoTime() - t0) / 1e9);
        }
      }
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("rtt_us_median", BenchJson.median(rtt));
      r.put("mb_per_s_median", BenchJson.median(mbs));
      return r;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
