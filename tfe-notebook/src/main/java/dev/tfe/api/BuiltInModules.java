package dev.tfe.api;

import dev.tfe.protocol.ProtocolModule;
import dev.tfe.protocol.aby3.Aby3Module;
import dev.tfe.protocol.aby3.kernels.Aby3Kernels;
import dev.tfe.protocol.fss.FssModule;
import dev.tfe.protocol.fss.kernels.FssKernels;
import dev.tfe.protocol.plain.PlainModule;
import dev.tfe.protocol.pond.PondModule;
import dev.tfe.protocol.securenn.SecureNnModule;
import dev.tfe.protocol.securenn.kernels.SecureNnKernels;
import dev.tfe.protocol.share.RowSelect;
import dev.tfe.protocol.share.TruncationMode;
import dev.tfe.runtime.Kernels;
import dev.tfe.runtime.OpModule;
import dev.tfe.runtime.RingKernels;
import java.util.List;
import java.util.Map;

/**
 * The built-in protocol modules, and the op modules a party process knows by id: those of the
 * built-in protocols. A party process
 * builds the op set of a run from the module ids its plan names ({@link #kernelsFor}), so that
 * whatever the coordinator's session can run with built-in protocols, the party can run too; a
 * module it does not know is refused with its id.
 */
public final class BuiltInModules {
  private static final Map<String, OpModule> BY_ID = Map.of(
      RingKernels.ID, RingKernels.INSTANCE,
      RowSelect.ID, RowSelect.INSTANCE,
      SecureNnKernels.ID, SecureNnKernels.INSTANCE,
      Aby3Kernels.ID, Aby3Kernels.INSTANCE,
      FssKernels.ID, FssKernels.INSTANCE);

  private BuiltInModules() {}

  /**
   * The built-in protocol modules, in the order the conformance suites run them: the plaintext
   * oracle, Pond (interactive and local truncation), SecureNN, ABY3 and FSS.
   */
  public static List<ProtocolModule<?>> protocols() {
    return List.of(PlainModule.INSTANCE, PondModule.interactive(), new PondModule(TruncationMode.LOCAL),
        SecureNnModule.interactive(), Aby3Module.INSTANCE, FssModule.automatic());
  }

  /** Whether a party process knows op module {@code id} by itself. */
  public static boolean has(String id) {
    return BY_ID.containsKey(id);
  }

  /** A new op set with the modules {@code ids} (the ring's always). */
  public static Kernels kernelsFor(List<String> ids) {
    return kernelsFor(ids, Map.of());
  }

  /**
   * A new op set with the modules {@code ids}: the built-in ones, else those in {@code received}
   * (modules a party process accepted from the launcher that started it).
   */
  public static Kernels kernelsFor(List<String> ids, Map<String, OpModule> received) {
    Kernels k = new Kernels();
    for (String id : ids) {
      OpModule m = BY_ID.containsKey(id) ? BY_ID.get(id) : received.get(id);
      if (m == null) {
        throw new IllegalStateException("the plan needs op module '" + id + "', which this party process does not have"
            + " (built in: " + BY_ID.keySet() + "); start the party with a build that contains it");
      }
      k.install(m);
    }
    return k;
  }
}
