package dev.tfe.launcher.net;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import zmq.Msg;
import zmq.msg.MsgAllocator;
import zmq.msg.MsgAllocatorThreshold;

/**
 * The allocator of every frame JeroMQ decodes from the wire ({@code ZMQ_MSG_ALLOCATOR}): it
 * refuses sizes beyond {@link WireLimits#WIRE_FRAME_BYTES} and negative ones.
 *
 * <p>Why it is needed beside {@code ZMQ_MAXMSGSIZE}: JeroMQ 0.6.0 reads a frame's 8-byte size
 * as a signed {@code long}, so a claim of 2^63 or more is negative and passes the maximum-size
 * check, and is then cut to an {@code int}: 2^64-1 becomes -1, and the allocation throws
 * {@code NegativeArraySizeException} on the I/O thread. JeroMQ catches that, but its decoder is
 * left with nothing to read into and spins forever on the next byte of the connection (measured:
 * the I/O thread then loops in {@code DecoderBase.decode} and the process hears nobody again; a
 * claim that truncates to 2^31-1 instead asks for 2 GiB of direct memory). Upstream this is
 * zeromq/jeromq#1005, fixed after 0.6.0, which is the newest release on Maven Central.
 *
 * <p>A refused frame gets an empty message instead: the decoder stays consistent, the bytes that
 * follow are read as the next frame, and the connection fails its handshake (before
 * authentication), its CURVE decryption, or our header check (after), so nothing reaches a
 * party. Refusals are counted and logged at the 1st, 2nd, 4th, 8th... so a flood cannot fill
 * the log.
 */
final class FrameAllocator implements MsgAllocator {
  private static final MsgAllocator STANDARD = new MsgAllocatorThreshold();
  private final String node;
  private final Consumer<String> log;
  private final AtomicLong refused = new AtomicLong();

  FrameAllocator(String node, Consumer<String> log) {
    this.node = node;
    this.log = log;
  }

  @Override
  public Msg allocate(int size) {
    if (size >= 0 && size <= WireLimits.WIRE_FRAME_BYTES) {
      return STANDARD.allocate(size);
    }
    long n = refused.incrementAndGet();
    if (Long.bitCount(n) == 1) {
      log.accept(node + " refused a ZeroMQ frame that claims " + size + " bytes (frames are at most "
          + WireLimits.WIRE_FRAME_BYTES + "); a corrupt or hostile peer; " + n + " refused so far");
    }
    return new Msg(0);
  }

  /** Frames refused so far. */
  long refused() {
    return refused.get();
  }
}
