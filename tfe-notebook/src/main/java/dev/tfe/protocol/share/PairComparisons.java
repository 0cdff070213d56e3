package dev.tfe.protocol.share;

import dev.tfe.graph.ComparisonOps;
import dev.tfe.graph.NodeRef;
import dev.tfe.graph.Ops;
import dev.tfe.protocol.Parties;
import dev.tfe.protocol.LinearOps;
import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.Tensor;
import dev.tfe.ring.Comparisons;
import dev.tfe.ring.ConvGeometry.Padding;
import dev.tfe.ring.ConvGeometry;
import dev.tfe.ring.RingTensor;
import dev.tfe.ring.Shapes;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.UnaryOperator;

/**
 * The exact comparison functions, written once over a {@link Comparison} capability on the
 * two-party additive view ({@link Pair}) of a protocol's shares: DReLU, ReLU as
 * {@code x * DReLU(x)} (SecureNN's Algorithm 7), less and greater, maximum, select (SelectShare,
 * Algorithm 2), the maximum and argmax over an axis by the {@link MaxTree} and max pooling
 * (Algorithm 9 as a tournament). Public operands are compared in the clear
 * ({@link ComparisonOps}). Two-server additive protocols get them through
 * {@link ComparingProtocol}; a protocol with another sharing (ABY3's replicated shares) supplies
 * a {@link Host} that converts its private tensors to and from the additive view.
 *
 * <p>Comparisons read values as signed ring elements and are exact when the compared values (or
 * their difference) lie in {@code [-2^62, 2^62)}: every fixed-point value does. Truth values are
 * returned as the fixed-point numbers 1.0 and 0.0.
 */
public final class PairComparisons {
  /** Added to every cell before max pooling with padding, so that padded zeros always lose. */
  /** The default shift of padded max pooling: 2^61, for comparisons exact on {@code [-2^62, 2^62)}. */
  static final long POOL_SHIFT = 1L << 61;

  /** What the comparison functions need of a protocol besides its public operations. */
  public interface Host {
    /** The protocol whose tensors these are (its name, graph, encoding, parties and linear ops). */
    Protocol protocol();

    /** The additive view of a private tensor: a part on server0 and one on server1 summing to it. */
    Pair pair(Tensor privateTensor);

    /** The private tensor of an additive pair. */
    Tensor tensor(Pair p);

    /** The protocol's local operations (linear maps, public products, ring constants, scopes). */
    LinearOps linear();

    /**
     * What padded max pooling adds to every cell so that padded zeros lose: {@code 2^61} by
     * default; a protocol that compares on fewer bits returns a smaller shift that still exceeds
     * every fixed-point value.
     */
    default long poolShift() {
      return POOL_SHIFT;
    }
  }

  private final Host host;
  private final Protocol p;
  private final Ops ops;
  private final Parties parties;
  private final Comparison cmp;
  private final ComparisonOps clear;
  /** For truth values made here: their shares as bits (scale 1), for exact selects. */
  private final Map<Tensor, Pair> bitsOf = Collections.synchronizedMap(new WeakHashMap<>());

  public PairComparisons(Host host, Comparison comparison) {
    this.host = host;
    this.p = host.protocol();
    this.ops = p.ops();
    this.parties = p.parties();
    this.cmp = comparison;
    this.clear = new ComparisonOps(ops);
  }

  // ---- helpers ----------------------------------------------------------------------------

  private Pair pair(Tensor t) {
    return host.pair(t);
  }

  private Tensor tensor(Pair pr) {
    return host.tensor(pr);
  }

  private static boolean isPublic(Tensor t) {
    return t.kind() == Tensor.Kind.PUBLIC;
  }

  /** Shares of bits (scale 1) as the fixed-point truth values 0.0 and 1.0, remembering the bits. */
  private Tensor truthValues(Pair bits) {
    long scale = p.fixedPoint().config().scale();
    Tensor t = tensor(bits.map(v -> ops.scale(v, scale)));
    bitsOf.put(t, bits);
    return t;
  }

  /** A public tensor mapped by any function: each server applies it to its own copy. */
  private Tensor inTheClear(Tensor x, int[] shape, UnaryOperator<NodeRef> f) {
    return host.linear().mapLinear(x, shape, f);
  }

  private NodeRef encodeIntegers(NodeRef v) {
    return ops.scale(v, p.fixedPoint().config().scale());
  }

