package dev.tfe.protocol.plain;

import dev.tfe.fixedpoint.FixedPoint;
import dev.tfe.graph.Ops;
import dev.tfe.protocol.Parties;
import dev.tfe.protocol.ProtocolModule;

/**
 * The plaintext reference protocol as a module (id {@value #ID}): no privacy, the oracle of the
 * conformance tests; ring kernels only (its comparisons are the ring's comparisons in the clear).
 */
public final class PlainModule implements ProtocolModule<PlainProtocol> {
  public static final String ID = "plain";
  /** The one instance. */
  public static final PlainModule INSTANCE = new PlainModule();

  private PlainModule() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public PlainProtocol create(Ops ops, FixedPoint fp, Parties parties) {
    return new PlainProtocol(ops, fp, parties);
  }
}
