package dev.tfe.runtime;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Channels between parties that run as threads of one JVM: one unbounded FIFO queue per ordered
 * pair of parties. {@link #abort} wakes every waiting receiver with an error, so that one failed
 * party stops the others within milliseconds instead of leaving them to time out.
 */
public final class InMemoryNetwork {
  private static final byte[] POISON = new byte[0];
  private final Set<String> parties;
  private final Map<String, BlockingQueue<byte[]>> queues = new ConcurrentHashMap<>();
  private volatile String abortReason;

  public InMemoryNetwork(Set<String> parties) {
    this.parties = Set.copyOf(parties);
  }

  /** The endpoint of {@code party}. */
  public Transport endpoint(String party) {
    requireParty(party);
    return new Endpoint(party);
  }

  /** Fails every pending and future receive with {@code reason}, until {@link #reset}. */
  public void abort(String reason) {
    abortReason = reason;
    for (BlockingQueue<byte[]> q : queues.values()) {
      q.offer(POISON);
    }
  }

  /** Drops queued messages and clears an abort, before a new run. */
  public void reset() {
    abortReason = null;
    queues.clear();
  }

  private BlockingQueue<byte[]> queue(String from, String to) {
    return queues.computeIfAbsent(from + "->" + to, k -> new LinkedBlockingQueue<>());
  }

  private void requireParty(String p) {
    if (!parties.contains(p)) {
      throw new PeerException(p, "unknown party '" + p + "'; known parties: " + parties);
    }
  }

  private final class Endpoint implements Transport {
    private final String self;

    Endpoint(String self) {
      this.self = self;
    }

    @Override
    public String self() {
      return self;
    }

    @Override
    public void send(String peer, byte[] message) {
      requireParty(peer);
      queue(self, peer).add(message);
    }

    @Override
    public byte[] receive(String peer, Duration timeout) {
      requireParty(peer);
      String reason = abortReason;
      if (reason != null) {
        throw new PeerException(peer, "run aborted: " + reason);
      }
      byte[] m;
      try {
        m = queue(peer, self).poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PeerException(peer, self + " was interrupted while waiting for " + peer);
      }
      if (m == null) {
        throw new PeerException(peer, self + " waited " + timeout.toSeconds() + " s for a message from " + peer
            + " and got none; the peer is stuck or dead");
      }
      if (m == POISON) {
        throw new PeerException(peer, "run aborted: " + abortReason);
      }
      return m;
    }
  }
}
