package dev.tfe.launcher.net;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.zeromq.ZMQ;

/**
 * A message's payload on the wire: one ZeroMQ frame if it fits in {@link WireLimits#FRAME_BYTES},
 * else as many frames as it needs (the receiver joins them). This keeps every frame, and so every
 * allocation JeroMQ makes for a peer, small, while messages of hundreds of megabytes still pass.
 */
final class Framing {
  private final String node;
  private final WireLimits limits;
  private final Consumer<String> log;
  private final AtomicInteger oversized = new AtomicInteger();

  Framing(String node, WireLimits limits, Consumer<String> log) {
    this.node = node;
    this.limits = limits;
    this.log = log;
  }

  /** Messages dropped for being larger than the maximum message size. */
  int oversized() {
    return oversized.get();
  }

  /** The payload as frames of at most {@link WireLimits#FRAME_BYTES}, without copying. */
  static void send(ZMQ.Socket s, byte[] payload) {
    if (payload.length <= WireLimits.FRAME_BYTES) {
      s.send(payload, 0);
      return;
    }
    for (int off = 0; off < payload.length; off += WireLimits.FRAME_BYTES) {
      int len = Math.min(WireLimits.FRAME_BYTES, payload.length - off);
      // slice(): JeroMQ's encoder writes a buffer from 0 to its limit
      s.sendByteBuffer(ByteBuffer.wrap(payload, off, len).slice(), off + len < payload.length ? ZMQ.SNDMORE : 0);
    }
  }

  /**
   * The payload frames of the message being received, joined (one frame: no copy); null, with
   * the rest of the message consumed, if there is none or they exceed the maximum message size.
   */
  byte[] read(ZMQ.Socket s, String from) {
    if (!s.hasReceiveMore()) {
      return null;
    }
    zmq.Msg first = s.recvMsg();
    if (!s.hasReceiveMore()) {
      return first.data();
    }
    List<zmq.Msg> parts = new ArrayList<>();
    parts.add(first);
    long total = first.size();
    while (s.hasReceiveMore()) {
      zmq.Msg m = s.recvMsg();
      total += m.size();
      if (total <= limits.maxMessageBytes()) {
        parts.add(m);
      }
    }
    return refuseOversized(total, from) ? null : join(parts, total);
  }

  /** Whether a message of {@code total} payload bytes exceeds the maximum; if so counts and logs it. */
  boolean refuseOversized(long total, String from) {
    if (total > limits.maxMessageBytes()) {
      oversized.incrementAndGet();
      log.accept(node + " dropped a message of " + total + " bytes from " + from + ": larger than the maximum message size, "
          + limits.maxMessageBytes() + " bytes (" + WireLimits.size(limits.maxMessageBytes())
          + "); set TFE_MAX_MESSAGE_MB to the same value on every host");
      return true;
    }
    return false;
  }

  private static byte[] join(List<zmq.Msg> parts, long total) {
    byte[] out = new byte[(int) total];
    int at = 0;
    for (zmq.Msg m : parts) {
      at += m.getBytes(0, out, at, m.size());
    }
    return out;
  }

}
