package dev.tfe.protocol.share;

import dev.tfe.fixedpoint.FixedPoint;
import dev.tfe.graph.ComparisonOps;
import dev.tfe.graph.NodeRef;
import dev.tfe.graph.Ops;
import dev.tfe.protocol.Parties;
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
 * Exact comparisons written once for two-server additive sharing, over a protocol's
 * {@link Comparison} capability (DReLU and an exact product): DReLU, ReLU as {@code x * DReLU(x)}
 * (SecureNN's Algorithm 7), less and greater, maximum, select (SelectShare, Algorithm 2), the
 * maximum and argmax over an axis by the {@link MaxTree} and max pooling (Algorithm 9 as a
 * tournament); sigmoid and tanh ({@code OddActivation}) are built on these. Public operands are
 * compared in the clear ({@link ComparisonOps}). A protocol with a comparison sub-protocol
 * (SecureNN: Wagh, Gupta and Chandran, PoPETs 2019) extends this class and passes its
 * capability; it writes none of these functions itself.
 *
 * <p>Comparisons read values as signed ring elements and are exact when the compared values (or
 * their difference) lie in {@code [-2^62, 2^62)}: every fixed-point value does. Truth values are
 * returned as the fixed-point numbers 1.0 and 0.0.
 */
public abstract class ComparingProtocol extends AdditiveProtocol {
  /** Added to every cell before max pooling with padding, so that padded zeros always lose. */
  private static final long POOL_SHIFT = 1L << 61;

  private final Comparison cmp;
  private final ComparisonOps clear;
  /** For truth values this protocol made: their shares as bits (scale 1), for exact selects. */
  private final Map<Tensor, Pair> bitsOf = Collections.synchronizedMap(new WeakHashMap<>());

  protected ComparingProtocol(Ops ops, FixedPoint fp, Parties parties, TruncationMode truncation, DealerFactory dealers,
      Comparison comparison) {
    super(ops, fp, parties, truncation, dealers);
    this.cmp = comparison;
    this.clear = new ComparisonOps(ops);
  }

  @Override
  public boolean supportsComparisons() {
    return true;
  }

  // ---- helpers ----------------------------------------------------------------------------

  private Pair pair(Tensor t) {
    AdditivePrivateTensor p = priv(t);
    return new Pair(p.share0(), p.share1());
  }

  private AdditivePrivateTensor tensor(Pair p) {
    return shares(p.on0(), p.on1());
  }

  private static boolean isPublic(Tensor t) {
    return t.kind() == Tensor.Kind.PUBLIC;
  }

  /** Shares of bits (scale 1) as the fixed-point truth values 0.0 and 1.0, remembering the bits. */
  private Tensor truthValues(Pair bits) {
    long scale = fp.config().scale();
    Tensor t = tensor(bits.map(v -> ops.scale(v, scale)));
    bitsOf.put(t, bits);
    return t;
  }

  /** A public tensor mapped by any function: each server applies it to its own copy. */
  private Tensor inTheClear(Tensor x, int[] shape, UnaryOperator<NodeRef> f) {
    return mapLinear(x, shape, f);
  }

  private NodeRef encodeIntegers(NodeRef v) {
    return ops.scale(v, fp.config().scale());
  }

  /** The bits of a truth value: remembered if this protocol made it, else {@code [cond >= 1/2]} by DReLU. */
  private Pair bitsFor(Tensor cond) {
    Pair known = bitsOf.get(cond);
    if (known != null) {
      return known;
    }
    return cmp.drelu(pair(addRingConstant(cond, -((fp.config().scale() + 1) / 2))));
  }

  // ---- DReLU and ReLU ---------------------------------------------------------------------

  /** {@code [x >= 0]}: the capability's DReLU (SecureNN's: 488 bytes per element in 8 rounds). */
  @Override
  public Tensor drelu(Tensor x) {
    if (isPublic(x)) {
      try (var s = scope("drelu")) {
        return inTheClear(x, x.shape(), r -> encodeIntegers(ops.nonNegative(r)));
      }
    }
    return truthValues(cmp.drelu(pair(x)));
  }

  /**
   * Exact ReLU, {@code x * DReLU(x)} (Algorithm 7; SecureNN: 528 bytes per element in 9 rounds), and no
   * truncation, so the result equals the plaintext one bit for bit.
   */
  @Override
  public Tensor relu(Tensor x) {
    try (var s = scope("relu")) {
      if (isPublic(x)) {
        return inTheClear(x, x.shape(), r -> ops.mul(r, ops.nonNegative(r)));
      }
      return tensor(cmp.relu(pair(x)));
    }
  }

  // ---- comparisons ------------------------------------------------------------------------

  /** {@code [x < y] = 1 - DReLU(x - y)}. */
  @Override
  public Tensor less(Tensor x, Tensor y) {
    Shapes.requireSame("less", x.shape(), y.shape());
    try (var s = scope("less")) {
      Tensor d = sub(x, y);
      if (isPublic(d)) {
        return inTheClear(d, d.shape(), r -> encodeIntegers(ops.addScalar(ops.neg(ops.nonNegative(r)), 1)));
      }
      Pair ge = cmp.drelu(pair(d));
      return truthValues(new Pair(ops.addScalar(ops.neg(ge.on0()), 1), ops.neg(ge.on1())));
    }
  }

  /** {@code [x > y] = [y < x]}. */
  @Override
  public Tensor greater(Tensor x, Tensor y) {
    try (var s = scope("greater")) {
      return less(y, x);
    }
  }

  /** {@code y + DReLU(x - y) (x - y)}: one DReLU and one product. */
  @Override
  public Tensor maximum(Tensor x, Tensor y) {
    Shapes.requireSame("maximum", x.shape(), y.shape());
    try (var s = scope("maximum")) {
      Tensor d = sub(x, y);
      if (isPublic(d)) {
        Tensor ge = inTheClear(d, d.shape(), ops::nonNegative);
        return add(y, mulNoTruncate(ge, d));
      }
      Pair dp = pair(d);
      return add(y, tensor(cmp.hasReluGate() ? cmp.relu(dp) : cmp.product(dp, cmp.drelu(dp))));
    }
  }

  /**
   * {@code y + b (x - y)} with {@code b} the bits of {@code cond} (SelectShare, Algorithm 2).
   * A truth value made by this protocol is used as it is; any other private {@code cond} costs a
   * DReLU of {@code cond - 1/2} first.
   */
  @Override
  public Tensor select(Tensor cond, Tensor x, Tensor y) {
    Shapes.requireSame("select", cond.shape(), x.shape());
    Shapes.requireSame("select", x.shape(), y.shape());
    try (var s = scope("select")) {
      Tensor d = sub(x, y);
      Tensor prod;
      if (isPublic(cond)) {
        long half = (fp.config().scale() + 1) / 2;
        Tensor b = inTheClear(cond, cond.shape(), r -> ops.nonNegative(ops.addScalar(r, -half)));
        prod = mulNoTruncate(d, b);
      } else {
        Pair bits = bitsFor(cond);
        prod = isPublic(d) ? mulNoTruncate(tensor(bits), d) : tensor(cmp.product(pair(d), bits));
      }
      return add(y, prod);
    }
  }

  /**
   * What max pooling with padding adds to every cell so that padded zeros lose: 2^61, for
   * comparisons exact on {@code [-2^62, 2^62)}. A protocol that compares on fewer bits returns
   * a smaller shift that still exceeds every fixed-point value.
   */
  protected long poolShift() {
    return POOL_SHIFT;
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
    Tensor t = ax == 0 ? x : transpose(x, axisFirst(sh.length, ax));
    return reshape(t, sh[ax], Shapes.size(sh) / sh[ax]);
  }

  /** The maximum over one axis by {@link MaxTree}: {@code m - 1} comparisons in {@code ceil(log2 m)} levels. */
  @Override
  public Tensor reduceMax(Tensor x, int axis) {
    int[] sh = x.shape();
    int ax = axis(sh, axis, "reduceMax");
    int[] out = Comparisons.without(sh, ax);
    try (var s = scope("reduceMax")) {
      if (isPublic(x)) {
        return inTheClear(x, out, r -> clear.max(r, ax));
      }
      MaxTree.Result r = MaxTree.reduce(ops, parties, cmp, name(), pair(columns(x, ax)), false);
      return reshape(tensor(r.max()), out);
    }
  }

  /** The index of the maximum (lowest on ties), private; only an output's receiver learns it. */
  @Override
  public Tensor argmax(Tensor x, int axis) {
    int[] sh = x.shape();
    int ax = axis(sh, axis, "argmax");
    int[] out = Comparisons.without(sh, ax);
    try (var s = scope("argmax")) {
      if (isPublic(x)) {
        return inTheClear(x, out, r -> encodeIntegers(clear.argmax(r, ax, false)));
      }
      Pair hot = MaxTree.reduce(ops, parties, cmp, name(), pair(columns(x, ax)), true).oneHot();
      int m = sh[ax];
      long[] w = new long[m];
      for (int k = 0; k < m; k++) {
        w[k] = k * fp.config().scale();
      }
      RingTensor weights = RingTensor.of(w, m, 1);
      return reshape(tensor(hot.map(v -> ops.matmul(ops.transpose(v), ops.constant(v.party(), weights)))), out);
    }
  }

  /** The one-hot mask of the maximum (lowest index on ties), private, in the shape of {@code x}. */
  @Override
  public Tensor argmaxOneHot(Tensor x, int axis) {
    int[] sh = x.shape();
    int ax = axis(sh, axis, "argmax");
    try (var s = scope("argmax")) {
      if (isPublic(x)) {
        return inTheClear(x, sh, r -> encodeIntegers(clear.argmax(r, ax, true)));
      }
      Pair hot = MaxTree.reduce(ops, parties, cmp, name(), pair(columns(x, ax)), true).oneHot();
      int[] perm = axisFirst(sh.length, ax);
      int[] permuted = new int[sh.length];
      int[] inverse = new int[sh.length];
      for (int i = 0; i < sh.length; i++) {
        permuted[i] = sh[perm[i]];
        inverse[perm[i]] = i;
      }
      Tensor t = reshape(truthValues(hot), permuted);
      return ax == 0 ? t : transpose(t, inverse);
    }
  }

  /**
   * Max pooling: the windows by im2col (local), then {@link MaxTree} over each window. With
   * padding, every cell is first raised by {@link #poolShift()} (2^61) so that padded zeros lose to any real cell
   * (exact for inputs in {@code (-2^61, 2^61)}), and the result lowered back.
   */
  @Override
  public Tensor maxPool2d(Tensor x, int poolH, int poolW, int strideH, int strideW, Padding padding) {
    ConvGeometry g = ConvGeometry.of(x.shape(), poolH, poolW, strideH, strideW, padding);
    int[] out = {g.batch(), g.outH(), g.outW(), g.channels()};
    try (var s = scope("maxPool2d")) {
      if (isPublic(x)) {
        return inTheClear(x, out, r -> clear.maxPool(r, g));
      }
      int window = poolH * poolW;
      boolean padded = Arrays.stream(g.validCounts()).anyMatch(c -> c < window);
      long shift = poolShift();
      Tensor src = padded ? addRingConstant(x, shift) : x;
      Tensor cols = reshape(im2col(src, g), g.patchRows(), window, g.channels());
      Tensor windows = reshape(transpose(cols, 1, 0, 2), window, g.patchRows() * g.channels());
      Tensor max = reshape(tensor(MaxTree.reduce(ops, parties, cmp, name(), pair(windows), false).max()), out);
      return padded ? addRingConstant(max, -shift) : max;
    }
  }
}
