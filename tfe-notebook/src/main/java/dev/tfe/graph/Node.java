package dev.tfe.graph;

import java.util.Arrays;

/**
 * One op of the computation graph, as data: its kind (a kernel name such as {@code "add"}),
 * attributes, inputs (ids of earlier nodes), the party that computes it, what it belongs to
 * (its {@link OpIdentity}: layers, protocol op and sub-protocols, which the profile, the drawing
 * and the cost views group by), its output shape, and the width in bytes of one element on the
 * wire.
 *
 * <p>Inputs always have smaller ids than the node, so ascending ids are a topological order.
 * An input placed on another party is a cross-party edge: the planner turns it into a message.
 */
public final class Node {
  private final int id;
  private final String op;
  private final String party;
  private final OpIdentity identity;
  private final Attrs attrs;
  private final int[] inputs;
  private final int[] shape;
  private final int wireBytes;

  public Node(int id, String op, String party, OpIdentity identity, Attrs attrs, int[] inputs, int[] shape, int wireBytes) {
    if (wireBytes != 1 && wireBytes != 2 && wireBytes != 4 && wireBytes != 8) {
      throw new IllegalArgumentException("wire width must be 1, 2, 4 or 8 bytes, got " + wireBytes);
    }
    this.id = id;
    this.op = op;
    this.party = party;
    this.identity = java.util.Objects.requireNonNull(identity, "identity");
    this.attrs = attrs;
    this.inputs = inputs.clone();
    this.shape = shape.clone();
    this.wireBytes = wireBytes;
  }

  public int id() {
    return id;
  }

  public String op() {
    return op;
  }

  public String party() {
    return party;
  }

  /** What this node belongs to: its layers, protocol op and sub-protocols. */
  public OpIdentity identity() {
    return identity;
  }

  public Attrs attrs() {
    return attrs;
  }

  public int[] inputs() {
    return inputs.clone();
  }

  public int input(int i) {
    return inputs[i];
  }

  public int inputCount() {
    return inputs.length;
  }

  public int[] shape() {
    return shape.clone();
  }

  public int wireBytes() {
    return wireBytes;
  }

  @Override
  public String toString() {
    return "#" + id + " " + op + "@" + party + " " + Arrays.toString(shape) + " in=" + Arrays.toString(inputs)
        + (attrs.asMap().isEmpty() ? "" : " " + attrs) + " [" + identity + "]";
  }
}
