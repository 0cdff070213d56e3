package dev.tfe.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * What {@link Sequential#fit} did, epoch by epoch: the mean training loss and accuracy over the
 * epoch's mini-batches (measured during training, so with the weights changing within the epoch),
 * the validation loss and accuracy at the end of the epoch if a validation set was given
 * ({@code NaN} otherwise), and the epoch's wall time.
 */
public final class TrainingHistory {

  /** One epoch's figures; accuracies are fractions in [0, 1], {@code NaN} where not measured. */
  public record Epoch(int epoch, double loss, double accuracy, double validationLoss, double validationAccuracy,
      double seconds) {}

  private final List<Epoch> epochs = new ArrayList<>();
  private final String description;

  TrainingHistory(String description) {
    this.description = description;
  }

  void add(Epoch e) {
    epochs.add(e);
  }

  /** The epochs, in order. */
  public List<Epoch> epochs() {
    return Collections.unmodifiableList(epochs);
  }

  /** The training loss per epoch. */
  public double[] loss() {
    return epochs.stream().mapToDouble(Epoch::loss).toArray();
  }

  /** The training accuracy per epoch. */
  public double[] accuracy() {
    return epochs.stream().mapToDouble(Epoch::accuracy).toArray();
  }

  /** The validation loss per epoch ({@code NaN} without a validation set). */
  public double[] validationLoss() {
    return epochs.stream().mapToDouble(Epoch::validationLoss).toArray();
  }

  /** The validation accuracy per epoch ({@code NaN} without a validation set). */
  public double[] validationAccuracy() {
    return epochs.stream().mapToDouble(Epoch::validationAccuracy).toArray();
  }

  /** The last epoch. */
  public Epoch last() {
    if (epochs.isEmpty()) {
      throw new IllegalStateException("no epoch was run");
    }
    return epochs.get(epochs.size() - 1);
  }

  /** The total training time in seconds. */
  public double seconds() {
    return epochs.stream().mapToDouble(Epoch::seconds).sum();
  }

  /** The settings the model was trained with (epochs, batch size, optimiser, loss, seed). */
  public String description() {
    return description;
  }

  /** The history as a Tablesaw table: epoch, loss, accuracy, val_loss, val_accuracy, seconds. */
  public Table toTable() {
    return Table.create("training history",
        IntColumn.create("epoch", epochs.stream().mapToInt(Epoch::epoch).toArray()),
        DoubleColumn.create("loss", loss()),
        DoubleColumn.create("accuracy", accuracy()),
        DoubleColumn.create("val_loss", validationLoss()),
        DoubleColumn.create("val_accuracy", validationAccuracy()),
        DoubleColumn.create("seconds", epochs.stream().mapToDouble(Epoch::seconds).toArray()));
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(description).append('\n');
    for (Epoch e : epochs) {
      b.append(format(e)).append('\n');
    }
    return b.toString();
  }

  static String format(Epoch e) {
    String s = String.format("epoch %d: loss %.4f, accuracy %.2f%%", e.epoch(), e.loss(), 100 * e.accuracy());
    if (!Double.isNaN(e.validationLoss())) {
      s += String.format(", val_loss %.4f, val_accuracy %.2f%%", e.validationLoss(), 100 * e.validationAccuracy());
    }
    return s + String.format(" (%.1f s)", e.seconds());
  }
}
