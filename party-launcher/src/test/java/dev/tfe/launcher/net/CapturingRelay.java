package dev.tfe.launcher.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback TCP relay for tests: forwards every connection to a target port, records the bytes
 * going to the target, and can flip one bit at a chosen offset of that stream (an active attacker
 * on the path).
 */
final class CapturingRelay implements AutoCloseable {
  private final ServerSocket server;
  private final int target;
  private final ByteArrayOutputStream toTarget = new ByteArrayOutputStream();
  private final List<Socket> open = new ArrayList<>();
  private volatile long flipAt = -1;

  CapturingRelay(int target) throws IOException {
    this.target = target;
    this.server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::accept, "capturing-relay");
    t.setDaemon(true);
    t.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** Flips the lowest bit of the byte {@code offset} bytes ahead of what was relayed so far. */
  void flipAhead(long offset) {
    synchronized (toTarget) {
      flipAt = toTarget.size() + offset;
    }
  }

  /** The bytes relayed to the target so far. */
  byte[] captured() {
    synchronized (toTarget) {
      return toTarget.toByteArray();
    }
  }

  private void accept() {
    try {
      while (true) {
        Socket in = server.accept();
        Socket out = new Socket(InetAddress.getLoopbackAddress(), target);
        synchronized (open) {
          open.add(in);
          open.add(out);
        }
        pump(in.getInputStream(), out.getOutputStream(), true);
        pump(out.getInputStream(), in.getOutputStream(), false);
      }
    } catch (IOException e) {
      // closed
    }
  }

  private void pump(InputStream from, OutputStream to, boolean record) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[1 << 16];
      try {
        for (int n; (n = from.read(buf)) > 0; ) {
          if (record) {
            synchronized (toTarget) {
              long start = toTarget.size();
              if (flipAt >= start && flipAt < start + n) {
                buf[(int) (flipAt - start)] ^= 1;
                flipAt = -1;
              }
              toTarget.write(buf, 0, n);
            }
          }
          to.write(buf, 0, n);
          to.flush();
        }
      } catch (IOException e) {
        // the other side closed
      }
    }, "capturing-relay-pump");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() throws IOException {
    server.close();
    synchronized (open) {
      for (Socket s : open) {
        s.close();
      }
    }
  }
}
