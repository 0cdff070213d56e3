package dev.tfe.protocol.fss.kernels;

import dev.tfe.random.SecurePrg;
import dev.tfe.random.Seed;
import dev.tfe.ring.RingTensor;
import dev.tfe.runtime.Kernels;
import dev.tfe.runtime.OpModule;

/**
 * The FSS protocol's op module, id {@value #ID}: the kernels of {@link FssOps}, DReLU key
 * generation on the dealer and key evaluation on the servers ({@link SignKeys} over {@link Dcf}).
 * The FSS protocol module installs it in a session; party processes install it when a plan
 * names its id.
 */
public final class FssKernels implements OpModule {
  public static final String ID = "fss";
  /** The one instance (stateless). */
  public static final FssKernels INSTANCE = new FssKernels();

  private FssKernels() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public void registerInto(Kernels k) {
    k.register(FssOps.DRELU_GEN, (n, in, p) -> {
      long[] keys = SignKeys.gen(n.attrs().getInt("bits"), in[0].data(), SecurePrg.fromSeed(Seed.fromLongs(in[1].data())));
      return RingTensor.of(keys, n.shape());
    });
    k.register(FssOps.RELU_GEN, (n, in, p) -> {
      long[] keys = ReluKeys.gen(n.attrs().getInt("bits"), in[0].data(), SecurePrg.fromSeed(Seed.fromLongs(in[1].data())));
      return RingTensor.of(keys, n.shape());
    });
    k.register(FssOps.RELU_EVAL, (n, in, p) -> RingTensor.of(
        ReluKeys.eval(n.attrs().getInt("bits"), n.attrs().getInt("party"), in[2].data(), in[0].data(), in[1].data()), n.shape()));
    k.register(FssOps.DRELU_EVAL, (n, in, p) ->
        RingTensor.of(SignKeys.eval(n.attrs().getInt("bits"), n.attrs().getInt("party"), in[1].data(), in[0].data()), n.shape()));
  }
}
