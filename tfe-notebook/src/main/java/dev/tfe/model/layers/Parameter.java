package dev.tfe.model.layers;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One named tensor of a layer: a weight that training updates ({@link #trainable()}), or state
 * that it maintains by other means (a batch normalisation's running mean). The value is a
 * {@code DOUBLE}, row-major ({@code 'c'}) ND4J array whose shape never changes; training and
 * loading write into it in place, so references to {@link #value()} stay valid.
 *
 * <p>The gradient buffer holds the derivative of the loss with respect to the value after the
 * layer's last backward pass (zeros before any); optimisers read it.
 */
public final class Parameter {
  private final String name;
  private final INDArray value;
  private final INDArray gradient;
  private final boolean trainable;
  private boolean assigned;

  Parameter(String name, INDArray value, boolean trainable) {
    this.name = name;
    this.value = NdArrays.toDoubleC(value);
    this.gradient = Nd4j.zeros(DataType.DOUBLE, this.value.shape());
    this.trainable = trainable;
  }

  /** A trainable parameter holding a copy of {@code initial}. */
  static Parameter trainable(String name, INDArray initial) {
    return new Parameter(name, initial.dup('c'), true);
  }

  /** A non-trainable state tensor holding a copy of {@code initial}. */
  static Parameter state(String name, INDArray initial) {
    Parameter p = new Parameter(name, initial.dup('c'), false);
    p.assigned = true;
    return p;
  }

  /** The name, unique within its layer (for example {@code "kernel"}, {@code "bias"}). */
  public String name() {
    return name;
  }

  /** The live value; do not change its shape. */
  public INDArray value() {
    return value;
  }

  /** The gradient of the last backward pass (same shape as the value). */
  public INDArray gradient() {
    return gradient;
  }

  /** Whether optimisers update this parameter. */
  public boolean trainable() {
    return trainable;
  }

  /**
   * Whether a value was given with {@link #set} (by an initialiser, a loader or the user), as
   * opposed to the zeros a layer starts with before its model draws its weights.
   */
  public boolean isAssigned() {
    return assigned;
  }

  public long[] shape() {
    return value.shape();
  }

  public long size() {
    return value.length();
  }

  /**
   * Copies {@code newValue} into this parameter, converting it to {@code DOUBLE}.
   *
   * @throws ShapeMismatchException if the shapes differ
   */
  public void set(INDArray newValue) {
    if (!Arrays.equals(newValue.shape(), value.shape())) {
      throw new ShapeMismatchException("parameter '" + name + "' has shape " + Arrays.toString(value.shape())
          + ", cannot set it to a tensor of shape " + Arrays.toString(newValue.shape()));
    }
    value.assign(newValue.castTo(DataType.DOUBLE));
    assigned = true;
  }

  @Override
  public String toString() {
    return name + Arrays.toString(value.shape()) + (trainable ? "" : " (state)");
  }
}
