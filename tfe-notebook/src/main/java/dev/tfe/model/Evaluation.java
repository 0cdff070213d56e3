package dev.tfe.model;

/**
 * The result of {@link Sequential#evaluate}: the mean loss, and for classification the accuracy
 * (fraction of examples whose arg-max output is the label; {@code NaN} for regression).
 */
public record Evaluation(double loss, double accuracy, int correct, int size, String lossName) {

  @Override
  public String toString() {
    if (Double.isNaN(accuracy)) {
      return String.format("%s %.4f on %d examples", lossName, loss, size);
    }
    return String.format("accuracy %.2f%% (%d/%d), %s %.4f", 100 * accuracy, correct, size, lossName, loss);
  }
}
