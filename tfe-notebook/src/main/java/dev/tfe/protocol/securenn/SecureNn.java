package dev.tfe.protocol.securenn;

import dev.tfe.fixedpoint.FixedPoint;
import dev.tfe.graph.Ops;
import dev.tfe.protocol.Parties;
import dev.tfe.protocol.share.ComparingProtocol;
import dev.tfe.protocol.share.Comparison;
import dev.tfe.protocol.share.Pair;
import dev.tfe.protocol.share.SeededDealer;
import dev.tfe.protocol.share.TruncationMode;

/**
 * SecureNN (Wagh, Gupta and Chandran, "SecureNN: 3-Party Secure Computation for Neural Network
 * Training", PoPETs 2019): two share-holding servers and a third that deals and helps to compare,
 * so that ReLU, max pooling and argmax are exact: private predictions agree with plaintext ones.
 * It composes the shared arithmetic of two-server additive sharing, with products dealt by a
 * dealer that seeds both servers ({@link SeededDealer#seedBothServers}), and the generic
 * comparison functions of {@link ComparingProtocol}, to which it supplies only its
 * {@link Comparison}: {@link DRelu} and the product of {@link Multiply}, both from the run's
 * {@link Keys}.
 *
 * <p>The steps, one class each: {@link PrivateCompare} (Algorithm 3, over Z_67),
 * {@link ShareConvert} (Algorithm 4, Z_2^64 to Z_(2^64-1)), {@link ComputeMsb} (Algorithm 5),
 * {@link DRelu} (Algorithm 6); SelectShare (Algorithms 2 and 7) and the max tree (Algorithm 9,
 * as a tournament) are generic. Per element, DReLU sends 488 bytes in 8 rounds of latency and
 * ReLU 528 bytes in 9, plus one step of input-independent dealing that travels with the inputs
 * (so {@code Profile.roundsFor} counts 9 and 10); the paper's Tables 1 and 2 count 664 and 704
 * bytes (one byte per Z_67 element) in 8 and 10 rounds.
 *
 * <p>Security: semi-honest, non-colluding servers; what each server receives is distributed
 * independently of the inputs (uniform ring and Z_67 elements; the third server's PrivateCompare
 * vectors have at most one zero, at a uniform position): see {@code PrivacyTest} and
 * {@code SecureNnPrivacyTest}.
 */
public class SecureNn extends ComparingProtocol {
  public static final String NAME = "securenn";

  public SecureNn(Ops ops, FixedPoint fp, Parties parties) {
    this(ops, fp, parties, TruncationMode.INTERACTIVE);
  }

  public SecureNn(Ops ops, FixedPoint fp, Parties parties, TruncationMode truncation) {
    super(ops, fp, parties, truncation, SeededDealer::seedBothServers, comparison(new Keys(ops, parties)));
  }

  /** SecureNN's comparison capability: DReLU (Algorithm 6) and the dealer's exact product. */
  private static Comparison comparison(Keys keys) {
    return new Comparison() {
      @Override
      public Pair drelu(Pair a) {
        return DRelu.run(keys, a);
      }

      @Override
      public Pair product(Pair x, Pair y) {
        return Multiply.product(keys, x, y);
      }
    };
  }

  @Override
  public String name() {
    return NAME;
  }
}
