package dev.tfe.protocol.share;

import dev.tfe.fixedpoint.FixedPoint;
import dev.tfe.graph.NodeRef;
import dev.tfe.graph.ValueKind;
import dev.tfe.graph.Ops;
import dev.tfe.protocol.AbstractProtocol;
import dev.tfe.protocol.Parties;
import dev.tfe.protocol.Tensor;
import dev.tfe.ring.RingTensor;
import dev.tfe.ring.Shapes;
import java.util.function.UnaryOperator;

/**
 * Two-server additive secret sharing over Z_2^64 with a dealer, the arithmetic that Pond (Dahl et
 * al., 2018, as in tf-encrypted) and SecureNN (Wagh, Gupta and Chandran, PoPETs 2019) share: two
 * servers hold additive shares; linear operations are local; products use {@link Beaver} with
 * triples from a {@link Dealer}; fixed-point products are truncated by {@link Truncation}; a
 * private weight can be masked once and reused ({@link AdditiveMaskedTensor}). A protocol
 * composes it with its dealer (one per op, from the {@link DealerFactory} it passes) and adds
 * its own operations.
 *
 * <p>Security: semi-honest, non-colluding servers; a server sees only uniformly random shares
 * and openings of uniformly masked values.
 */
public abstract class AdditiveProtocol extends AbstractProtocol {
  private final TruncationMode truncation;
  private final DealerFactory dealers;

  /** Makes the dealer of one protocol op. */
  @FunctionalInterface
  public interface DealerFactory {
    Dealer create(Ops ops, Parties parties);
  }

  protected AdditiveProtocol(Ops ops, FixedPoint fp, Parties parties, TruncationMode truncation, DealerFactory dealers) {
    super(ops, fp, parties);
    this.truncation = truncation;
    this.dealers = dealers;
  }

  public TruncationMode truncationMode() {
    return truncation;
  }

  /** A new dealer for one protocol op. */
  protected Dealer newDealer() {
    return dealers.create(ops, parties);
  }

  // ---- kinds ------------------------------------------------------------------------------

  /** The private value of a private or masked tensor; throws for anything else. */
  protected AdditivePrivateTensor priv(Tensor t) {
    if (t instanceof AdditivePrivateTensor p) {
      return p;
    }
    if (t instanceof AdditiveMaskedTensor m) {
      return m.unmasked;
    }
    throw new IllegalArgumentException("expected a private tensor of " + name() + ", got " + t);
  }

  protected AdditivePublicTensor pub(Tensor t) {
    if (t instanceof AdditivePublicTensor p) {
      return p;
    }
    throw new IllegalArgumentException("expected a public tensor of " + name() + ", got " + t);
  }

  private static boolean isPublic(Tensor t) {
    return t.kind() == Tensor.Kind.PUBLIC;
  }

  /** Shares of a private tensor. */
  public AdditivePrivateTensor shares(NodeRef s0, NodeRef s1) {
    return new AdditivePrivateTensor(s0, s1);
  }

  // ---- inputs and outputs -----------------------------------------------------------------

  /**
   * The owner draws a seed, sends it to server0, which expands its share {@code x0}; the owner
   * sends {@code x1 = x - x0} to server1. Cost: 32 bytes and {@code 8n} bytes, one round.
   */
  @Override
  public Tensor definePrivateInput(String owner, String key, int... shape) {
    try (var s = scope("privateInput")) {
      return share(ops.input(owner, key, shape));
    }
  }

  /** Secret-shares a value held in the clear by its party (see {@link #definePrivateInput}). */
  protected AdditivePrivateTensor share(NodeRef x) {
    NodeRef seed = ops.seed(x.party());
    NodeRef x0 = ops.expand(ops.move(seed, parties.server0(), ValueKind.SHARE), 0, x.shape());
    NodeRef x1 = ops.move(ops.sub(x, ops.expand(seed, 0, x.shape())), parties.server1(), ValueKind.SHARE);
    return new AdditivePrivateTensor(x0, x1);
  }

  @Override
  public Tensor definePublicInput(String provider, String key, int... shape) {
    try (var s = scope("publicInput")) {
      NodeRef v = ops.input(provider, key, shape);
      return new AdditivePublicTensor(ops.move(v, parties.server0(), ValueKind.PUBLIC), ops.move(v, parties.server1(), ValueKind.PUBLIC));
    }
  }

