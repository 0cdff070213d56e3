package dev.tfe.protocol.fss;

import dev.tfe.fixedpoint.FixedPoint;
import dev.tfe.graph.Ops;
import dev.tfe.protocol.Parties;
import dev.tfe.protocol.ProtocolModule;
import dev.tfe.protocol.fss.kernels.FssKernels;
import dev.tfe.protocol.fss.kernels.SignKeys;
import dev.tfe.protocol.share.RowSelect;
import dev.tfe.runtime.OpModule;
import java.util.List;

/**
 * The FSS protocol as a protocol module (id {@value Fss#NAME}): three servers, the third dealing
 * comparison keys; its graphs need the FSS op module ({@link FssKernels}) and the row selection
 * of argmax besides the ring kernels. Register with {@code tfe.use(FssModule.automatic())}.
 *
 * @param compareBits the compared bit width, or 0 for the default of the session's fixed point
 *     ({@link Fss#defaultBits})
 */
public record FssModule(int compareBits) implements ProtocolModule<Fss> {

  public FssModule {
    if (compareBits != 0) {
      SignKeys.checkBits(compareBits);
    }
  }

  /** FSS comparing on the default width for the session's fixed point. */
  public static FssModule automatic() {
    return new FssModule(0);
  }

  @Override
  public String id() {
    return compareBits == 0 ? Fss.NAME : Fss.NAME + ".k" + compareBits;
  }

  @Override
  public List<OpModule> opModules() {
    return List.of(RowSelect.INSTANCE, FssKernels.INSTANCE);
  }

  @Override
  public Fss create(Ops ops, FixedPoint fp, Parties parties) {
    return compareBits == 0 ? new Fss(ops, fp, parties) : new Fss(ops, fp, parties, compareBits);
  }
}
