package dev.tfe.graph;

import java.util.Arrays;

/** A handle to a node's output: its id, the party that holds the value, and its shape. */
public record NodeRef(int id, String party, int[] shape) {
  public NodeRef {
    shape = shape.clone();
  }

  @Override
  public int[] shape() {
    return shape.clone();
  }

  public int size() {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NodeRef r && r.id == id && r.party.equals(party) && Arrays.equals(r.shape, shape);
  }

  @Override
  public int hashCode() {
    return id;
  }

  @Override
  public String toString() {
    return "#" + id + "@" + party + Arrays.toString(shape);
  }
}