  @Override
  public Tensor defineConstant(RingTensor encoded) {
    return new AdditivePublicTensor(ops.constant(parties.server0(), encoded), ops.constant(parties.server1(), encoded));
  }

  @Override
  public Tensor definePrivateVariable(String owner, String key, int... shape) {
    try (var s = scope("privateVariable")) {
      AdditivePrivateTensor init = share(ops.input(owner, key, shape));
      String name = freshVariable("var");
      ops.varWrite(name + ".0", init.share0);
      ops.varWrite(name + ".1", init.share1);
      NodeRef r0 = ops.varRead(parties.server0(), name + ".0", shape);
      NodeRef r1 = ops.varRead(parties.server1(), name + ".1", shape);
      return new AdditivePrivateTensor(r0, r1, init);
    }
  }

  /** Both servers send their shares to the receiver, who adds them: only it learns the value. */
  @Override
  public NodeRef defineOutput(String receiver, Tensor x, String key) {
    try (var s = scope("output")) {
      if (isPublic(x)) {
        return ops.output(key, ops.move(pub(x).on0, receiver, ValueKind.OUTPUT));
      }
      AdditivePrivateTensor p = priv(x);
      NodeRef v = ops.add(ops.move(p.share0, receiver, ValueKind.OUTPUT), ops.move(p.share1, receiver, ValueKind.OUTPUT));
      return ops.output(key, v);
    }
  }

  // ---- linear -----------------------------------------------------------------------------

  @Override
  protected Tensor mapLinear(Tensor x, int[] shape, UnaryOperator<NodeRef> f) {
    if (x instanceof AdditivePublicTensor p) {
      return new AdditivePublicTensor(f.apply(p.on0), f.apply(p.on1));
    }
    if (x instanceof AdditiveMaskedTensor m) {
      return new AdditiveMaskedTensor(mapPrivate(m.unmasked, f), f.apply(m.a), f.apply(m.a0), f.apply(m.a1),
          f.apply(m.alphaOn0), f.apply(m.alphaOn1));
    }
    return mapPrivate(priv(x), f);
  }

  private AdditivePrivateTensor mapPrivate(AdditivePrivateTensor p, UnaryOperator<NodeRef> f) {
    AdditivePrivateTensor init = p.init == null ? null : mapPrivate(p.init, f);
    return new AdditivePrivateTensor(f.apply(p.share0), f.apply(p.share1), init);
  }

  @Override
  public Tensor add(Tensor x, Tensor y) {
    try (var s = scope("add")) {
      return addOrSub(x, y, false);
    }
  }

  @Override
  public Tensor sub(Tensor x, Tensor y) {
    try (var s = scope("sub")) {
      Shapes.requireSame("sub", x.shape(), y.shape());
      return addOrSub(x, y, true);
    }
  }

  private Tensor addOrSub(Tensor x, Tensor y, boolean minus) {
    if (isPublic(x) && isPublic(y)) {
      AdditivePublicTensor a = pub(x);
      AdditivePublicTensor b = pub(y);
      return new AdditivePublicTensor(combine(a.on0, b.on0, minus), combine(a.on1, b.on1, minus));
    }
    if (isPublic(y)) {
      AdditivePrivateTensor a = priv(x);
      return shares(combine(a.share0, pub(y).on0, minus), a.share1);
    }
    if (isPublic(x)) {
      AdditivePrivateTensor b = priv(y);
      NodeRef s1 = minus ? ops.neg(b.share1) : b.share1;
      return shares(combine(pub(x).on0, b.share0, minus), s1);
    }
    AdditivePrivateTensor a = priv(x);
    AdditivePrivateTensor b = priv(y);
    return shares(combine(a.share0, b.share0, minus), combine(a.share1, b.share1, minus));
  }

  private NodeRef combine(NodeRef a, NodeRef b, boolean minus) {
    return minus ? ops.sub(a, b) : ops.add(a, b);
  }

  @Override
  public Tensor neg(Tensor x) {
    try (var s = scope("neg")) {
      if (isPublic(x)) {
        return new AdditivePublicTensor(ops.neg(pub(x).on0), ops.neg(pub(x).on1));
      }
      AdditivePrivateTensor p = priv(x);
      return shares(ops.neg(p.share0), ops.neg(p.share1));
    }
  }

