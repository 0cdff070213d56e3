package dev.tfe.protocol;

import dev.tfe.fixedpoint.FixedPoint;
import dev.tfe.graph.Graph;
import dev.tfe.graph.NodeRef;
import dev.tfe.graph.Ops;
import dev.tfe.ring.ConvGeometry;
import dev.tfe.ring.ConvGeometry.Padding;
import dev.tfe.ring.RingTensor;
import dev.tfe.ring.Shapes;
import java.util.function.UnaryOperator;

/**
 * What every protocol shares: shape-only operations, convolution and average pooling through
 * im2col, products with public constants, and sigmoid and tanh (from the exact comparisons, where
 * the protocol has them), all written once over the protocol's primitives so that every protocol
 * computes the same fixed-point function.
 */
public abstract class AbstractProtocol implements Protocol {
  protected final Ops ops;
  protected final FixedPoint fp;
  protected final Parties parties;
  private int variableCounter;

  protected AbstractProtocol(Ops ops, FixedPoint fp, Parties parties) {
    this.ops = ops;
    this.fp = fp;
    this.parties = parties;
  }

  @Override
  public Ops ops() {
    return ops;
  }

  @Override
  public FixedPoint fixedPoint() {
    return fp;
  }

  @Override
  public Parties parties() {
    return parties;
  }

  protected Graph graph() {
    return ops.graph();
  }

  /**
   * Opens the frame of one call of this protocol's op {@code op} ({@link Graph#opScope}): the
   * nodes built until it closes carry the identity (this protocol's {@link #name()}, {@code op})
   * that the profile, the drawing and the cost views group by.
   */
  protected Graph.Scope scope(String op) {
    return graph().opScope(name(), op);
  }

  /** This protocol's local operations for generic functions built on it (see {@link LinearOps}). */
  protected final LinearOps linearOps() {
    return linear;
  }

  private final LinearOps linear = new LinearOps() {
    @Override
    public Tensor mapLinear(Tensor x, int[] shape, UnaryOperator<NodeRef> f) {
      return AbstractProtocol.this.mapLinear(x, shape, f);
    }

    @Override
    public Tensor mulNoTruncate(Tensor x, Tensor publicY) {
      return AbstractProtocol.this.mulNoTruncate(x, publicY);
    }

    @Override
    public Tensor addRingConstant(Tensor x, long k) {
      return AbstractProtocol.this.addRingConstant(x, k);
    }

    @Override
    public Tensor im2col(Tensor x, ConvGeometry g) {
      return AbstractProtocol.this.im2col(x, g);
    }

    @Override
    public Graph.Scope scope(String op) {
      return AbstractProtocol.this.scope(op);
    }
  };

  /** A fresh name for party-local variables. */
  protected synchronized String freshVariable(String hint) {
    return name() + "." + hint + "." + (++variableCounter) + "@" + graph().size();
  }

  /**
   * Applies a map that is linear over the ring (reshape, transpose, slice, sum, im2col) to every
   * share or copy of {@code x}, locally, giving a tensor of the same kind and {@code shape}.
   */
  protected abstract Tensor mapLinear(Tensor x, int[] shape, UnaryOperator<NodeRef> f);

  /** Multiplies by a public tensor without truncating (the caller decides the scale). */
  protected abstract Tensor mulNoTruncate(Tensor x, Tensor publicY);

  /** Multiplies every element by the ring constant {@code k}, without truncating. */
  protected abstract Tensor scaleByRingConstant(Tensor x, long k);

  /** Adds the ring constant {@code k} (an encoded value) to every element. */
  protected abstract Tensor addRingConstant(Tensor x, long k);

  /** Each node of {@code x} (share, copy or mask) into its party's variable {@code name.i}, in {@link #mapLinear}'s order. */
  @Override
  public java.util.List<NodeRef> assignVariable(String name, Tensor x) {
    java.util.List<NodeRef> writes = new java.util.ArrayList<>();
    mapLinear(x, x.shape(), r -> {
      NodeRef w = ops.varAssign(name + "." + writes.size(), r);
      writes.add(w);
      return w;
    });
    return writes;
  }

  /** Reads variable {@code name.i} into the place of the {@code i}-th node of {@code like}. */
  @Override
  public Tensor readVariable(String name, Tensor like) {
    int[] count = {0};
    return mapLinear(like, like.shape(), r -> ops.varRead(r.party(), name + "." + (count[0]++), r.shape()));
  }

  @Override
  public Tensor reduceSum(Tensor x, int axis) {
    try (var s = scope("reduceSum")) {
      int[] shape = x.shape();
      int ax = axis < 0 ? shape.length + axis : axis;
      if (ax < 0 || ax >= shape.length) {
        throw new IllegalArgumentException("reduceSum: axis " + axis + " out of range for shape " + Shapes.str(shape));
      }
      int[] out = new int[shape.length - 1];
      for (int i = 0, j = 0; i < shape.length; i++) {
        if (i != ax) {
          out[j++] = shape[i];
        }
      }
      return mapLinear(x, out, r -> ops.sum(r, ax));
    }
  }

  @Override
  public Tensor transpose(Tensor x, int... perm) {
    try (var s = scope("transpose")) {
      int[] sh = x.shape();
      int[] p = perm.length == 0 ? reverse(sh.length) : perm;
      int[] out = new int[sh.length];
      for (int i = 0; i < sh.length; i++) {
        if (p.length != sh.length || p[i] < 0 || p[i] >= sh.length) {
          throw new IllegalArgumentException("transpose: " + Shapes.str(p) + " is not a permutation for shape " + Shapes.str(sh));
        }
        out[i] = sh[p[i]];
      }
      return mapLinear(x, out, r -> ops.transpose(r, p));
    }
  }

