/**
 * Private training: data owners secret-share their rows (features and labels), the servers train
 * a {@link dev.tfe.model.Sequential} on the shares with mini-batch SGD, and the weights stay
 * private (for private prediction) or are revealed to the model owner alone. Written once over
 * the {@link dev.tfe.protocol.Protocol} interface: it runs on every protocol with exact
 * comparisons (ReLU's derivative, max, softmax's clipping) and names none.
 *
 * <p>Each layer has a backward step ({@link dev.tfe.model.privatetrain.TrainableStep}) tested
 * against its plaintext twin; the softmax uses the bounded approximations of
 * {@link dev.tfe.model.privatetrain.PrivateSoftmax}.
 */
package dev.tfe.model.privatetrain;
