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
 * <p>Defaults: 1 epoch, batch size 32, Adam with learning rate 0.001 and no decay, cross-entropy
 * for classification data and mean squared error for regression data, mini-batches shuffled every
 * epoch from seed 0, no validation set, quiet.
 */
public final class Fit {
  private int epochs;
  private int batchSize = 32;
  private Optimizer optimizer = Optimizer.adam(1e-3);
  private double decay = 1;
  private Loss loss;
  private long seed;
  private boolean shuffle = true;
  private Dataset validation;
  private boolean verbose;
  private Consumer<TrainingHistory.Epoch> onEpoch;

  private Fit() {}

  private Fit copy() {
    Fit f = new Fit();
    f.epochs = epochs;
    f.batchSize = batchSize;
    f.optimizer = optimizer;
    f.decay = decay;
    f.loss = loss;
    f.seed = seed;
    f.shuffle = shuffle;
    f.validation = validation;
    f.verbose = verbose;
    f.onEpoch = onEpoch;
    return f;
  }

  /** Default options with this number of epochs (passes over the training set). */
  public static Fit epochs(int epochs) {
    if (epochs < 0) {
      throw new IllegalArgumentException("epochs must be >= 0, got " + epochs);
    }
    Fit f = new Fit();
    f.epochs = epochs;
    return f;
  }

  /** Default options: one epoch. */
  public static Fit defaults() {
    return epochs(1);
  }

  /** The number of examples per gradient step (the last batch of an epoch may be smaller). */
  public Fit batchSize(int batchSize) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be > 0, got " + batchSize);
    }
    Fit f = copy();
    f.batchSize = batchSize;
    return f;
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
    Fit f = copy();
    f.optimizer = java.util.Objects.requireNonNull(optimizer);
    return f;
  }

  /**
   * Exponential learning-rate decay: epoch {@code e} (from 1) trains with
   * {@code learningRate * factor^(e - 1)}. A factor below 1 lets the last epochs settle instead of
   * hopping around a minimum. Default 1 (no decay).
   */
  public Fit learningRateDecay(double factorPerEpoch) {
    if (!(factorPerEpoch > 0 && factorPerEpoch <= 1)) {
      throw new IllegalArgumentException("the decay factor must be in (0, 1], got " + factorPerEpoch);
    }
    Fit f = copy();
    f.decay = factorPerEpoch;
    return f;
  }

  /** The loss to minimise (default: chosen from the data set). */
  public Fit loss(Loss loss) {
    Fit f = copy();
    f.loss = loss;
    return f;
  }

  /** The seed of the shuffling of mini-batches. (Weights are drawn by {@link Sequential#initialize(long)}.) */
  public Fit seed(long seed) {
    Fit f = copy();
    f.seed = seed;
    return f;
  }

  /** Whether to shuffle the examples before each epoch (default true). */
  public Fit shuffle(boolean shuffle) {
    Fit f = copy();
    f.shuffle = shuffle;
    return f;
  }

  /** A data set to evaluate at the end of every epoch (recorded in the history, never trained on). */
  public Fit validation(Dataset validation) {
    Fit f = copy();
    f.validation = validation;
    return f;
  }

  /** Prints one line per epoch to standard output. */
  public Fit verbose() {
    return verbose(true);
  }

  /** Whether to print one line per epoch to standard output. */
  public Fit verbose(boolean verbose) {
    Fit f = copy();
    f.verbose = verbose;
    return f;
  }

  /** Calls {@code listener} after every epoch (for example to update a live chart). */
  public Fit onEpoch(Consumer<TrainingHistory.Epoch> listener) {
    Fit f = copy();
    f.onEpoch = listener;
    return f;
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

  /** The learning-rate decay factor per epoch (1 for none). */
  public double learningRateDecay() {
    return decay;
  }

  /** The learning rate of epoch {@code epoch} (from 1). */
  public double learningRate(int epoch) {
    return optimizer.learningRate() * Math.pow(decay, epoch - 1);
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
    return "Fit(epochs=" + epochs + ", batchSize=" + batchSize + ", " + optimizer
        + (decay < 1 ? ", decay=" + decay : "") + ", loss=" + (loss == null ? "auto" : loss.name()) + ", seed=" + seed
        + (shuffle ? "" : ", no shuffle") + ")";
  }
}