  /** The bits of a truth value: remembered if this protocol made it, else {@code [cond >= 1/2]} by DReLU. */
  private Pair bitsFor(Tensor cond) {
    Pair known = bitsOf.get(cond);
    if (known != null) {
      return known;
    }
    return cmp.drelu(pair(host.linear().addRingConstant(cond, -((p.fixedPoint().config().scale() + 1) / 2))));
  }

  // ---- DReLU and ReLU ---------------------------------------------------------------------

  /** {@code [x >= 0]}: the capability's DReLU (SecureNN's: 488 bytes per element in 8 rounds). */
  public Tensor drelu(Tensor x) {
    if (isPublic(x)) {
      try (var s = host.linear().scope("drelu")) {
        return inTheClear(x, x.shape(), r -> encodeIntegers(ops.nonNegative(r)));
      }
    }
    return truthValues(cmp.drelu(pair(x)));
  }

  /**
   * Exact ReLU, {@code x * DReLU(x)} (Algorithm 7; SecureNN: 528 bytes per element in 9 rounds), and no
   * truncation, so the result equals the plaintext one bit for bit.
   */
  public Tensor relu(Tensor x) {
    try (var s = host.linear().scope("relu")) {
      if (isPublic(x)) {
        return inTheClear(x, x.shape(), r -> ops.mul(r, ops.nonNegative(r)));
      }
      return tensor(cmp.relu(pair(x)));
    }
  }

  // ---- comparisons ------------------------------------------------------------------------

  /** {@code [x < y] = 1 - DReLU(x - y)}. */
  public Tensor less(Tensor x, Tensor y) {
    Shapes.requireSame("less", x.shape(), y.shape());
    try (var s = host.linear().scope("less")) {
      Tensor d = p.sub(x, y);
      if (isPublic(d)) {
        return inTheClear(d, d.shape(), r -> encodeIntegers(ops.addScalar(ops.neg(ops.nonNegative(r)), 1)));
      }
      Pair ge = cmp.drelu(pair(d));
      return truthValues(new Pair(ops.addScalar(ops.neg(ge.on0()), 1), ops.neg(ge.on1())));
    }
  }

  /** {@code [x > y] = [y < x]}. */
  public Tensor greater(Tensor x, Tensor y) {
    try (var s = host.linear().scope("greater")) {
      return p.less(y, x);
    }
  }

  /** {@code y + DReLU(x - y) (x - y)}: one DReLU and one product. */
  public Tensor maximum(Tensor x, Tensor y) {
    Shapes.requireSame("maximum", x.shape(), y.shape());
    try (var s = host.linear().scope("maximum")) {
      Tensor d = p.sub(x, y);
      if (isPublic(d)) {
        Tensor ge = inTheClear(d, d.shape(), ops::nonNegative);
        return p.add(y, host.linear().mulNoTruncate(ge, d));
      }
      Pair dp = pair(d);
      return p.add(y, tensor(cmp.hasReluGate() ? cmp.relu(dp) : cmp.product(dp, cmp.drelu(dp))));
    }
  }

  /**
   * {@code y + b (x - y)} with {@code b} the bits of {@code cond} (SelectShare, Algorithm 2).
   * A truth value made by this protocol is used as it is; any other private {@code cond} costs a
   * DReLU of {@code cond - 1/2} first.
   */
  public Tensor select(Tensor cond, Tensor x, Tensor y) {
    Shapes.requireSame("select", cond.shape(), x.shape());
    Shapes.requireSame("select", x.shape(), y.shape());
    try (var s = host.linear().scope("select")) {
      Tensor d = p.sub(x, y);
      Tensor prod;
      if (isPublic(cond)) {
        long half = (p.fixedPoint().config().scale() + 1) / 2;
        Tensor b = inTheClear(cond, cond.shape(), r -> ops.nonNegative(ops.addScalar(r, -half)));
        prod = host.linear().mulNoTruncate(d, b);
      } else {
        Pair bits = bitsFor(cond);
        prod = isPublic(d) ? host.linear().mulNoTruncate(tensor(bits), d) : tensor(cmp.product(pair(d), bits));
      }
      return p.add(y, prod);
    }
  }

  // ---- reductions -------------------------------------------------------------------------

  private static int axis(int[] shape, int axis, String op) {
    int ax = axis < 0 ? shape.length + axis : axis;
    if (ax < 0 || ax >= shape.length) {
      throw new IllegalArgumentException(op + ": axis " + axis + " out of range for shape " + Shapes.str(shape));
    }
    return ax;
  }

  /** {@code axis} first, the others in order. */
  private static int[] axisFirst(int rank, int ax) {
    int[] perm = new int[rank];
    perm[0] = ax;
    for (int i = 0, j = 1; i < rank; i++) {
      if (i != ax) {
        perm[j++] = i;
      }
    }
    return perm;
  }

