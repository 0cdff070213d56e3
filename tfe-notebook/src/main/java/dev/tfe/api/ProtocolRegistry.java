package dev.tfe.api;

import dev.tfe.fixedpoint.FixedPoint;
import dev.tfe.graph.Ops;
import dev.tfe.protocol.Parties;
import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.ProtocolModule;
import dev.tfe.runtime.Kernels;
import dev.tfe.runtime.OpModule;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A session's protocols by module id (DESIGN.md section 4b): registering a module installs its op
 * modules in the session's op set, declares the parties of its roles and makes its protocol
 * object, once per id. Registering the same module again returns the same object; registering a
 * new definition of it (a notebook cell run again: a new class of the same name, see
 * {@link Kernels#isRedefinition}) replaces it, its op modules included; another module claiming
 * the id is refused.
 */
final class ProtocolRegistry {
  private record Registered(ProtocolModule<?> module, Protocol protocol) {}

  private final Map<String, Registered> byId = new HashMap<>();
  private final Kernels kernels;
  private final Ops ops;
  private final FixedPoint fp;
  private final Parties servers;
  private final Consumer<String> declareParty;

  ProtocolRegistry(Kernels kernels, Ops ops, FixedPoint fp, Parties servers, Consumer<String> declareParty) {
    this.kernels = kernels;
    this.ops = ops;
    this.fp = fp;
    this.servers = servers;
    this.declareParty = declareParty;
  }

  synchronized <P extends Protocol> P use(ProtocolModule<P> module) {
    Registered known = byId.get(module.id());
    if (known != null && known.module().getClass() == module.getClass()) {
      @SuppressWarnings("unchecked")
      P p = (P) known.protocol();
      return p;
    }
    if (known != null && !Kernels.isRedefinition(known.module(), module)) {
      throw new IllegalStateException("protocol module id '" + module.id() + "' is taken by "
          + known.module().getClass().getName() + "; give " + module.getClass().getName() + " another id");
    }
    P p = fresh(module);
    byId.put(module.id(), new Registered(module, p));
    return p;
  }

  /** A new protocol object of {@code module}, its op modules installed and parties declared. */
  synchronized <P extends Protocol> P fresh(ProtocolModule<P> module) {
    for (OpModule m : module.opModules()) {
      kernels.install(m);
    }
    for (String role : module.roles()) {
      declareParty.accept(servers.party(role));
    }
    return module.create(ops, fp, servers);
  }
}
