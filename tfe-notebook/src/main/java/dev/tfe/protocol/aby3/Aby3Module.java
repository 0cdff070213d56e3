package dev.tfe.protocol.aby3;

import dev.tfe.fixedpoint.FixedPoint;
import dev.tfe.graph.Ops;
import dev.tfe.protocol.Parties;
import dev.tfe.protocol.ProtocolModule;
import dev.tfe.protocol.aby3.kernels.Aby3Kernels;
import dev.tfe.protocol.share.RowSelect;
import dev.tfe.runtime.OpModule;
import java.util.List;

/**
 * ABY3 as a protocol module (id {@value Aby3#NAME}): three symmetric parties, which play the
 * session's roles {@code server0}, {@code server1} and {@code server2} (none of them deals: the
 * third role is a share holder like the others); its graphs need ABY3's op module
 * ({@link Aby3Kernels}). Register with {@code tfe.use(Aby3Module.INSTANCE)} or {@code tfe.aby3()}.
 */
public final class Aby3Module implements ProtocolModule<Aby3> {
  /** The one instance (stateless). */
  public static final Aby3Module INSTANCE = new Aby3Module();

  private Aby3Module() {}

  @Override
  public String id() {
    return Aby3.NAME;
  }

  /** The three symmetric share holders. */
  @Override
  public List<String> roles() {
    return Parties.THREE_SERVERS;
  }

  @Override
  public List<OpModule> opModules() {
    return List.of(RowSelect.INSTANCE, Aby3Kernels.INSTANCE);
  }

  @Override
  public Aby3 create(Ops ops, FixedPoint fp, Parties parties) {
    return new Aby3(ops, fp, parties);
  }
}
