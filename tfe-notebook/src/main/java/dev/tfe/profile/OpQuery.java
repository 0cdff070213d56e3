package dev.tfe.profile;

import dev.tfe.graph.OpIdentity;
import dev.tfe.graph.OpKind;

/**
 * Selects nodes, or profile records, by their {@link OpIdentity}: by op name, by protocol and
 * op, by protocol, by layer, or by a layer and an op together. Selection is inclusive: a node matches an op if any
 * of its op frames is that op, so {@code op("relu")} counts the nodes of ReLU's sub-protocols
 * too, and {@code op("drelu")} counts DReLU whether called alone or within ReLU. Names match
 * exactly: {@code op("mul")} never counts {@code matmul}.
 *
 * @param layer a layer frame's name that must be open, or null for any
 * @param protocol the protocol of the matching op frame, or null for any
 * @param op the name of the matching op frame, or null for any
 */
public record OpQuery(String layer, String protocol, String op) {

  public OpQuery {
    if (layer == null && protocol == null && op == null) {
      throw new IllegalArgumentException("an op query needs a layer, a protocol or an op");
    }
  }

  /** Ops named {@code op} of any protocol, e.g. {@code mul}. */
  public static OpQuery op(String op) {
    return new OpQuery(null, null, requireName(op, "op"));
  }

  /** Op {@code op} of {@code protocol}, e.g. {@code ("pond", "mul")}. */
  public static OpQuery op(String protocol, String op) {
    return new OpQuery(null, requireName(protocol, "protocol"), requireName(op, "op"));
  }

  /** The op of kind {@code kind}. */
  public static OpQuery of(OpKind kind) {
    return op(kind.protocol(), kind.op());
  }

  /** Every op of {@code protocol}. */
  public static OpQuery protocol(String protocol) {
    return new OpQuery(null, requireName(protocol, "protocol"), null);
  }

  /** Everything within the layer named {@code layer}, e.g. {@code dense_1}. */
  public static OpQuery layer(String layer) {
    return new OpQuery(requireName(layer, "layer"), null, null);
  }

  /** This query, restricted to the layer named {@code layer}. */
  public OpQuery inLayer(String layer) {
    return new OpQuery(requireName(layer, "layer"), protocol, op);
  }

  /** Whether a node with identity {@code id} is selected. */
  public boolean matches(OpIdentity id) {
    if (layer != null && id.layers().stream().noneMatch(l -> l.name().equals(layer))) {
      return false;
    }
    if (protocol == null && op == null) {
      return true;
    }
    for (OpIdentity.Op o : id.ops()) {
      if ((protocol == null || o.protocol().equals(protocol)) && (op == null || o.op().equals(op))) {
        return true;
      }
    }
    return false;
  }

  private static String requireName(String s, String what) {
    if (s == null || s.isBlank()) {
      throw new IllegalArgumentException("an op query's " + what + " must not be blank");
    }
    return s;
  }

  @Override
  public String toString() {
    String o = protocol == null ? (op == null ? "" : op) : (op == null ? protocol + ".*" : protocol + "." + op);
    return layer == null ? o : o.isEmpty() ? "layer " + layer : o + " in layer " + layer;
  }
}