  /** {@code x} as {@code [m, R]}: the axis first, everything else flattened. */
  private Tensor columns(Tensor x, int ax) {
    int[] sh = x.shape();
    Tensor t = ax == 0 ? x : p.transpose(x, axisFirst(sh.length, ax));
    return p.reshape(t, sh[ax], Shapes.size(sh) / sh[ax]);
  }

  /** The maximum over one axis by {@link MaxTree}: {@code m - 1} comparisons in {@code ceil(log2 m)} levels. */
  public Tensor reduceMax(Tensor x, int axis) {
    int[] sh = x.shape();
    int ax = axis(sh, axis, "reduceMax");
    int[] out = Comparisons.without(sh, ax);
    try (var s = host.linear().scope("reduceMax")) {
      if (isPublic(x)) {
        return inTheClear(x, out, r -> clear.max(r, ax));
      }
      MaxTree.Result r = MaxTree.reduce(ops, parties, cmp, p.name(), pair(columns(x, ax)), false);
      return p.reshape(tensor(r.max()), out);
    }
  }

  /** The index of the maximum (lowest on ties), private; only an output's receiver learns it. */
  public Tensor argmax(Tensor x, int axis) {
    int[] sh = x.shape();
    int ax = axis(sh, axis, "argmax");
    int[] out = Comparisons.without(sh, ax);
    try (var s = host.linear().scope("argmax")) {
      if (isPublic(x)) {
        return inTheClear(x, out, r -> encodeIntegers(clear.argmax(r, ax, false)));
      }
      Pair hot = MaxTree.reduce(ops, parties, cmp, p.name(), pair(columns(x, ax)), true).oneHot();
      int m = sh[ax];
      long[] w = new long[m];
      for (int k = 0; k < m; k++) {
        w[k] = k * p.fixedPoint().config().scale();
      }
      RingTensor weights = RingTensor.of(w, m, 1);
      return p.reshape(tensor(hot.map(v -> ops.matmul(ops.transpose(v), ops.constant(v.party(), weights)))), out);
    }
  }

  /** The one-hot mask of the maximum (lowest index on ties), private, in the shape of {@code x}. */
  public Tensor argmaxOneHot(Tensor x, int axis) {
    int[] sh = x.shape();
    int ax = axis(sh, axis, "argmax");
    try (var s = host.linear().scope("argmax")) {
      if (isPublic(x)) {
        return inTheClear(x, sh, r -> encodeIntegers(clear.argmax(r, ax, true)));
      }
      Pair hot = MaxTree.reduce(ops, parties, cmp, p.name(), pair(columns(x, ax)), true).oneHot();
      int[] perm = axisFirst(sh.length, ax);
      int[] permuted = new int[sh.length];
      int[] inverse = new int[sh.length];
      for (int i = 0; i < sh.length; i++) {
        permuted[i] = sh[perm[i]];
        inverse[perm[i]] = i;
      }
      Tensor t = p.reshape(truthValues(hot), permuted);
      return ax == 0 ? t : p.transpose(t, inverse);
    }
  }

  /**
   * Max pooling: the windows by im2col (local), then {@link MaxTree} over each window. With
   * padding, every cell is first raised by 2^61 so that padded zeros lose to any real cell
   * (exact for inputs in {@code (-2^61, 2^61)}), and the result lowered back.
   */
  public Tensor maxPool2d(Tensor x, int poolH, int poolW, int strideH, int strideW, Padding padding) {
    ConvGeometry g = ConvGeometry.of(x.shape(), poolH, poolW, strideH, strideW, padding);
    int[] out = {g.batch(), g.outH(), g.outW(), g.channels()};
    try (var s = host.linear().scope("maxPool2d")) {
      if (isPublic(x)) {
        return inTheClear(x, out, r -> clear.maxPool(r, g));
      }
      int window = poolH * poolW;
      boolean padded = Arrays.stream(g.validCounts()).anyMatch(c -> c < window);
      long shift = host.poolShift();
      Tensor src = padded ? host.linear().addRingConstant(x, shift) : x;
      Tensor cols = p.reshape(host.linear().im2col(src, g), g.patchRows(), window, g.channels());
      Tensor windows = p.reshape(p.transpose(cols, 1, 0, 2), window, g.patchRows() * g.channels());
      Tensor max = p.reshape(tensor(MaxTree.reduce(ops, parties, cmp, p.name(), pair(windows), false).max()), out);
      return padded ? host.linear().addRingConstant(max, -shift) : max;
    }
  }
}
