package dev.tfe.protocol.aby3;

import dev.tfe.fixedpoint.FixedPoint;
import dev.tfe.graph.NodeRef;
import dev.tfe.graph.ValueKind;
import dev.tfe.graph.Ops;
import dev.tfe.protocol.AbstractProtocol;
import dev.tfe.protocol.Parties;
import dev.tfe.protocol.Tensor;
import dev.tfe.ring.RingTensor;
import dev.tfe.ring.Shapes;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * The arithmetic of ABY3 (Mohassel and Rindal, "ABY3: A Mixed Protocol Framework for Machine
 * Learning", CCS 2018, section 5.1): three symmetric parties hold 2-out-of-3 replicated shares over
 * Z_2^64 ({@link Shares}); there is no dealer, all correlated randomness comes from pairwise PRG
 * keys agreed at setup ({@link PairwiseSeeds}). Linear operations are local; products cost one
 * round of resharing, {@code 3n} words ({@link Multiplication}), and are truncated by share
 * truncation, fused into the product (two rounds, still {@code 3n} words). {@link Aby3} adds
 * binary sharing and the comparisons.
 *
 * <p>Security: semi-honest, honest majority (no two parties collude); each party sees only
 * uniformly random shares and messages masked by PRG streams of a key it lacks.
 */
public abstract class ReplicatedArithmetic extends AbstractProtocol {

  private final List<String> p;
  private final PairwiseSeeds seeds;

  protected ReplicatedArithmetic(Ops ops, FixedPoint fp, Parties parties) {
    super(ops, fp, parties);
    this.p = List.of(parties.server0(), parties.server1(), parties.cryptoProducer());
    this.seeds = new PairwiseSeeds(ops, p);
  }

  /** The three parties, in share order. */
  List<String> partyList() {
    return p;
  }

  PairwiseSeeds seeds() {
    return seeds;
  }

  // ---- kinds ------------------------------------------------------------------------------

  static boolean isPublic(Tensor t) {
    return t.kind() == Tensor.Kind.PUBLIC;
  }

  Shares priv(Tensor t) {
    if (t instanceof ReplicatedTensor r) {
      return r.shares;
    }
    throw new IllegalArgumentException("expected a private tensor of " + Aby3.NAME + ", got " + t);
  }

  ReplicatedPublicTensor pub(Tensor t) {
    if (t instanceof ReplicatedPublicTensor r) {
      return r;
    }
    throw new IllegalArgumentException("expected a public tensor of " + Aby3.NAME + ", got " + t);
  }

  static ReplicatedTensor tensor(Shares s) {
    return new ReplicatedTensor(s);
  }

  // ---- inputs and outputs -----------------------------------------------------------------

  /**
   * The owner draws two keys: {@code x_0} is the stream of the first (sent to parties 0 and 2),
   * {@code x_1} of the second (to parties 0 and 1), and it sends {@code x_2 = x - x_0 - x_1} to
   * parties 1 and 2. Cost: 128 bytes and {@code 2n} words, one round.
   */
  @Override
  public Tensor definePrivateInput(String owner, String key, int... shape) {
    try (var s = scope("privateInput")) {
      return tensor(share(ops.input(owner, key, shape)));
    }
  }

  Shares share(NodeRef x) {
    int[] shape = x.shape();
    NodeRef k0 = ops.seed(x.party());
    NodeRef k1 = ops.seed(x.party());
    NodeRef x2 = ops.sub(ops.sub(x, ops.expand(k0, 0, shape)), ops.expand(k1, 0, shape));
    NodeRef k0on0 = ops.move(k0, p.get(0), ValueKind.SHARE);
    NodeRef k0on2 = ops.move(k0, p.get(2), ValueKind.SHARE);
    NodeRef k1on0 = ops.move(k1, p.get(0), ValueKind.SHARE);
    NodeRef k1on1 = ops.move(k1, p.get(1), ValueKind.SHARE);
    NodeRef[] own = {ops.expand(k0on0, 0, shape), ops.expand(k1on1, 0, shape), ops.move(x2, p.get(2), ValueKind.SHARE)};
    NodeRef[] next = {ops.expand(k1on0, 0, shape), ops.move(x2, p.get(1), ValueKind.SHARE), ops.expand(k0on2, 0, shape)};
    return new Shares(own, next);
  }

  @Override
  public Tensor definePublicInput(String provider, String key, int... shape) {
    try (var s = scope("publicInput")) {
      NodeRef v = ops.input(provider, key, shape);
      return new ReplicatedPublicTensor(new NodeRef[] {ops.move(v, p.get(0), ValueKind.PUBLIC), ops.move(v, p.get(1), ValueKind.PUBLIC), ops.move(v, p.get(2), ValueKind.PUBLIC)});
    }
  }

  @Override
  public Tensor defineConstant(RingTensor encoded) {
    return new ReplicatedPublicTensor(new NodeRef[] {
        ops.constant(p.get(0), encoded), ops.constant(p.get(1), encoded), ops.constant(p.get(2), encoded)});
  }

  /** Shared once, in the initialisation run; every party keeps its two shares as variables. */
  @Override
  public Tensor definePrivateVariable(String owner, String key, int... shape) {
    try (var s = scope("privateVariable")) {
      Shares init = share(ops.input(owner, key, shape));
      String name = freshVariable("var");
      NodeRef[] own = new NodeRef[3];
      NodeRef[] next = new NodeRef[3];
      for (int i = 0; i < 3; i++) {
        ops.varWrite(name + ".own" + i, init.own()[i]);
        ops.varWrite(name + ".next" + i, init.next()[i]);
        own[i] = ops.varRead(p.get(i), name + ".own" + i, shape);
        next[i] = ops.varRead(p.get(i), name + ".next" + i, shape);
      }
      return tensor(new Shares(own, next));
    }
  }

  /**
   * Reveals to {@code receiver} alone: it gets each share from one party that holds it (a party
   * of the three needs one share, {@code n} words; another party needs all three, {@code 3n}).
   */
  @Override
  public NodeRef defineOutput(String receiver, Tensor x, String key) {
    try (var s = scope("output")) {
      if (isPublic(x)) {
        return ops.output(key, ops.move(pub(x).copies[0], receiver, ValueKind.OUTPUT));
      }
      Shares sh = priv(x);
      NodeRef sum = null;
      for (int j = 0; j < 3; j++) {
        NodeRef share = receiver.equals(p.get((j + 2) % 3)) ? sh.next()[(j + 2) % 3] : ops.move(sh.own()[j], receiver, ValueKind.OUTPUT);
        sum = sum == null ? share : ops.add(sum, share);
      }
      return ops.output(key, sum);
    }
  }

  /** Opens {@code x} to all three parties: each gets the share it lacks from the next one, {@code 3n} words, one round. */
  public Tensor reveal(Tensor x) {
    if (isPublic(x)) {
      return x;
    }
    try (var s = scope("reveal")) {
      Shares sh = priv(x);
      NodeRef[] c = new NodeRef[3];
      for (int i = 0; i < 3; i++) {
        NodeRef missing = ops.move(sh.next()[(i + 1) % 3], p.get(i), ValueKind.OUTPUT);
        c[i] = ops.add(ops.add(sh.own()[i], sh.next()[i]), missing);
      }
      return new ReplicatedPublicTensor(c);
    }
  }

  // ---- linear -----------------------------------------------------------------------------

  @Override
  protected Tensor mapLinear(Tensor x, int[] shape, UnaryOperator<NodeRef> f) {
    if (isPublic(x)) {
      return pub(x).map(f);
    }
    return tensor(priv(x).map(f));
  }

  @Override
  public Tensor add(Tensor x, Tensor y) {
    try (var s = scope("add")) {
      return combine(x, y, false);
    }
  }

  @Override
  public Tensor sub(Tensor x, Tensor y) {
    try (var s = scope("sub")) {
      Shapes.requireSame("sub", x.shape(), y.shape());
      return combine(x, y, true);
    }
  }

  private Tensor combine(Tensor x, Tensor y, boolean minus) {
    BinaryOperator<NodeRef> f = minus ? ops::sub : ops::add;
    if (isPublic(x) && isPublic(y)) {
      NodeRef[] a = pub(x).copies;
      NodeRef[] b = pub(y).copies;
      return new ReplicatedPublicTensor(new NodeRef[] {f.apply(a[0], b[0]), f.apply(a[1], b[1]), f.apply(a[2], b[2])});
    }
    if (isPublic(y)) {
      NodeRef[] b = pub(y).copies;
      return tensor(priv(x).mapShare(0, v -> f.apply(v, b[partyIndex(v)])));
    }
    if (isPublic(x)) {
      NodeRef[] a = pub(x).copies;
      Shares n = minus ? priv(y).map(ops::neg) : priv(y);
      return tensor(n.mapShare(0, v -> ops.add(v, a[partyIndex(v)])));
    }
    return tensor(priv(x).zip(priv(y), f));
  }

  int partyIndex(NodeRef v) {
    int i = p.indexOf(v.party());
    if (i < 0) {
      throw new IllegalStateException(v + " is not held by one of " + p);
    }
    return i;
  }

  @Override
  public Tensor neg(Tensor x) {
    try (var s = scope("neg")) {
      return isPublic(x) ? pub(x).map(ops::neg) : tensor(priv(x).map(ops::neg));
    }
  }

  @Override
  protected Tensor scaleByRingConstant(Tensor x, long k) {
    return isPublic(x) ? pub(x).map(v -> ops.scale(v, k)) : tensor(priv(x).map(v -> ops.scale(v, k)));
  }

  @Override
  protected Tensor addRingConstant(Tensor x, long k) {
    return isPublic(x) ? pub(x).map(v -> ops.addScalar(v, k)) : tensor(priv(x).mapShare(0, v -> ops.addScalar(v, k)));
  }

  // ---- products ---------------------------------------------------------------------------

  @Override
  protected Tensor mulNoTruncate(Tensor x, Tensor y) {
    return product(ops::mul, x, y, false);
  }

  @Override
  public Tensor mul(Tensor x, Tensor y) {
    Shapes.requireSame("mul", x.shape(), y.shape());
    try (var s = scope("mul")) {
      return product(ops::mul, x, y, true);
    }
  }

  @Override
  public Tensor matmul(Tensor x, Tensor y) {
    int[] a = x.shape();
    int[] b = y.shape();
    if (a.length != 2 || b.length != 2 || a[1] != b[0]) {
      throw new IllegalArgumentException(
          "matmul: cannot multiply " + Shapes.str(a) + " by " + Shapes.str(b) + "; inner dimensions must agree");
    }
    try (var s = scope("matmul")) {
      return product(ops::matmul, x, y, true);
    }
  }

  /** {@code f(x, y)}, truncated if asked: local with a public operand, else {@link Multiplication}. */
  private Tensor product(BinaryOperator<NodeRef> f, Tensor x, Tensor y, boolean truncate) {
    Tensor out;
    if (isPublic(x) && isPublic(y)) {
      NodeRef[] a = pub(x).copies;
      NodeRef[] b = pub(y).copies;
      out = new ReplicatedPublicTensor(new NodeRef[] {f.apply(a[0], b[0]), f.apply(a[1], b[1]), f.apply(a[2], b[2])});
    } else if (isPublic(y)) {
      NodeRef[] b = pub(y).copies;
      out = tensor(priv(x).map(v -> f.apply(v, b[partyIndex(v)])));
    } else if (isPublic(x)) {
      NodeRef[] a = pub(x).copies;
      out = tensor(priv(y).map(v -> f.apply(a[partyIndex(v)], v)));
    } else {
      int bits = fp.config().fractionalBits();
      if (truncate && bits > 0) {
        return tensor(Multiplication.truncatedProduct(ops, p, seeds, f, priv(x), priv(y), bits));
      }
      return tensor(Multiplication.product(ops, p, seeds, f, priv(x), priv(y)));
    }
    return truncate ? truncate(out) : out;
  }

  /** Share truncation of {@link Multiplication#truncate}: one round, {@code n} words; public values shift locally. */
  @Override
  public Tensor truncate(Tensor x) {
    int f = fp.config().fractionalBits();
    if (f == 0) {
      return x;
    }
    try (var s = scope("truncate")) {
      if (isPublic(x)) {
        return pub(x).map(v -> ops.shr(v, f));
      }
      return tensor(Multiplication.truncate(ops, p, seeds, priv(x), f));
    }
  }

  /** ABY3's products open nothing, so there is nothing to mask: {@code x} itself. */
  @Override
  public Tensor mask(Tensor x) {
    priv(x);
    return x;
  }
}
