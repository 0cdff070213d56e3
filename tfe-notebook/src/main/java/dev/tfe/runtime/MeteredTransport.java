package dev.tfe.runtime;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts bytes and messages sent to and received from each peer, around any transport. */
public final class MeteredTransport implements Transport {
  private final Transport inner;
  private final Map<String, AtomicLong> sent = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> received = new ConcurrentHashMap<>();
  private final AtomicLong messagesSent = new AtomicLong();

  public MeteredTransport(Transport inner) {
    this.inner = inner;
  }

  @Override
  public String self() {
    return inner.self();
  }

  @Override
  public void send(String peer, byte[] message) {
    inner.send(peer, message);
    sent.computeIfAbsent(peer, k -> new AtomicLong()).addAndGet(message.length);
    messagesSent.incrementAndGet();
  }

  @Override
  public byte[] receive(String peer, Duration timeout) {
    byte[] m = inner.receive(peer, timeout);
    received.computeIfAbsent(peer, k -> new AtomicLong()).addAndGet(m.length);
    return m;
  }

  /** Bytes sent so far, all peers, headers included. */
  public long bytesSent() {
    return sent.values().stream().mapToLong(AtomicLong::get).sum();
  }

  /** Bytes received so far, all peers, headers included. */
  public long bytesReceived() {
    return received.values().stream().mapToLong(AtomicLong::get).sum();
  }

  public long bytesSentTo(String peer) {
    AtomicLong a = sent.get(peer);
    return a == null ? 0 : a.get();
  }

  public long messagesSent() {
    return messagesSent.get();
  }

  @Override
  public void close() {
    inner.close();
  }
}
