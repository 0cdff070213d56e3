package dev.tfe.profile;

import dev.tfe.graph.ValueKind;
import java.util.Objects;

/**
 * What one party saw of one kind from one source in a run: the values it received from a peer
 * (or, for {@link ValueKind#INPUT}, was fed by the caller), the messages that carried them, and
 * their payload bytes. The kind is the one the protocol op declared where it sends the value
 * ({@link dev.tfe.graph.Ops#move(dev.tfe.graph.NodeRef, String, ValueKind)}).
 *
 * @param party the party that saw the values
 * @param kind what they are
 * @param from the peer that sent them, or {@link #CALLER} for the party's own input
 * @param values the number of tensors
 * @param messages the number of messages (one batch per peer and step) that carried some of them; 0 for inputs
 * @param bytes payload bytes (8 per ring element, 1 for small values), as the profile counts them
 */
public record SeenStats(String party, ValueKind kind, String from, long values, long messages, long bytes) {
  /** The source of a party's own input: the caller that fed it. */
  public static final String CALLER = "(caller)";

  public SeenStats {
    Objects.requireNonNull(party, "party");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(from, "from");
  }

  /** Whether these values came from a peer (a message), not from the caller. */
  public boolean received() {
    return !from.equals(CALLER);
  }

  /** The sum of two records of the same party, kind and source. */
  SeenStats plus(SeenStats o) {
    return new SeenStats(party, kind, from, values + o.values, messages + o.messages, bytes + o.bytes);
  }
}
