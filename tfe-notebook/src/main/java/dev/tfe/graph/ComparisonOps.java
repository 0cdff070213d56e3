package dev.tfe.graph;

import dev.tfe.ring.Comparisons;
import dev.tfe.ring.ConvGeometry;
import dev.tfe.ring.Shapes;

/**
 * Typed builders for comparisons in the clear, on ring elements read as signed 64-bit integers:
 * the maximum and argmax over an axis and max pooling (kernels in {@link Comparisons}). The
 * plaintext protocol computes with them, and any protocol uses them on public tensors; they are
 * local ring operations like {@link Ops#nonNegative}, not part of any protocol.
 */
public final class ComparisonOps {
  public static final String MAX = "cmp.max";
  public static final String ARGMAX = "cmp.argmax";
  public static final String MAX_POOL = "cmp.maxpool2d";

  private final Graph graph;

  public ComparisonOps(Ops ops) {
    this.graph = ops.graph();
  }

  /** The signed maximum over {@code axis}, removing it. */
  public NodeRef max(NodeRef a, int axis) {
    int ax = axis(a, axis, "max");
    return graph.add(MAX, a.party(), Attrs.of("axis", (long) ax), Comparisons.without(a.shape(), ax), 8, a);
  }

  /** The index of the signed maximum over {@code axis} (lowest on ties), or its one-hot mask. */
  public NodeRef argmax(NodeRef a, int axis, boolean oneHot) {
    int ax = axis(a, axis, "argmax");
    int[] out = oneHot ? a.shape() : Comparisons.without(a.shape(), ax);
    return graph.add(ARGMAX, a.party(), Attrs.of("axis", (long) ax, "oneHot", oneHot ? 1L : 0L), out, 8, a);
  }

  /** Max pooling of an NHWC tensor in the clear; padding cells are ignored. */
  public NodeRef maxPool(NodeRef a, ConvGeometry g) {
    return graph.add(MAX_POOL, a.party(), Attrs.of("geometry", g.toInts()),
        new int[] {g.batch(), g.outH(), g.outW(), g.channels()}, 8, a);
  }

  private static int axis(NodeRef a, int axis, String op) {
    int rank = a.shape().length;
    int ax = axis < 0 ? rank + axis : axis;
    if (ax < 0 || ax >= rank) {
      throw new IllegalArgumentException(op + ": axis " + axis + " out of range for shape " + Shapes.str(a.shape()));
    }
    return ax;
  }
}
