package dev.tfe.protocol;

import dev.tfe.runtime.MessageCodec;
import dev.tfe.runtime.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records, per party, every element it receives in one run, in order: the view of that party
 * in the sense of the simulation proofs. Install with {@code InProcessRuntime.setTransportDecorator}.
 */
public final class ReceivedValues {
  /** One received element, its width on the wire in bytes, and the id of the node that produced it. */
  public record Element(long value, int width, int node) {}

  private final Map<String, List<Element>> byParty = new ConcurrentHashMap<>();

  public Transport wrap(Transport t) {
    return new Transport() {
      @Override
      public String self() {
        return t.self();
      }

      @Override
      public void send(String peer, byte[] message) {
        t.send(peer, message);
      }

      @Override
      public byte[] receive(String peer, Duration timeout) {
        byte[] m = t.receive(peer, timeout);
        List<Element> l = byParty.computeIfAbsent(t.self(), k -> java.util.Collections.synchronizedList(new ArrayList<>()));
        for (MessageCodec.Entry e : MessageCodec.decode(m).entries()) {
          for (long v : e.value().data()) {
            l.add(new Element(v, e.width(), e.nodeId()));
          }
        }
        return m;
      }
    };
  }

  /** What {@code party} received since the last call, and forgets it. */
  public List<Element> take(String party) {
    List<Element> l = byParty.remove(party);
    return l == null ? List.of() : List.copyOf(l);
  }
}
