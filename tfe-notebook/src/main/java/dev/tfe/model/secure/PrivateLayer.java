package dev.tfe.model.secure;

import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.Tensor;

/**
 * One layer of a private model: its forward pass written once against the {@link Protocol}
 * interface, so it runs under SecureNN, Pond or the plaintext protocol alike. Its weights, if
 * any, are private variables of the model owner, masked once and reused by every prediction.
 */
public interface PrivateLayer {
  /** A short name for the graph and the profile, e.g. {@code dense_1}. */
  String name();

  /** The forward pass on a private batch. */
  Tensor forward(Protocol p, Tensor x);
}