  @Override
  public Tensor reshape(Tensor x, int... shape) {
    int[] out = Ops.inferShape(x.shape(), shape);
    try (var s = scope("reshape")) {
      return mapLinear(x, out, r -> ops.reshape(r, out));
    }
  }

  /** The im2col patch matrix, computed locally on every share. */
  public Tensor im2col(Tensor x, ConvGeometry g) {
    return mapLinear(x, new int[] {g.patchRows(), g.patchCols()}, r -> ops.im2col(r, g));
  }

  @Override
  public Tensor conv2d(Tensor x, Tensor kernel, int strideH, int strideW, Padding padding) {
    int[] k = kernel.shape();
    if (k.length != 4) {
      throw new IllegalArgumentException("conv2d: the kernel must be [kh, kw, Cin, Cout], got " + Shapes.str(k));
    }
    ConvGeometry g = ConvGeometry.of(x.shape(), k[0], k[1], strideH, strideW, padding);
    if (k[2] != g.channels()) {
      throw new IllegalArgumentException("conv2d: the input has " + g.channels() + " channels but the kernel expects " + k[2]);
    }
    try (var s = scope("conv2d")) {
      Tensor cols = im2col(x, g);
      Tensor w = reshape(kernel, g.patchCols(), k[3]);
      Tensor y = matmul(cols, w);
      return reshape(y, g.batch(), g.outH(), g.outW(), k[3]);
    }
  }

  @Override
  public Tensor avgPool2d(Tensor x, int poolH, int poolW, int strideH, int strideW, Padding padding) {
    ConvGeometry g = ConvGeometry.of(x.shape(), poolH, poolW, strideH, strideW, padding);
    try (var s = scope("avgPool2d")) {
      int c = g.channels();
      Tensor cols = im2col(x, g);
      Tensor windows = reshape(cols, g.patchRows(), poolH * poolW, c);
      Tensor sums = reduceSum(windows, 1);
      long[] counts = g.validCounts();
      if (java.util.Arrays.stream(counts).allMatch(n -> n == counts[0])) {
        return reshape(mulConstant(sums, 1.0 / counts[0]), g.batch(), g.outH(), g.outW(), c);
      }
      long[] inv = new long[g.patchRows() * c];
      for (int row = 0; row < g.patchRows(); row++) {
        long e = fp.encode(1.0 / counts[row % counts.length], "1/window size");
        for (int ch = 0; ch < c; ch++) {
          inv[row * c + ch] = e;
        }
      }
      Tensor scaled = truncate(mulNoTruncate(sums, defineConstant(RingTensor.of(inv, g.patchRows(), c))));
      return reshape(scaled, g.batch(), g.outH(), g.outW(), c);
    }
  }

  /** Multiplies by the public real {@code k}, truncating once. */
  public Tensor mulConstant(Tensor x, double k) {
    return truncate(scaleByRingConstant(x, fp.encode(k, "constant")));
  }

  /** Adds the public real {@code k} to every element. */
  public Tensor addConstant(Tensor x, double k) {
    return addRingConstant(x, fp.encode(k, "constant"));
  }

  @Override
  public Tensor square(Tensor x) {
    return mul(x, x);
  }

  /**
   * The logistic function over every input, within {@link OddActivation#errorBound} (3e-4 with
   * 16 fractional bits): exact comparisons clip and select between polynomial pieces (see
   * {@link OddActivation}). A protocol without exact comparisons refuses.
   */
  @Override
  public Tensor sigmoid(Tensor x) {
    requireComparisons("sigmoid");
    try (var s = scope("sigmoid")) {
      return OddActivation.SIGMOID.apply(this, x);
    }
  }

  /** The hyperbolic tangent over every input, within {@link OddActivation#errorBound} (4e-4 with 16 fractional bits). */
  @Override
  public Tensor tanh(Tensor x) {
    requireComparisons("tanh");
    try (var s = scope("tanh")) {
      return OddActivation.TANH.apply(this, x);
    }
  }

  private void requireComparisons(String op) {
    if (!supportsComparisons()) {
      throw new UnsupportedOperationException(name() + " has no exact comparisons, so its " + op + " could only be a "
          + "polynomial, wrong by far for inputs outside a small interval (trained models' pre-activations reach 10 "
          + "to 40); use the SecureNN protocol (tfe.secureNn(), the default of tfe.privateModel), whose " + op
          + " is accurate to " + (op.equals("tanh") ? OddActivation.TANH_BOUND : OddActivation.SIGMOID_BOUND)
          + " for every input" + (op.equals("sigmoid") ? ", or, if you know every input lies in [-4, 4], "
          + "polynomialSigmoid(x) (error up to 0.038 there, unbounded outside)" : ""));
    }
  }

  /**
   * The logistic function by the odd polynomial {@code 0.5 + 0.21660622 x - 0.00660418 x^3}, a
   * least-squares fit on [-4, 4] made for this library: maximum error 0.038 for inputs in
   * [-4, 4], and it diverges outside (4.94 instead of 0 at x = -10), as the polynomial sigmoids of SecureML
   * and tf-encrypted's Pond do. Only for protocols without comparisons, on inputs known to lie in
   * [-4, 4]. Two products and two public scalings, each truncated.
   */
  @Override
  public Tensor polynomialSigmoid(Tensor x) {
    try (var s = scope("polynomialSigmoid")) {
      Tensor x2 = square(x);
      Tensor x3 = mul(x2, x);
      Tensor lin = mulConstant(x, 0.21660622);
      Tensor cub = mulConstant(x3, -0.00660418);
      return addConstant(add(lin, cub), 0.5);
    }
  }

  private static int[] reverse(int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = n - 1 - i;
    }
    return p;
  }
}
