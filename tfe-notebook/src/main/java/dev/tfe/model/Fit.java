package dev.tfe.model;

import dev.tfe.data.Dataset;
import dev.tfe.model.train.Adam;
import dev.tfe.model.train.Loss;
import dev.tfe.model.train.Optimizer;
import java.util.function.Consumer;

/**
 * Immutable training options for {@link Sequential#fit}, built fluently:
 * {@code Fit.epochs(5).batchSize(64).adam(1e-3).seed(1)}. Each method returns a new {@code Fit}.
 *
 * <p>Defaults: 1 epoch, batch size 32, Adam with learning rate 0.001, cross-entropy for
 * classification data and mean squared error for regression data, mini-batches shuffled every
 * epoch from seed 0, no validation set, quiet.
 */
public final class Fit {
  private final int epochs;
  private final int batchSize;
  private final Optimizer optimizer;
  private final Loss loss;
  private final long seed;
  private final boolean shuffle;
  private final Dataset validation;
  private final boolean verbose;
  private final Consumer<TrainingHistory.Epoch> onEpoch;

  private Fit(int epochs, int batchSize, Optimizer optimizer, Loss loss, long seed, boolean shuffle, Dataset validation,
      boolean verbose, Consumer<TrainingHistory.Epoch> onEpoch) {
    if (epochs < 0 || batchSize <= 0) {
      throw new IllegalArgumentException("epochs must be >= 0 and batchSize > 0, got " + epochs + " and " + batchSize);
    }
    this.epochs = epochs;
    this.batchSize = batchSize;
    this.optimizer = optimizer;
    this.loss = loss;
    this.seed = seed;
    this.shuffle = shuffle;
    this.validation = validation;
    this.verbose = verbose;
    this.onEpoch = onEpoch;
  }

  /** Default options with this number of epochs (passes over the training set). */
  public static Fit epochs(int epochs) {
    return new Fit(epochs, 32, Optimizer.adam(1e-3), null, 0, true, null, false, null);
  }

  /** Default options: one epoch. */
  public static Fit defaults() {
    return epochs(1);
  }

  /** The number of examples per gradient step (the last batch of an epoch may be smaller). */
  public Fit batchSize(int batchSize) {
    return new Fit(epochs, batchSize, optimizer, loss, seed, shuffle, validation, verbose, onEpoch);
  }

  /** Adam with this learning rate and the usual constants (0.9, 0.999, 1e-8). */
  public Fit adam(double learningRate) {
    return optimizer(Optimizer.adam(learningRate));
  }

  /** Adam with every constant given. */
  public Fit adam(double learningRate, double beta1, double beta2, double epsilon) {
    return optimizer(new Adam(learningRate, beta1, beta2, epsilon));
  }

  /** Plain stochastic gradient descent. */
  public Fit sgd(double learningRate) {
    return optimizer(Optimizer.sgd(learningRate));
  }

  /** Stochastic gradient descent with momentum. */
  public Fit sgd(double learningRate, double momentum) {
    return optimizer(Optimizer.sgd(learningRate, momentum));
  }

  /** Any optimiser. */
  public Fit optimizer(Optimizer optimizer) {
    return new Fit(epochs, batchSize, optimizer, loss, seed, shuffle, validation, verbose, onEpoch);
  }

  /** The loss to minimise (default: chosen from the data set). */
  public Fit loss(Loss loss) {
    return new Fit(epochs, batchSize, optimizer, loss, seed, shuffle, validation, verbose, onEpoch);
  }

  /** The seed of the shuffling of mini-batches. (Weights are drawn by {@link Sequential#initialize(long)}.) */
  public Fit seed(long seed) {
    return new Fit(epochs, batchSize, optimizer, loss, seed, shuffle, validation, verbose, onEpoch);
  }

  /** Whether to shuffle the examples before each epoch (default true). */
  public Fit shuffle(boolean shuffle) {
    return new Fit(epochs, batchSize, optimizer, loss, seed, shuffle, validation, verbose, onEpoch);
  }

  /** A data set to evaluate at the end of every epoch (recorded in the history, never trained on). */
  public Fit validation(Dataset validation) {
    return new Fit(epochs, batchSize, optimizer, loss, seed, shuffle, validation, verbose, onEpoch);
  }

  /** Prints one line per epoch to standard output. */
  public Fit verbose() {
    return verbose(true);
  }

  public Fit verbose(boolean verbose) {
    return new Fit(epochs, batchSize, optimizer, loss, seed, shuffle, validation, verbose, onEpoch);
  }

  /** Calls {@code listener} after every epoch (for example to update a live chart). */
  public Fit onEpoch(Consumer<TrainingHistory.Epoch> listener) {
    return new Fit(epochs, batchSize, optimizer, loss, seed, shuffle, validation, verbose, listener);
  }

  public int epochs() {
    return epochs;
  }

  public int batchSize() {
    return batchSize;
  }

  public Optimizer optimizer() {
    return optimizer;
  }

  /** The loss, or {@code null} to choose it from the data set. */
  public Loss loss() {
    return loss;
  }

  public long seed() {
    return seed;
  }

  public boolean shuffle() {
    return shuffle;
  }

  /** The validation set, or {@code null}. */
  public Dataset validation() {
    return validation;
  }

  public boolean isVerbose() {
    return verbose;
  }

  Consumer<TrainingHistory.Epoch> listener() {
    return onEpoch;
  }

  @Override
  public String toString() {
    return "Fit(epochs=" + epochs + ", batchSize=" + batchSize + ", " + optimizer + ", loss="
        + (loss == null ? "auto" : loss.name()) + ", seed=" + seed + (shuffle ? "" : ", no shuffle") + ")";
  }
}
