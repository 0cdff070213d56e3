package dev.tfe.model.layers;

/**
 * A tensor or parameter has the wrong shape for a layer or model. The message names the layer
 * (and, inside a model, its position) together with the expected and the actual shape.
 */
public class ShapeMismatchException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public ShapeMismatchException(String message) {
    super(message);
  }

  public ShapeMismatchException(String message, Throwable cause) {
    super(message, cause);
  }
}