  @Override
  protected Tensor scaleByRingConstant(Tensor x, long k) {
    if (isPublic(x)) {
      return new AdditivePublicTensor(ops.scale(pub(x).on0, k), ops.scale(pub(x).on1, k));
    }
    AdditivePrivateTensor p = priv(x);
    return shares(ops.scale(p.share0, k), ops.scale(p.share1, k));
  }

  @Override
  protected Tensor addRingConstant(Tensor x, long k) {
    if (isPublic(x)) {
      return new AdditivePublicTensor(ops.addScalar(pub(x).on0, k), ops.addScalar(pub(x).on1, k));
    }
    AdditivePrivateTensor p = priv(x);
    return shares(ops.addScalar(p.share0, k), p.share1);
  }

  // ---- products ---------------------------------------------------------------------------

  @Override
  protected Tensor mulNoTruncate(Tensor x, Tensor y) {
    return localProduct(Bilinear.MUL, x, y);
  }

  /** A product with at least one public operand: local on each share. */
  private Tensor localProduct(Bilinear f, Tensor x, Tensor y) {
    if (isPublic(x) && isPublic(y)) {
      return new AdditivePublicTensor(f.apply(ops, pub(x).on0, pub(y).on0), f.apply(ops, pub(x).on1, pub(y).on1));
    }
    if (isPublic(y)) {
      AdditivePrivateTensor a = priv(x);
      return shares(f.apply(ops, a.share0, pub(y).on0), f.apply(ops, a.share1, pub(y).on1));
    }
    AdditivePrivateTensor b = priv(y);
    return shares(f.apply(ops, pub(x).on0, b.share0), f.apply(ops, pub(x).on1, b.share1));
  }

  @Override
  public Tensor mul(Tensor x, Tensor y) {
    Shapes.requireSame("mul", x.shape(), y.shape());
    try (var s = scope("mul")) {
      return truncate(product(Bilinear.MUL, x, y));
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
      return truncate(product(Bilinear.MATMUL, x, y));
    }
  }

  /** The product at scale 2^2f: local when an operand is public, else with a Beaver triple. */
  protected Tensor product(Bilinear f, Tensor x, Tensor y) {
    if (isPublic(x) || isPublic(y)) {
      return localProduct(f, x, y);
    }
    Dealer dealer = newDealer();
    AdditiveMaskedTensor mx = x instanceof AdditiveMaskedTensor m ? m : Beaver.mask(ops, parties, dealer, priv(x));
    AdditiveMaskedTensor my;
    if (y == x) {
      my = mx;
    } else {
      my = y instanceof AdditiveMaskedTensor m ? m : Beaver.mask(ops, parties, dealer, priv(y));
    }
    return Beaver.product(ops, parties, f, mx, my, dealer);
  }

  @Override
  public Tensor truncate(Tensor x) {
    int f = fp.config().fractionalBits();
    if (f == 0) {
      return x;
    }
    try (var s = scope("truncate")) {
      if (isPublic(x)) {
        return new AdditivePublicTensor(ops.shr(pub(x).on0, f), ops.shr(pub(x).on1, f));
      }
      return truncation == TruncationMode.LOCAL
          ? Truncation.local(ops, priv(x), f)
          : Truncation.interactive(ops, parties, newDealer(), priv(x), f);
    }
  }

  // ---- masking ----------------------------------------------------------------------------

  /**
   * Masks a private tensor for reuse. For a variable, the mask and the opened {@code alpha} are
   * computed once, in the initialisation run, and kept by the parties as variables; later runs
   * read them and send nothing for this operand.
   */
  @Override
  public Tensor mask(Tensor x) {
    if (x instanceof AdditiveMaskedTensor m) {
      return m;
    }
    AdditivePrivateTensor p = priv(x);
    try (var s = scope("mask")) {
      Dealer dealer = newDealer();
      if (p.init == null) {
        return Beaver.mask(ops, parties, dealer, p);
      }
      AdditiveMaskedTensor once = Beaver.mask(ops, parties, dealer, p.init);
      String name = freshVariable("mask");
      return new AdditiveMaskedTensor(p,
          keep(name + ".a", once.a), keep(name + ".a0", once.a0), keep(name + ".a1", once.a1),
          keep(name + ".alpha0", once.alphaOn0), keep(name + ".alpha1", once.alphaOn1));
    }
  }

  /** Stores {@code v} as a variable of its party (an initialiser) and returns a reader of it. */
  private NodeRef keep(String name, NodeRef v) {
    ops.varWrite(name, v);
    return ops.varRead(v.party(), name, v.shape());
  }
}
