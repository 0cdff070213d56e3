package dev.tfe.launcher.net;

import dev.tfe.launcher.config.Hostmap;
import dev.tfe.launcher.config.KeyFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test fixture: two listening processes, server0 and server1, in this JVM, on loopback, PLAIN or
 * CURVE, with their logs kept; and raw ZMTP bytes for hostile connections.
 */
final class TwoNodes implements AutoCloseable {
  final Hostmap map;
  final int port0;
  final Inbox in0;
  final Inbox in1;
  final ZmqNode n0;
  final ZmqNode n1;
  final List<String> log0 = new CopyOnWriteArrayList<>();
  final List<String> log1 = new CopyOnWriteArrayList<>();

  TwoNodes(Path dir, boolean curve, WireLimits limits0, WireLimits limits1) throws IOException {
    this(dir, curve ? Hostmap.Encryption.CURVE : Hostmap.Encryption.OFF, limits0, limits1);
  }

  /** Two nodes on loopback with {@code encryption} (OFF: PLAIN, ON: AEAD, CURVE). */
  TwoNodes(Path dir, Hostmap.Encryption encryption, WireLimits limits0, WireLimits limits1) throws IOException {
    Map<String, String> a = new LinkedHashMap<>();
    int first = 0;
    for (String p : new String[] {"server0", "server1"}) {
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        a.put(p, "127.0.0.1:" + s.getLocalPort());
        first = first == 0 ? s.getLocalPort() : first;
      }
    }
    port0 = first;
    Path f = dir.resolve(encryption.name().toLowerCase(java.util.Locale.ROOT) + ".json");
    Hostmap.of(a, encryption).save(f);
    map = KeyFiles.generate(f, true);
    in0 = new Inbox(limits0);
    in1 = new Inbox(limits1);
    n0 = new ZmqNode(map, KeyFiles.load(f, map, "server0"), in0, (h, p) -> {}, log0::add, limits0, r -> {});
    n1 = new ZmqNode(map, KeyFiles.load(f, map, "server1"), in1, (h, p) -> {}, log1::add, limits1, r -> {});
  }

  /** A ZMTP 3.0 greeting offering {@code mechanism} (64 bytes). */
  static byte[] greeting(String mechanism) {
    byte[] g = new byte[64];
    g[0] = (byte) 0xff;
    g[9] = 0x7f;
    g[10] = 3;
    byte[] m = mechanism.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(m, 0, g, 12, m.length);
    return g;
  }

  /** The 73 bytes of the attack: a greeting, then a long command frame claiming {@code size} bytes. */
  static byte[] attack(String mechanism, long size) {
    return java.nio.ByteBuffer.allocate(73).put(greeting(mechanism)).put((byte) 0x06).putLong(size).array();
  }

  /** Connects to server0's port, writes {@code bytes}, lingers {@code millis}, closes. */
  void hit(byte[] bytes, int millis) throws IOException, InterruptedException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port0)) {
      OutputStream o = s.getOutputStream();
      o.write(bytes);
      o.flush();
      Thread.sleep(millis);
    }
  }

  @Override
  public void close() {
    n1.close();
    n0.close();
  }
}
