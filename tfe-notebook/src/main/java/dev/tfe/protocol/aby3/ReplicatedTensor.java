package dev.tfe.protocol.aby3;

import dev.tfe.protocol.Tensor;

/**
 * A private value of ABY3: 2-out-of-3 replicated arithmetic shares over Z_2^64, party {@code i}
 * holding {@code (x_i, x_(i+1))} (Mohassel and Rindal, CCS 2018, section 2.2).
 */
public final class ReplicatedTensor extends Tensor {
  final Shares shares;

  ReplicatedTensor(Shares shares) {
    super(shares.shape());
    this.shares = shares;
  }

  @Override
  public Kind kind() {
    return Kind.PRIVATE;
  }

  @Override
  public String protocol() {
    return Aby3.NAME;
  }

  @Override
  public String holders() {
    return "replicated shares on " + shares.own()[0].party() + ", " + shares.own()[1].party() + " and " + shares.own()[2].party();
  }
}
