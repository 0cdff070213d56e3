package dev.tfe.runtime;

import dev.tfe.graph.Node;
import dev.tfe.ring.RingTensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A session's op set: the kernels of the op modules installed in it, an instance per session
 * (never a static). It starts with {@link RingKernels}; a protocol installs its module with
 * {@link #install(OpModule)}, which is idempotent per module id, so registering a protocol
 * twice (a notebook cell run again) is harmless. Nothing is found by classpath scanning: every
 * runtime, in-process or in a party process, executes the kernels of the modules named in its
 * plans.
 */
public final class Kernels {
  private final Map<String, Kernel> kernels = new HashMap<>();
  private final Map<String, OpModule> modules = new LinkedHashMap<>();

  /** An op set with the ring kernels only. */
  public Kernels() {
    install(RingKernels.INSTANCE);
  }

  /** An op set with the ring kernels and {@code extra}. */
  public static Kernels of(OpModule... extra) {
    Kernels k = new Kernels();
    for (OpModule m : extra) {
      k.install(m);
    }
    return k;
  }

  /**
   * Installs a module's kernels; installing a module whose id is already installed does nothing
   * when it is the same module, and fails when another module claims the id.
   */
  public synchronized Kernels install(OpModule module) {
    OpModule old = modules.get(module.id());
    if (old != null) {
      if (old.getClass() != module.getClass()) {
        throw new IllegalStateException("op module id '" + module.id() + "' is taken by " + old.getClass().getName()
            + "; give " + module.getClass().getName() + " another id");
      }
      return this;
    }
    module.registerInto(this);
    modules.put(module.id(), module);
    return this;
  }

  /** The ids of the installed modules, in installation order. */
  public synchronized List<String> moduleIds() {
    return new ArrayList<>(modules.keySet());
  }

  /** Registers one kernel (from a module's {@link OpModule#registerInto}). */
  public synchronized Kernels register(String op, Kernel k) {
    if (kernels.putIfAbsent(op, k) != null) {
      throw new IllegalStateException("a kernel for op '" + op + "' is already registered");
    }
    return this;
  }

  public synchronized Kernel get(String op) {
    Kernel k = kernels.get(op);
    if (k == null) {
      throw new IllegalStateException("no kernel for op '" + op + "' among the op modules " + modules.keySet()
          + "; install the module that defines it (the protocol's module, via Tfe.use)");
    }
    return k;
  }

  public synchronized boolean has(String op) {
    return kernels.containsKey(op);
  }

  /** Runs the node's kernel. */
  public RingTensor apply(Node node, RingTensor[] inputs, PartyState party) {
    return get(node.op()).apply(node, inputs, party);
  }
}
