package dev.tfe.fixedpoint;

/**
 * A value to encode in fixed point is NaN or infinite: no scaling makes it fit, so the error
 * tells the user to clean the data rather than to scale it (as an overflow would).
 */
public class NotFiniteValueException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public NotFiniteValueException(String message) {
    super(message);
  }
}
