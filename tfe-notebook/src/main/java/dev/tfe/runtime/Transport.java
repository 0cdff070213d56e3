package dev.tfe.runtime;

import java.time.Duration;

/**
 * The narrow interface between a party and the network: send bytes to a named peer, receive the
 * next message from a named peer. Messages between two parties arrive in the order they were
 * sent. Implementations: {@link InMemoryNetwork} (threads in one JVM) and, in
 * {@code party-launcher}, ZeroMQ; {@link MeteredTransport} decorates any of them with counters
 * (after FRESCO's {@code Network} and {@code NetworkLoggingDecorator}).
 */
public interface Transport extends AutoCloseable {
  /** The name of the party this endpoint belongs to. */
  String self();

  /** Queues {@code message} for {@code peer}; the array must not be modified afterwards. */
  void send(String peer, byte[] message);

  /**
   * The next message from {@code peer}, waiting at most {@code timeout}.
   *
   * @throws PeerException if the peer is unknown, gone, or silent for longer than the timeout
   */
  byte[] receive(String peer, Duration timeout);

  @Override
  default void close() {}
}
