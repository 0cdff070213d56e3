package dev.tfe.runtime;

import dev.tfe.graph.ComparisonOps;
import dev.tfe.graph.Ops;
import dev.tfe.random.Seed;
import dev.tfe.random.SecurePrg;
import dev.tfe.ring.Comparisons;
import dev.tfe.ring.ConvGeometry;
import dev.tfe.ring.Im2col;
import dev.tfe.ring.RingTensor;
import java.util.Arrays;

/**
 * The op module every session has, id {@value #ID}: the ring kernels of {@link Ops} (sources,
 * sinks, randomness, Z_2^64 arithmetic, shapes) and the comparisons in the clear of
 * {@link ComparisonOps}. Protocols add their own modules on top.
 */
public final class RingKernels implements OpModule {
  public static final String ID = "ring";
  /** The one instance (stateless). */
  public static final RingKernels INSTANCE = new RingKernels();

  private RingKernels() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public void registerInto(Kernels k) {
    k.register(Ops.CONST, (n, in, p) -> RingTensor.of(n.attrs().getLongs("value").clone(), n.shape()));
    k.register(Ops.INPUT, (n, in, p) -> {
      String key = n.attrs().getString("key");
      RingTensor v = FileInputs.isFileKey(key) ? FileInputs.read(key, n.shape(), p.name()) : p.feed(key);
      if (!Arrays.equals(v.shape(), n.shape())) {
        throw new IllegalArgumentException("input '" + n.attrs().getString("key") + "' has shape "
            + Arrays.toString(v.shape()) + " but was defined with shape " + Arrays.toString(n.shape()));
      }
      return v;
    });
    k.register(Ops.OUTPUT, (n, in, p) -> {
      p.deliver(n.attrs().getString("key"), in[0]);
      return in[0];
    });
    k.register(Ops.VAR_READ, (n, in, p) -> p.variable(n.attrs().getString("name")));
    k.register(Ops.VAR_WRITE, (n, in, p) -> {
      p.setVariable(n.attrs().getString("name"), in[0]);
      return in[0];
    });
    k.register(Ops.RANDOM, (n, in, p) -> sample(p.prg(), n.attrs().getLong("modulus"), n.shape()));
    k.register(Ops.PRE_KEEP, (n, in, p) -> {
      p.keepPreprocessed(n.attrs().getInt("node"), p.feed(Ops.PRE_SEQ_FEED).data()[0], in[0]);
      return in[0];
    });
    k.register(Ops.PRE_TAKE, (n, in, p) -> p.takePreprocessed(n.attrs().getInt("node"), p.feed(Ops.PRE_SEQ_FEED).data()[0]));
    k.register(Ops.SEED, (n, in, p) -> RingTensor.of(p.prg().nextSeed().toLongs(), 4));
    k.register(Ops.EXPAND, (n, in, p) -> {
      long[] w = in[0].data().clone();
      w[2] ^= n.attrs().getLong("stream") + 1; // a distinct counter block per stream
      return sample(SecurePrg.fromSeed(Seed.fromLongs(w)), n.attrs().getLong("modulus"), n.shape());
    });
    k.register(Ops.ADD, (n, in, p) -> in[0].add(in[1]));
    k.register(Ops.ADD_BCAST, (n, in, p) -> in[0].addBroadcast(in[1]));
    k.register(Ops.SUB, (n, in, p) -> in[0].sub(in[1]));
    k.register(Ops.NEG, (n, in, p) -> in[0].neg());
    k.register(Ops.MUL, (n, in, p) -> in[0].mul(in[1]));
    k.register(Ops.ADD_SCALAR, (n, in, p) -> {
      long c = n.attrs().getLong("k");
      long[] d = in[0].data();
      long[] r = new long[d.length];
      for (int i = 0; i < d.length; i++) {
        r[i] = d[i] + c;
      }
      return RingTensor.of(r, in[0].shape());
    });
    k.register(Ops.SCALE, (n, in, p) -> in[0].scale(n.attrs().getLong("k")));
    k.register(Ops.SHR, (n, in, p) -> in[0].shiftRight(n.attrs().getInt("bits")));
    k.register(Ops.SHRU, (n, in, p) -> in[0].shiftRightUnsigned(n.attrs().getInt("bits")));
    k.register(Ops.SHL, (n, in, p) -> in[0].shiftLeft(n.attrs().getInt("bits")));
    k.register(Ops.LESS_THAN_PUBLIC, (n, in, p) -> {
      long bound = n.attrs().getLong("bound");
      long[] d = in[0].data();
      long[] r = new long[d.length];
      for (int i = 0; i < d.length; i++) {
        r[i] = Long.compareUnsigned(d[i], bound) < 0 ? 1 : 0;
      }
      return RingTensor.of(r, in[0].shape());
    });
    k.register(Ops.IDENTITY, (n, in, p) -> in[0]);
    k.register(Ops.NON_NEGATIVE, (n, in, p) -> {
      long[] d = in[0].data();
      long[] r = new long[d.length];
      for (int i = 0; i < d.length; i++) {
        r[i] = d[i] >= 0 ? 1 : 0;
      }
      return RingTensor.of(r, in[0].shape());
    });
    k.register(Ops.MATMUL, (n, in, p) -> in[0].matmul(in[1]));
    k.register(Ops.TRANSPOSE, (n, in, p) -> in[0].transpose(n.attrs().getInts("perm")));
    k.register(Ops.RESHAPE, (n, in, p) -> in[0].reshape(n.attrs().getInts("shape")));
    k.register(Ops.SLICE, (n, in, p) -> in[0].slice(n.attrs().getInts("begin"), n.attrs().getInts("size")));
    k.register(Ops.SUM, (n, in, p) -> in[0].sum(n.attrs().getInt("axis")));
    k.register(Ops.CONCAT, (n, in, p) -> RingTensor.concatRows(in));
    k.register(Ops.IM2COL, (n, in, p) -> Im2col.apply(in[0], ConvGeometry.fromInts(n.attrs().getInts("geometry"))));
    k.register(ComparisonOps.MAX, (n, in, p) -> Comparisons.max(in[0], n.attrs().getInt("axis")));
    k.register(ComparisonOps.ARGMAX, (n, in, p) ->
        Comparisons.argmax(in[0], n.attrs().getInt("axis"), n.attrs().getLong("oneHot") == 1));
    k.register(ComparisonOps.MAX_POOL, (n, in, p) ->
        Comparisons.maxPool(in[0], ConvGeometry.fromInts(n.attrs().getInts("geometry"))));
  }

  private static RingTensor sample(SecurePrg prg, long modulus, int[] shape) {
    int size = 1;
    for (int d : shape) {
      size *= d;
    }
    long[] v = modulus == 0 ? prg.nextLongs(size) : modulus == -1L ? prg.nextOddRing(size) : prg.nextBounded(size, modulus);
    return RingTensor.of(v, shape);
  }
}
