package dev.tfe.model.privatetrain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the model owner learns from private training, epoch by epoch: the mean tracked loss
 * figure (NaN unless training was asked to reveal it) and the epoch's wall-clock time.
 */
public final class PrivateHistory {
  /** One epoch: its number (from 1), the revealed loss figure or NaN, seconds. */
  public record Epoch(int epoch, double loss, double seconds) {
    @Override
    public String toString() {
      return String.format("epoch %d: loss %.5f (%.1f s)", epoch, loss, seconds);
    }
  }

  private final String metric;
  private final List<Epoch> epochs = new ArrayList<>();

  PrivateHistory(String metric) {
    this.metric = metric;
  }

  void add(Epoch e) {
    epochs.add(e);
  }

  /** The name of the loss figure (for example the Brier score of the probabilities). */
  public String metric() {
    return metric;
  }

  public List<Epoch> epochs() {
    return Collections.unmodifiableList(epochs);
  }

  /** The loss figure of every epoch. */
  public double[] loss() {
    return epochs.stream().mapToDouble(Epoch::loss).toArray();
  }

  /** Total seconds. */
  public double seconds() {
    return epochs.stream().mapToDouble(Epoch::seconds).sum();
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("private training, loss = " + metric + "\n");
    epochs.forEach(e -> b.append(e).append('\n'));
    return b.toString();
  }
}
