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
 * twice is harmless; a new definition of a module (a notebook cell run again, which makes a new
 * class of the same name) replaces the old one. Two modules claiming one op are refused. Nothing
 * is found by classpath scanning: every runtime, in-process or in a party process, executes the
 * kernels of the modules named in its plans.
 */
public final class Kernels {
  private final Map<String, Kernel> kernels = new HashMap<>();
  private final Map<String, OpModule> modules = new LinkedHashMap<>();
  /** The id of the module that registered each op. */
  private final Map<String, String> owners = new HashMap<>();
  /** The module whose kernels are being registered, or null. */
  private String installing;

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
   * Installs a module's kernels. Installing a module whose id is already installed does nothing
   * when it is the same module; when it is a new definition of it (see {@link #isRedefinition})
   * the new kernels replace the old ones; when another module claims the id, it fails.
   *
   * @throws IllegalStateException if the id is taken by another module, or if the module
   *     registers an op another module owns (the op set is then unchanged)
   */
  public synchronized Kernels install(OpModule module) {
    OpModule old = modules.get(module.id());
    if (old != null) {
      if (old.getClass() == module.getClass()) {
        return this;
      }
      if (!isRedefinition(old, module)) {
        throw new IllegalStateException("op module id '" + module.id() + "' is taken by " + old.getClass().getName()
            + "; give " + module.getClass().getName() + " another id");
      }
    }
    Map<String, Kernel> before = new HashMap<>(kernels);
    Map<String, String> ownersBefore = new HashMap<>(owners);
    owners.entrySet().removeIf(e -> {
      if (e.getValue().equals(module.id())) {
        kernels.remove(e.getKey());
        return true;
      }
      return false;
    });
    installing = module.id();
    try {
      module.registerInto(this);
    } catch (RuntimeException e) {
      kernels.clear();
      kernels.putAll(before);
      owners.clear();
      owners.putAll(ownersBefore);
      throw e;
    } finally {
      installing = null;
    }
    modules.put(module.id(), module);
    return this;
  }

  /**
   * Whether {@code next} is a new definition of {@code installed}: the same id, a different class
   * of the same simple name. That is what running a notebook cell again makes (JShell gives each
   * definition a class of its own), and what a user means by it.
   */
  public static boolean isRedefinition(Object installed, Object next) {
    return installed.getClass() != next.getClass()
        && installed.getClass().getSimpleName().equals(next.getClass().getSimpleName());
  }

  /** The installed module of id {@code id}, if any (the coordinator ships it to party processes). */
  public synchronized java.util.Optional<OpModule> module(String id) {
    return java.util.Optional.ofNullable(modules.get(id));
  }

  /** The ids of the installed modules, in installation order. */
  public synchronized List<String> moduleIds() {
    return new ArrayList<>(modules.keySet());
  }

  /** Registers one kernel (from a module's {@link OpModule#registerInto}). */
  public synchronized Kernels register(String op, Kernel k) {
    if (kernels.putIfAbsent(op, k) != null) {
      String owner = owners.get(op);
      throw new IllegalStateException("a kernel for op '" + op + "' is already registered"
          + (owner == null ? "" : " by op module '" + owner + "'")
          + (installing == null ? "" : "; module '" + installing + "' cannot claim it too: give its op another name"));
    }
    if (installing != null) {
      owners.put(op, installing);
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
