package dev.tfe.protocol.securenn.kernels;

import dev.tfe.graph.Node;
import dev.tfe.random.SecurePrg;
import dev.tfe.random.Seed;
import dev.tfe.ring.RingTensor;
import dev.tfe.runtime.Kernels;
import dev.tfe.runtime.OpModule;
import dev.tfe.runtime.PartyState;

/**
 * SecureNN's op module, id {@value #ID}: the kernels of {@link SecureNnOps}, SecureNN's local
 * steps (odd-ring arithmetic, packed Z_67 vectors, PrivateCompare, the end of ShareConvert, the
 * row selection of argmax). The SecureNN protocol module installs it in a session; party
 * processes install it when a plan names its id.
 */
public final class SecureNnKernels implements OpModule {
  public static final String ID = "securenn";
  /** The one instance (stateless). */
  public static final SecureNnKernels INSTANCE = new SecureNnKernels();
  /** Separates the Z_67 streams of a seed from its ring streams ({@code expand}). */
  private static final long ZP_DOMAIN = 0x5a36375f70726e67L;

  private SecureNnKernels() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public void registerInto(Kernels k) {
    k.register(SecureNnOps.ODD_ADD, (n, in, p) -> OddRing.add(in[0], in[1]));
    k.register(SecureNnOps.ODD_SUB, (n, in, p) -> OddRing.sub(in[0], in[1]));
    k.register(SecureNnOps.ODD_DOUBLE_PLUS, (n, in, p) -> OddRing.doublePlus(in[0], in[1]));
    k.register(SecureNnOps.WRAP, (n, in, p) -> OddRing.wrap(in[0], in[1]));
    k.register(SecureNnOps.XOR_PUBLIC, SecureNnKernels::xorPublic);
    k.register(SecureNnOps.ZP_UNIFORM, (n, in, p) ->
        RingTensor.of(ZpPacked.uniform(zpStream(in[0], n), size(n.shape()) / ZpPacked.WORDS), n.shape()));
    k.register(SecureNnOps.ZP_BITS, (n, in, p) ->
        RingTensor.of(ZpPacked.bitShares(in[0].data(), zpStream(in[1], n)), n.shape()));
    k.register(SecureNnOps.PC, (n, in, p) -> RingTensor.of(
        ZpPacked.compare(in[0].data(), in[1].data(), in[2].data(), zpStream(in[3], n), n.attrs().getInt("party")), n.shape()));
    k.register(SecureNnOps.PC_REVEAL, (n, in, p) -> RingTensor.of(ZpPacked.reveal(in[0].data(), in[1].data()), n.shape()));
    k.register(SecureNnOps.SC_FINISH, SecureNnKernels::shareConvertFinish);
  }

  private static int size(int[] shape) {
    int s = 1;
    for (int d : shape) {
      s *= d;
    }
    return s;
  }

  /** The Z_67 byte stream {@code stream} of a seed: distinct from the seed's ring streams. */
  private static ZpPacked.ByteSource zpStream(RingTensor seed, Node n) {
    long[] w = seed.data().clone();
    w[2] ^= n.attrs().getLong("stream") + 1;
    w[3] ^= ZP_DOMAIN;
    return new ZpPacked.ByteSource(SecurePrg.fromSeed(Seed.fromLongs(w)));
  }

  private static RingTensor xorPublic(Node n, RingTensor[] in, PartyState p) {
    boolean first = n.attrs().getInt("party") == 0;
    boolean odd = n.attrs().getLong("odd") == 1;
    long[] x = in[0].data();
    long[] c = in[1].data();
    long[] r = new long[x.length];
    for (int i = 0; i < r.length; i++) {
      long bit = c[i] & 1;
      if (odd) {
        long v = OddRing.reduce(x[i]);
        long flipped = bit == 0 ? v : OddRing.neg(v);
        r[i] = first ? OddRing.add(flipped, bit) : flipped;
      } else {
        long flipped = bit == 0 ? x[i] : -x[i];
        r[i] = first ? flipped + bit : flipped;
      }
    }
    return RingTensor.of(r, in[0].shape());
  }

  /**
   * ShareConvert, steps 7 to 9 (Wagh et al., Algorithm 4), on server {@code j}:
   * {@code beta_j = wrap(a_j, r_j)}, {@code alpha = wrap(r0, r1)},
   * {@code eta_j = eta'_j XOR eta''}, {@code theta_j = beta_j + [j = 0](-alpha - 1) + delta_j + eta_j}
   * and {@code y_j = a_j - theta_j}, all mod 2^64 - 1. When {@code r = r0 + r1 = 0}, PrivateCompare
   * was asked about {@code x > 2^64 - 1} instead of {@code x >= 0}; then {@code eta = 1} is used.
   */
  private static RingTensor shareConvertFinish(Node n, RingTensor[] in, PartyState p) {
    int j = n.attrs().getInt("party");
    long[] a = in[0].data();
    long[] r0 = in[1].data();
    long[] r1 = in[2].data();
    long[] delta = in[3].data();
    long[] etaP = in[4].data();
    long[] etaPP = in[5].data();
    long[] y = new long[a.length];
    for (int i = 0; i < y.length; i++) {
      long rj = j == 0 ? r0[i] : r1[i];
      long beta = OddRing.wrap(a[i], rj);
      long eta;
      if (r0[i] + r1[i] == 0) {
        eta = j == 0 ? 1 : 0;
      } else {
        long bit = etaPP[i] & 1;
        long e = OddRing.reduce(etaP[i]);
        eta = bit == 0 ? e : OddRing.neg(e);
        if (j == 0) {
          eta = OddRing.add(eta, bit);
        }
      }
      long theta = OddRing.add(OddRing.add(beta, OddRing.reduce(delta[i])), eta);
      if (j == 0) {
        long alpha = OddRing.wrap(r0[i], r1[i]);
        theta = OddRing.sub(theta, alpha + 1);
      }
      y[i] = OddRing.sub(OddRing.reduce(a[i]), theta);
    }
    return RingTensor.of(y, in[0].shape());
  }
}
