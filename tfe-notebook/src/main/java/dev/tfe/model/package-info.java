/**
 * Models in plaintext, the user-facing part: {@link dev.tfe.model.Sequential} stacks layers made
 * by the static factories of {@link dev.tfe.model.Layers}, trains with {@link dev.tfe.model.Fit}
 * options into a {@link dev.tfe.model.TrainingHistory}, evaluates into an
 * {@link dev.tfe.model.Evaluation}, and saves and loads its weights.
 *
 * <pre>{@code
 * import static dev.tfe.model.Layers.*;
 *
 * var mnist = Mnist.load();
 * var model = Sequential.of(dense(784, 128), relu(), dense(128, 128), relu(), dense(128, 10));
 * model.fit(mnist.train(), Fit.epochs(5).batchSize(64).adam(1e-3));
 * model.evaluate(mnist.test());
 * }</pre>
 *
 * <p>Mechanics live in sub-packages: {@code layers} (each layer's forward and backward passes),
 * {@code train} (losses, optimisers) and {@code io} (the weights file).
 */
package dev.tfe.model;
