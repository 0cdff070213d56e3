package dev.tfe.launcher.netns;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;

/**
 * Round trips and a bulk transfer over TCP, run in two namespaces: {@code serve PORT} answers one
 * connection; {@code ping HOST PORT N BYTES} times N one-byte round trips (prints the median in
 * ms) and then sends BYTES and waits for their acknowledgement (prints Mbit/s).
 */
public final class Ping {
  private Ping() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("serve")) {
      serve(Integer.parseInt(args[1]));
    } else {
      ping(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Long.parseLong(args[4]));
    }
  }

  private static void serve(int port) throws IOException {
    try (ServerSocket server = new ServerSocket()) {
      server.bind(new InetSocketAddress(port));
      System.out.println("serving");
      System.out.flush();
      try (Socket s = server.accept()) {
        s.setTcpNoDelay(true);
        DataInputStream in = new DataInputStream(s.getInputStream());
        DataOutputStream out = new DataOutputStream(s.getOutputStream());
        byte[] buf = new byte[1 << 16];
        while (true) {
          int kind = in.read();
          if (kind < 0) {
            return;
          }
          if (kind == 'b') {
            long left = in.readLong();
            while (left > 0) {
              int n = in.read(buf, 0, (int) Math.min(buf.length, left));
              if (n < 0) {
                return;
              }
              left -= n;
            }
          }
          out.write(kind);
          out.flush();
        }
      }
    }
  }

  private static void ping(String host, int port, int n, long bytes) throws Exception {
    Socket s = new Socket();
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (true) {
      try {
        s.connect(new InetSocketAddress(host, port), 2000);
        break;
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        s.close();
        s = new Socket();
        Thread.sleep(100);
      }
    }
    try (Socket sock = s) {
      sock.setTcpNoDelay(true);
      DataInputStream in = new DataInputStream(sock.getInputStream());
      DataOutputStream out = new DataOutputStream(sock.getOutputStream());
      double[] ms = new double[n];
      for (int i = 0; i < n; i++) {
        long t = System.nanoTime();
        out.write('p');
        out.flush();
        in.readByte();
        ms[i] = (System.nanoTime() - t) / 1e6;
      }
      Arrays.sort(ms);
      System.out.printf(java.util.Locale.ROOT, "rtt_ms %.4f%n", ms[n / 2]);
      byte[] block = new byte[1 << 16];
      long t = System.nanoTime();
      out.write('b');
      out.writeLong(bytes);
      for (long left = bytes; left > 0; left -= block.length) {
        out.write(block, 0, (int) Math.min(block.length, left));
      }
      out.flush();
      in.readByte();
      double seconds = (System.nanoTime() - t) / 1e9;
      System.out.printf(java.util.Locale.ROOT, "bulk_seconds %.4f%n", seconds);
    }
  }
}
