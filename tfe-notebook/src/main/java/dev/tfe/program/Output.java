package dev.tfe.program;

import dev.tfe.graph.NodeRef;

/** A value to be revealed to one party when the graph runs: made by {@link Program#defineOutput}. */
public record Output(String key, Party receiver, NodeRef node, int[] shape) {
  public Output {
    shape = shape.clone();
  }

  @Override
  public int[] shape() {
    return shape.clone();
  }

  @Override
  public String toString() {
    return "Output '" + key + "' for " + receiver + " " + java.util.Arrays.toString(shape);
  }
}
