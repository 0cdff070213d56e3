package dev.tfe.launcher.net;

import dev.tfe.runtime.PeerException;
import dev.tfe.runtime.Transport;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;

/**
 * The {@link Transport} of one party during one run, over its process's {@link ZmqNode}: a
 * send frames the batch with a {@link Header} (sender, receiver, session, run and the batch's
 * step) and hands it to the node without copying; a receive takes the next batch from the
 * {@link Inbox}. Each batch already holds every tensor one party sends one peer in one step,
 * so one step costs one message per peer.
 */
public final class ZmqTransport implements Transport {
  private final ZmqNode node;
  private final Inbox inbox;
  private final String self;
  private final long session;
  private final long run;

  public ZmqTransport(ZmqNode node, Inbox inbox, String self, long session, long run) {
    this.node = node;
    this.inbox = inbox;
    this.self = self;
    this.session = session;
    this.run = run;
  }

  @Override
  public String self() {
    return self;
  }

  @Override
  public void send(String peer, byte[] message) {
    if (peer.equals(self)) {
      throw new PeerException(peer, self + " cannot send to itself");
    }
    node.send(new Header(Header.Kind.DATA, session, run, stepOf(message), self, peer), message);
  }

  @Override
  public byte[] receive(String peer, Duration timeout) {
    return inbox.take(run, self, peer, timeout);
  }

  /** The step field of a batch in {@code MessageCodec}'s layout (magic, run, step), or -1. */
  static int stepOf(byte[] message) {
    return message.length >= 16 ? ByteBuffer.wrap(message, 12, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() : -1;
  }
}
