package dev.tfe.launcher.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tfe.launcher.config.Hostmap;
import dev.tfe.launcher.config.KeyFiles;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many threads send through one {@link ZmqNode} at once, in both directions, while the peers'
 * threads receive: every message arrives, once, in order per run. This exercises the socket lock
 * and the drain that every sender does (the mailbox wake-ups it consumes must not strand a
 * message that the I/O thread would then never see).
 */
@Timeout(60)
class ZmqNodeConcurrencyTest {
  private static final int THREADS = 4;
  private static final int MESSAGES = 400;
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir
  Path dir;

  @Test
  void concurrentSendersInBothDirectionsLoseAndReorderNothing() throws Exception {
    Map<String, String> a = new LinkedHashMap<>();
    for (String p : new String[] {"server0", "server1"}) {
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        a.put(p, "127.0.0.1:" + s.getLocalPort());
      }
    }
    Path f = dir.resolve("hosts.json");
    Hostmap.of(a, Hostmap.Encryption.OFF).save(f);
    Hostmap map = KeyFiles.generate(f, true);
    Inbox in0 = new Inbox();
    Inbox in1 = new Inbox();
    ExecutorService pool = Executors.newFixedThreadPool(4 * THREADS);
    try (ZmqNode n0 = new ZmqNode(map, KeyFiles.load(f, map, "server0"), in0, (h, p) -> {}, s -> {});
        ZmqNode n1 = new ZmqNode(map, KeyFiles.load(f, map, "server1"), in1, (h, p) -> {}, s -> {})) {
      List<Future<Integer>> tasks = new ArrayList<>();
      for (int t = 1; t <= THREADS; t++) {
        long run = t;
        tasks.add(pool.submit(() -> send(n0, "server0", "server1", run)));
        tasks.add(pool.submit(() -> send(n1, "server1", "server0", run)));
        tasks.add(pool.submit(() -> receive(in1, "server1", "server0", run)));
        tasks.add(pool.submit(() -> receive(in0, "server0", "server1", run)));
      }
      for (Future<Integer> task : tasks) {
        assertEquals(MESSAGES, task.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static int send(ZmqNode node, String from, String to, long run) {
    for (int i = 0; i < MESSAGES; i++) {
      byte[] m = ByteBuffer.allocate(12 + i % 50).putLong(run).putInt(i).array();
      node.send(new Header(Header.Kind.DATA, 1, run, 0, from, to), m);
    }
    return MESSAGES;
  }

  /** Takes every message of {@code run}; fails if one is missing, repeated or out of order. */
  private static int receive(Inbox inbox, String to, String from, long run) {
    for (int i = 0; i < MESSAGES; i++) {
      ByteBuffer b = ByteBuffer.wrap(inbox.take(run, to, from, WAIT));
      assertEquals(run, b.getLong(), "run");
      assertEquals(i, b.getInt(), "message " + i + " of run " + run + " from " + from);
    }
    return MESSAGES;
  }
}
