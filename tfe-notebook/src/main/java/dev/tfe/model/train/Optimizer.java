package dev.tfe.model.train;

import dev.tfe.model.layers.Parameter;
import java.util.List;

/**
 * A gradient-based update rule. An optimiser is an immutable description (learning rate and
 * other constants); {@link #start} opens one training run over a list of parameters and returns
 * the {@link Updater} that holds the run's state (velocities, moment estimates, step count).
 */
public interface Optimizer {

  /** Begins a training run over these parameters (non-trainable ones are skipped). */
  Updater start(List<Parameter> parameters);

  /** The learning rate. */
  double learningRate();

  /** The state of one training run. */
  interface Updater {
    /**
     * Applies one update from the parameters' current {@link Parameter#gradient()} buffers, with
     * this learning rate: the optimiser's {@link #learningRate()}, or a scheduled value.
     */
    void step(double learningRate);
  }

  /** Plain stochastic gradient descent; see {@link Sgd}. */
  static Optimizer sgd(double learningRate) {
    return new Sgd(learningRate, 0);
  }

  /** SGD with classical momentum; see {@link Sgd}. */
  static Optimizer sgd(double learningRate, double momentum) {
    return new Sgd(learningRate, momentum);
  }

  /** Adam with the usual constants; see {@link Adam}. */
  static Optimizer adam(double learningRate) {
    return new Adam(learningRate, 0.9, 0.999, 1e-8);
  }
}
