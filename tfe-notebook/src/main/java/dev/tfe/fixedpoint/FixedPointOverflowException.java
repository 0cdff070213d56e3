package dev.tfe.fixedpoint;

/** A value does not fit the fixed-point range of a {@link FixedPointConfig}. */
public class FixedPointOverflowException extends ArithmeticException {
  private static final long serialVersionUID = 1L;

  public FixedPointOverflowException(String message) {
    super(message);
  }
}
