package dev.tfe.runtime;

import java.time.Duration;

/**
 * A transport decorator that shows every batch a party receives to a listener, decoded: the
 * party's view in the sense of the simulation proofs. Used to audit what a party sees, e.g. by
 * the statistical privacy tests; install it with {@link InProcessRuntime#setTransportDecorator}.
 */
public final class ObservedTransport implements Transport {
  /** Called once per received batch, on the receiving party's thread. */
  @FunctionalInterface
  public interface Listener {
    void received(String self, String peer, MessageCodec.Batch batch);
  }

  private final Transport inner;
  private final Listener listener;

  public ObservedTransport(Transport inner, Listener listener) {
    this.inner = inner;
    this.listener = listener;
  }

  @Override
  public String self() {
    return inner.self();
  }

  @Override
  public void send(String peer, byte[] message) {
    inner.send(peer, message);
  }

  @Override
  public byte[] receive(String peer, Duration timeout) {
    byte[] m = inner.receive(peer, timeout);
    listener.received(inner.self(), peer, MessageCodec.decode(m));
    return m;
  }

  @Override
  public void close() {
    inner.close();
  }
}
