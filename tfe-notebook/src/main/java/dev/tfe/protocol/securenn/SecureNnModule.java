package dev.tfe.protocol.securenn;

import dev.tfe.fixedpoint.FixedPoint;
import dev.tfe.graph.Ops;
import dev.tfe.protocol.Parties;
import dev.tfe.protocol.ProtocolModule;
import dev.tfe.protocol.securenn.kernels.SecureNnKernels;
import dev.tfe.protocol.share.RowSelect;
import dev.tfe.protocol.share.TruncationMode;
import dev.tfe.runtime.OpModule;
import java.util.List;
import java.util.Locale;

/**
 * SecureNN as a protocol module (id {@value SecureNn#NAME}): three servers, the third helping to
 * compare; its graphs need SecureNN's op module ({@link SecureNnKernels}) besides the ring
 * kernels. Register with {@code tfe.use(SecureNnModule.interactive())} or {@code tfe.secureNn()}.
 *
 * @param truncation how products are truncated
 */
public record SecureNnModule(TruncationMode truncation) implements ProtocolModule<SecureNn> {

  /** SecureNN with interactive truncation, the default. */
  public static SecureNnModule interactive() {
    return new SecureNnModule(TruncationMode.INTERACTIVE);
  }

  @Override
  public String id() {
    return truncation == TruncationMode.INTERACTIVE ? SecureNn.NAME : SecureNn.NAME + "." + truncation.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public List<OpModule> opModules() {
    return List.of(RowSelect.INSTANCE, SecureNnKernels.INSTANCE);
  }

  @Override
  public SecureNn create(Ops ops, FixedPoint fp, Parties parties) {
    return new SecureNn(ops, fp, parties, truncation);
  }
}
