package dev.tfe.graph;

import java.util.Objects;

/**
 * A protocol op as data: the protocol's id (as its module names it, e.g. {@code pond}) and the
 * op's name within it (e.g. {@code matmul}). Two ops of different protocols with the same name
 * are different kinds; {@link OpQuery#op(String)} selects them together.
 *
 * @param protocol the protocol id; {@code ""} only for {@link #NONE}
 * @param op the op name
 */
public record OpKind(String protocol, String op) {
  /** The kind of nodes built outside every protocol op. */
  public static final OpKind NONE = new OpKind("", "(top)");

  public OpKind {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(op, "op");
    if (op.isEmpty()) {
      throw new IllegalArgumentException("an op kind needs an op name");
    }
  }

  /** Display text, e.g. {@code pond.matmul}. */
  @Override
  public String toString() {
    return protocol.isEmpty() ? op : protocol + "." + op;
  }
}
