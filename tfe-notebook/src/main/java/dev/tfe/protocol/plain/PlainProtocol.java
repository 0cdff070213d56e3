package dev.tfe.protocol.plain;

import dev.tfe.fixedpoint.FixedPoint;
import dev.tfe.graph.NodeRef;
import dev.tfe.graph.ValueKind;
import dev.tfe.graph.Ops;
import dev.tfe.graph.ComparisonOps;
import dev.tfe.protocol.AbstractProtocol;
import dev.tfe.protocol.Parties;
import dev.tfe.protocol.Tensor;
import dev.tfe.ring.ConvGeometry;
import dev.tfe.ring.ConvGeometry.Padding;
import dev.tfe.ring.RingTensor;
import dev.tfe.ring.Shapes;
import java.util.function.UnaryOperator;

/**
 * The plaintext reference protocol: the same fixed-point arithmetic as the secure protocols,
 * computed in the clear by {@code server0}. Truncation is an exact arithmetic shift (floor), so
 * a secure protocol agrees with it up to its documented truncation error. It is the oracle of
 * every conformance test, and it keeps no secret: it exists to check and to compare.
 */
public class PlainProtocol extends AbstractProtocol {
  public static final String NAME = "plain";

  public PlainProtocol(Ops ops, FixedPoint fp, Parties parties) {
    super(ops, fp, parties);
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The party that computes everything. */
  protected String host() {
    return parties.server0();
  }

  protected PlainTensor plain(Tensor t) {
    if (t instanceof PlainTensor p) {
      return p;
    }
    throw new IllegalArgumentException("tensor " + t + " does not belong to the plaintext protocol");
  }

  protected PlainTensor wrap(NodeRef r, Tensor.Kind k) {
    return new PlainTensor(r, k);
  }

  private static Tensor.Kind joint(Tensor a, Tensor b) {
    return a.kind() == Tensor.Kind.PUBLIC && b.kind() == Tensor.Kind.PUBLIC ? Tensor.Kind.PUBLIC : Tensor.Kind.PRIVATE;
  }

  /** A copy of {@code r} on the host: the planner turns the edge into a message. */
  private NodeRef moveToHost(NodeRef r) {
    return ops.move(r, host(), ValueKind.CLEAR);
  }

  @Override
  public Tensor definePrivateInput(String owner, String key, int... shape) {
    try (var s = scope("privateInput")) {
      return wrap(moveToHost(ops.input(owner, key, shape)), Tensor.Kind.PRIVATE);
    }
  }

  @Override
  public Tensor definePublicInput(String provider, String key, int... shape) {
    try (var s = scope("publicInput")) {
      return wrap(moveToHost(ops.input(provider, key, shape)), Tensor.Kind.PUBLIC);
    }
  }

  @Override
  public Tensor defineConstant(RingTensor encoded) {
    return wrap(ops.constant(host(), encoded), Tensor.Kind.PUBLIC);
  }

  @Override
  public Tensor definePrivateVariable(String owner, String key, int... shape) {
    try (var s = scope("privateVariable")) {
      String name = freshVariable("var");
      NodeRef init = moveToHost(ops.input(owner, key, shape));
      ops.varWrite(name, init);
      return wrap(ops.varRead(host(), name, shape), Tensor.Kind.PRIVATE);
    }
  }

  @Override
  public NodeRef defineOutput(String receiver, Tensor x, String key) {
    try (var s = scope("output")) {
      NodeRef v = plain(x).value();
      return ops.output(key, ops.move(v, receiver, ValueKind.OUTPUT));
    }
  }

  @Override
  protected Tensor mapLinear(Tensor x, int[] shape, UnaryOperator<NodeRef> f) {
    PlainTensor p = plain(x);
    return wrap(f.apply(p.value()), p.kind() == Tensor.Kind.PUBLIC ? Tensor.Kind.PUBLIC : Tensor.Kind.PRIVATE);
  }

  @Override
  public Tensor add(Tensor x, Tensor y) {
    try (var s = scope("add")) {
      return wrap(ops.add(plain(x).value(), plain(y).value()), joint(x, y));
    }
  }

  @Override
  public Tensor sub(Tensor x, Tensor y) {
    try (var s = scope("sub")) {
      Shapes.requireSame("sub", x.shape(), y.shape());
      return wrap(ops.sub(plain(x).value(), plain(y).value()), joint(x, y));
    }
  }

  @Override
  public Tensor neg(Tensor x) {
    try (var s = scope("neg")) {
      return wrap(ops.neg(plain(x).value()), x.kind() == Tensor.Kind.PUBLIC ? Tensor.Kind.PUBLIC : Tensor.Kind.PRIVATE);
    }
  }

  @Override
  protected Tensor mulNoTruncate(Tensor x, Tensor y) {
    return wrap(ops.mul(plain(x).value(), plain(y).value()), joint(x, y));
  }

  @Override
  protected Tensor scaleByRingConstant(Tensor x, long k) {
    return wrap(ops.scale(plain(x).value(), k), x.kind());
  }

  @Override
  protected Tensor addRingConstant(Tensor x, long k) {
    return wrap(ops.addScalar(plain(x).value(), k), x.kind());
  }

  @Override
  public Tensor mul(Tensor x, Tensor y) {
    try (var s = scope("mul")) {
      Shapes.requireSame("mul", x.shape(), y.shape());
      return truncate(mulNoTruncate(x, y));
    }
  }

  @Override
  public Tensor matmul(Tensor x, Tensor y) {
    try (var s = scope("matmul")) {
      return truncate(wrap(ops.matmul(plain(x).value(), plain(y).value()), joint(x, y)));
    }
  }

  /** Exact: an arithmetic shift right by the fractional bits (rounds toward minus infinity). */
  @Override
  public Tensor truncate(Tensor x) {
    try (var s = scope("truncate")) {
      PlainTensor p = plain(x);
      return wrap(ops.shr(p.value(), fp.config().fractionalBits()), p.kind());
    }
  }

  /** Exact ReLU: {@code x * [x >= 0]}. */
  @Override
  public Tensor relu(Tensor x) {
    try (var s = scope("relu")) {
      NodeRef v = plain(x).value();
      return wrap(ops.mul(v, ops.nonNegative(v)), x.kind());
    }
  }

  /** Masking hides nothing in the clear; the tensor is returned as it is. */
  @Override
  public Tensor mask(Tensor x) {
    return plain(x);
  }

  // ---- comparisons: exact, in the clear ---------------------------------------------------

  @Override
  public boolean supportsComparisons() {
    return true;
  }

  private ComparisonOps compareOps() {
    return new ComparisonOps(ops);
  }

  private static Tensor.Kind kindOf(Tensor... ts) {
    for (Tensor t : ts) {
      if (t.kind() != Tensor.Kind.PUBLIC) {
        return Tensor.Kind.PRIVATE;
      }
    }
    return Tensor.Kind.PUBLIC;
  }

  /** Integers (0/1 truth values, indices) as fixed-point numbers. */
  private NodeRef encodeIntegers(NodeRef bits) {
    return ops.scale(bits, fp.config().scale());
  }

  /** {@code [x >= 0]} as fixed point. */
  @Override
  public Tensor drelu(Tensor x) {
    try (var s = scope("drelu")) {
      return wrap(encodeIntegers(ops.nonNegative(plain(x).value())), kindOf(x));
    }
  }

  /** {@code 1 - [x - y >= 0]}. */
  @Override
  public Tensor less(Tensor x, Tensor y) {
    Shapes.requireSame("less", x.shape(), y.shape());
    try (var s = scope("less")) {
      NodeRef ge = ops.nonNegative(ops.sub(plain(x).value(), plain(y).value()));
      return wrap(encodeIntegers(ops.addScalar(ops.neg(ge), 1)), kindOf(x, y));
    }
  }

  @Override
  public Tensor greater(Tensor x, Tensor y) {
    try (var s = scope("greater")) {
      return less(y, x);
    }
  }

  /** {@code y + [x - y >= 0] (x - y)}. */
  @Override
  public Tensor maximum(Tensor x, Tensor y) {
    Shapes.requireSame("maximum", x.shape(), y.shape());
    try (var s = scope("maximum")) {
      NodeRef b = plain(y).value();
      NodeRef d = ops.sub(plain(x).value(), b);
      return wrap(ops.add(b, ops.mul(ops.nonNegative(d), d)), kindOf(x, y));
    }
  }

  /** {@code y + [cond >= 1/2] (x - y)}. */
  @Override
  public Tensor select(Tensor cond, Tensor x, Tensor y) {
    Shapes.requireSame("select", cond.shape(), x.shape());
    Shapes.requireSame("select", x.shape(), y.shape());
    try (var s = scope("select")) {
      NodeRef bit = ops.nonNegative(ops.addScalar(plain(cond).value(), -((fp.config().scale() + 1) / 2)));
      NodeRef b = plain(y).value();
      return wrap(ops.add(b, ops.mul(bit, ops.sub(plain(x).value(), b))), kindOf(cond, x, y));
    }
  }

  @Override
  public Tensor reduceMax(Tensor x, int axis) {
    try (var s = scope("reduceMax")) {
      return wrap(compareOps().max(plain(x).value(), axis), kindOf(x));
    }
  }

  @Override
  public Tensor argmax(Tensor x, int axis) {
    try (var s = scope("argmax")) {
      return wrap(encodeIntegers(compareOps().argmax(plain(x).value(), axis, false)), kindOf(x));
    }
  }

  @Override
  public Tensor argmaxOneHot(Tensor x, int axis) {
    try (var s = scope("argmax")) {
      return wrap(encodeIntegers(compareOps().argmax(plain(x).value(), axis, true)), kindOf(x));
    }
  }

  @Override
  public Tensor maxPool2d(Tensor x, int poolH, int poolW, int strideH, int strideW, Padding padding) {
    ConvGeometry g = ConvGeometry.of(x.shape(), poolH, poolW, strideH, strideW, padding);
    try (var s = scope("maxPool2d")) {
      return wrap(compareOps().maxPool(plain(x).value(), g), kindOf(x));
    }
  }
}
