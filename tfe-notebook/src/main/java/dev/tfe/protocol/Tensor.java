package dev.tfe.protocol;

import dev.tfe.ring.Shapes;

/**
 * A tensor of some protocol: a handle to graph nodes, never a value. Its kind says who may know
 * its value: {@link Kind#PUBLIC} values are known to the servers, {@link Kind#PRIVATE} values
 * are secret-shared, {@link Kind#MASKED} values are private values whose mask has been opened
 * once so that later products reuse it. Printing a tensor shows its shape, kind and holders.
 */
public abstract class Tensor {
  private final int[] shape;

  protected Tensor(int[] shape) {
    this.shape = shape.clone();
  }

  /** Who may know the value. */
  public enum Kind {
    PUBLIC,
    PRIVATE,
    MASKED
  }

  public final int[] shape() {
    return shape.clone();
  }

  public final int rank() {
    return shape.length;
  }

  public final int dim(int axis) {
    return shape[axis < 0 ? shape.length + axis : axis];
  }

  public abstract Kind kind();

  /** The name of the protocol that made this tensor. */
  public abstract String protocol();

  /** The parties that hold (shares of) the value. */
  public abstract String holders();

  @Override
  public String toString() {
    String k = kind().name().charAt(0) + kind().name().substring(1).toLowerCase();
    return k + "Tensor" + Shapes.str(shape) + " (" + protocol() + ", held by " + holders() + ")";
  }
}
