/**
 * The mechanics of plaintext training: losses ({@link dev.tfe.model.train.Loss}: softmax
 * cross-entropy on logits, mean squared error) and optimisers ({@link dev.tfe.model.train.Optimizer}:
 * SGD with optional momentum, Adam). The user-facing entry is {@code dev.tfe.model.Fit}.
 */
package dev.tfe.model.train;
