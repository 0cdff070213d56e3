package dev.tfe.protocol.pond;

import dev.tfe.fixedpoint.FixedPoint;
import dev.tfe.graph.Ops;
import dev.tfe.protocol.Parties;
import dev.tfe.protocol.Tensor;
import dev.tfe.protocol.share.AdditiveProtocol;
import dev.tfe.protocol.share.SeededDealer;
import dev.tfe.protocol.share.TruncationMode;

/**
 * Pond (Dahl, Mancuso, Dupis, Decoste, Giraud, Livingstone, Patriquin and Uhsadel, "Private
 * Machine Learning in TensorFlow using Secure Computation", 2018, as in tf-encrypted): two
 * servers hold additive shares over Z_2^64; a crypto producer deals Beaver triples, sending
 * server0's parts as a seed ({@link SeededDealer#seedOneServer}). The arithmetic is the shared
 * {@link AdditiveProtocol}; having no exact comparisons, Pond refuses ReLU, sigmoid and tanh
 * (only the bounded {@code polynomialSigmoid} is offered).
 *
 * <p>Security: semi-honest, non-colluding servers; a server sees only uniformly random shares
 * and openings of uniformly masked values.
 */
public class Pond extends AdditiveProtocol {
  public Pond(Ops ops, FixedPoint fp, Parties parties) {
    this(ops, fp, parties, TruncationMode.INTERACTIVE);
  }

  public Pond(Ops ops, FixedPoint fp, Parties parties, TruncationMode truncation) {
    super(ops, fp, parties, truncation, SeededDealer::seedOneServer);
  }

  @Override
  public String name() {
    return "pond";
  }

  /** Pond has no exact comparison; SecureNN (the default for private prediction) has. */
  @Override
  public Tensor relu(Tensor x) {
    throw new UnsupportedOperationException(
        "pond has no exact relu; use the SecureNN protocol (the default for private prediction), which adds exact comparisons to Pond's arithmetic");
  }
}
