package dev.tfe.protocol;

import dev.tfe.fixedpoint.FixedPoint;
import dev.tfe.graph.Ops;
import dev.tfe.runtime.OpModule;
import java.util.List;

/**
 * A protocol as a plug-in: its id, the party roles it needs, the op modules whose kernels its
 * graphs use beyond the ring's, and a factory for the protocol object. A session registers it
 * with one call ({@code tfe.use(module)}), which installs the op modules in the session's op
 * set and declares the parties; party processes install the same op modules from the ids their
 * plans name.
 *
 * @param <P> the protocol type it makes
 */
public interface ProtocolModule<P extends Protocol> {
  /** A stable id, e.g. {@code "pond"}; one protocol object per id and session. */
  String id();

  /**
   * The roles of the parties the protocol needs (any number); the session's {@link Parties} must
   * have a party for each. Pond's and SecureNN's: {@link Parties#THREE_SERVERS}.
   */
  default List<String> roles() {
    return Parties.THREE_SERVERS;
  }

  /** The op modules the protocol's graphs need besides the ring kernels (none by default). */
  default List<OpModule> opModules() {
    return List.of();
  }

  /** A new protocol object writing to {@code ops}. */
  P create(Ops ops, FixedPoint fp, Parties parties);
}
