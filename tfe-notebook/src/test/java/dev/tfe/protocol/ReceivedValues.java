package dev.tfe.protocol;

import dev.tfe.runtime.MessageCodec;
import dev.tfe.runtime.Transport;
import dev.tfe.runtime.ObservedTransport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records, per party, every element it receives in one run, in order: the view of that party
 * in the sense of the simulation proofs. Install with {@code InProcessRuntime.setTransportDecorator(values::wrap)}.
 */
public final class ReceivedValues {
  /** One received element, its width on the wire in bytes, and the id of the node that produced it. */
  public record Element(long value, int width, int node) {}

  private final Map<String, List<Element>> byParty = new ConcurrentHashMap<>();

  public Transport wrap(Transport t) {
    return new ObservedTransport(t, (self, peer, batch) -> {
      List<Element> l = byParty.computeIfAbsent(self, k -> Collections.synchronizedList(new ArrayList<>()));
      for (MessageCodec.Entry e : batch.entries()) {
        for (long v : e.value().data()) {
          l.add(new Element(v, e.width(), e.nodeId()));
        }
      }
    });
  }

  /** What {@code party} received since the last call, and forgets it. */
  public List<Element> take(String party) {
    List<Element> l = byParty.remove(party);
    return l == null ? List.of() : List.copyOf(l);
  }
}
