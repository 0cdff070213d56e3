package dev.tfe.protocol.pond;

import dev.tfe.fixedpoint.FixedPoint;
import dev.tfe.graph.Ops;
import dev.tfe.protocol.Parties;
import dev.tfe.protocol.ProtocolModule;
import dev.tfe.protocol.share.TruncationMode;

/**
 * Pond as a protocol module (id {@value #ID}): two share-holding servers and a crypto producer;
 * its graphs use the ring kernels only. Register with {@code tfe.use(PondModule.interactive())}
 * or {@code tfe.pond()}.
 *
 * @param truncation how products are truncated
 */
public record PondModule(TruncationMode truncation) implements ProtocolModule<Pond> {
  public static final String ID = "pond";

  /** Pond with interactive truncation, the default. */
  public static PondModule interactive() {
    return new PondModule(TruncationMode.INTERACTIVE);
  }

  @Override
  public String id() {
    return truncation == TruncationMode.INTERACTIVE ? ID : ID + "." + truncation.name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public Pond create(Ops ops, FixedPoint fp, Parties parties) {
    return new Pond(ops, fp, parties, truncation);
  }
}
