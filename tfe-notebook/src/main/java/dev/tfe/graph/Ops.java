package dev.tfe.graph;

import dev.tfe.ring.ConvGeometry;
import dev.tfe.ring.RingTensor;
import dev.tfe.ring.Shapes;
import java.util.Arrays;

/**
 * Typed builders for the ring kernels, with shape inference: each method adds one node placed
 * on a party and returns its handle. Shape errors surface here, when the graph is built, not
 * later on a party. Protocols are written against this class; the kernels that execute these
 * nodes are in {@code dev.tfe.runtime.Kernels}.
 */
public final class Ops {
  /** Kernel names; {@code dev.tfe.runtime.Kernels} maps each to its implementation. */
  public static final String CONST = "const";
  public static final String INPUT = "input";
  public static final String OUTPUT = "output";
  public static final String VAR_READ = "var.read";
  public static final String VAR_WRITE = "var.write";
  public static final String RANDOM = "random";
  public static final String SEED = "seed";
  /** Keeps a preprocessed value on its party for a later run ({@link Preprocessing}). */
  public static final String PRE_KEEP = "pre.keep";
  /** Takes the oldest value kept by {@link #PRE_KEEP} for the same node, instead of computing it. */
  public static final String PRE_TAKE = "pre.take";
  /** The feed that numbers the online run a preprocessed value is for (one long, given to every party). */
  public static final String PRE_SEQ_FEED = "pre.seq";
  public static final String EXPAND = "expand";
  public static final String ADD = "add";
  public static final String SUB = "sub";
  public static final String NEG = "neg";
  public static final String MUL = "mul";
  public static final String ADD_BCAST = "add.bcast";
  public static final String SCALE = "scale";
  public static final String SHR = "shr";
  public static final String SHRU = "shru";
  public static final String SHL = "shl";
  public static final String LESS_THAN_PUBLIC = "ltu.const";
  public static final String MATMUL = "matmul";
  public static final String TRANSPOSE = "transpose";
  public static final String RESHAPE = "reshape";
  public static final String SLICE = "slice";
  public static final String SUM = "sum";
  public static final String IM2COL = "im2col";
  public static final String CONCAT = "concat";
  public static final String IDENTITY = "identity";
  public static final String ADD_SCALAR = "add.scalar";
  public static final String NON_NEGATIVE = "ge0";

  private final Graph graph;

  public Ops(Graph graph) {
    this.graph = graph;
  }

  public Graph graph() {
    return graph;
  }

  // ---- sources and sinks ------------------------------------------------------------------

  /** A public constant held by {@code party}. */
  public NodeRef constant(String party, RingTensor value) {
    return graph.add(CONST, party, Attrs.of("value", value.data()), value.shape(), 8);
  }

  /** A value fed at run time to {@code party} alone under {@code key}. */
  public NodeRef input(String party, String key, int[] shape) {
    return graph.add(INPUT, party, Attrs.of("key", key), shape, 8);
  }

  /** Delivers {@code value} to the caller as output {@code key}; it must be held by its receiver. */
  public NodeRef output(String key, NodeRef value) {
    return graph.add(OUTPUT, value.party(), Attrs.of("key", key), value.shape(), 8, value);
  }

  public NodeRef varRead(String party, String name, int[] shape) {
    return graph.add(VAR_READ, party, Attrs.of("name", name), shape, 8);
  }

  /** Stores {@code value} in the party-local variable {@code name}; marked as an initialiser. */
  public NodeRef varWrite(String name, NodeRef value) {
    NodeRef r = graph.add(VAR_WRITE, value.party(), Attrs.of("name", name), value.shape(), 8, value);
    graph.addInitialiser(r);
    return r;
  }

  /**
   * Stores {@code value} in the party-local variable {@code name} each time a run reaches this
   * node (not an initialiser: a run must target it, as a training step targets its updates);
   * its value is {@code value}.
   */
  public NodeRef varAssign(String name, NodeRef value) {
    return graph.add(VAR_WRITE, value.party(), Attrs.of("name", name), value.shape(), 8, value);
  }

  /**
   * The value of {@code r} on {@code party}: an explicit cross-party edge, i.e. a message, whose
   * kind is not declared ({@link ValueKind#UNDECLARED}); protocols use
   * {@link #move(NodeRef, String, ValueKind)}.
   */
  public NodeRef move(NodeRef r, String party) {
    if (r.party().equals(party)) {
      return r;
    }
    return graph.add(IDENTITY, party, Attrs.empty(), r.shape(), graph.node(r.id()).wireBytes(), r);
  }

  /**
   * The value of {@code r} on {@code party}, a message of the declared {@code kind}: what
   * {@code party} sees of it (a share, a masked opening, dealer material, ...), shown by the
   * run's {@code seen()} view. The message itself is the same as without a kind.
   */
  public NodeRef move(NodeRef r, String party, ValueKind kind) {
    if (r.party().equals(party)) {
      return r;
    }
    return graph.add(IDENTITY, party, Attrs.of(ValueKind.ATTR, kind.name()), r.shape(), graph.node(r.id()).wireBytes(), r);
  }

  // ---- randomness -------------------------------------------------------------------------

  /** Uniform ring elements drawn by {@code party}'s secure PRG. */
  public NodeRef random(String party, int[] shape) {
    return graph.add(RANDOM, party, Attrs.of("modulus", 0L), shape, 8);
  }

  /** Uniform elements of {@code [0, modulus)} drawn by {@code party}'s secure PRG. */
  public NodeRef randomBounded(String party, int[] shape, long modulus, int wireBytes) {
    return graph.add(RANDOM, party, Attrs.of("modulus", modulus), shape, wireBytes);
  }

  /** A fresh 32-byte seed (four words) from {@code party}'s {@code SecureRandom}. */
  public NodeRef seed(String party) {
    return graph.add(SEED, party, Attrs.empty(), new int[] {4}, 8);
  }

  /**
   * Expands stream {@code stream} of a seed into uniform ring elements on the party that holds
   * {@code seed}. Two parties holding the same seed expand the same values.
   */
  public NodeRef expand(NodeRef seed, int stream, int[] shape) {
    return expandBounded(seed, stream, shape, 0L, 8);
  }

  /** As {@link #expand}, with elements uniform in {@code [0, modulus)} ({@code 0} means 2^64). */
  public NodeRef expandBounded(NodeRef seed, int stream, int[] shape, long modulus, int wireBytes) {
    return graph.add(EXPAND, seed.party(), Attrs.of("stream", (long) stream, "modulus", modulus), shape, wireBytes, seed);
  }

  // ---- arithmetic -------------------------------------------------------------------------

  /**
   * {@code a + b}; {@code b} may have a trailing shape of {@code a} (after dropping its leading 1s,
   * so that a {@code [1, n]} bias row works as an {@code [n]} one) and is then broadcast.
   */
  public NodeRef add(NodeRef a, NodeRef b) {
    if (!Arrays.equals(a.shape(), b.shape())) {
      requireTrailing("add", a, b);
      return graph.add(ADD_BCAST, a.party(), Attrs.empty(), a.shape(), 8, a, b);
    }
    return binary(ADD, a, b);
  }

  public NodeRef sub(NodeRef a, NodeRef b) {
    return binary(SUB, a, b);
  }

  public NodeRef mul(NodeRef a, NodeRef b) {
    return binary(MUL, a, b);
  }

  public NodeRef neg(NodeRef a) {
    return unary(NEG, a, Attrs.empty());
  }

  /** Adds the ring constant {@code k} to every element. */
  public NodeRef addScalar(NodeRef a, long k) {
    return unary(ADD_SCALAR, a, Attrs.of("k", k));
  }

  /** Multiplies by a public ring constant. */
  public NodeRef scale(NodeRef a, long k) {
    return unary(SCALE, a, Attrs.of("k", k));
  }

  /** Arithmetic right shift. */
  public NodeRef shr(NodeRef a, int bits) {
    return unary(SHR, a, Attrs.of("bits", (long) bits));
  }

  /** Logical right shift. */
  public NodeRef shru(NodeRef a, int bits) {
    return unary(SHRU, a, Attrs.of("bits", (long) bits));
  }

  public NodeRef shl(NodeRef a, int bits) {
    return unary(SHL, a, Attrs.of("bits", (long) bits));
  }

  /** 1 where {@code a < bound} as unsigned 64-bit integers, else 0. */
  public NodeRef lessThanUnsigned(NodeRef a, long bound) {
    return graph.add(LESS_THAN_PUBLIC, a.party(), Attrs.of("bound", bound), a.shape(), 1, a);
  }

  /** 1 where {@code a >= 0} as a signed 64-bit integer, else 0 (plaintext comparisons only). */
  public NodeRef nonNegative(NodeRef a) {
    return graph.add(NON_NEGATIVE, a.party(), Attrs.empty(), a.shape(), 1, a);
  }

  public NodeRef matmul(NodeRef a, NodeRef b) {
    int[] sa = a.shape();
    int[] sb = b.shape();
    if (sa.length != 2 || sb.length != 2 || sa[1] != sb[0]) {
      throw new IllegalArgumentException(
          "matmul: cannot multiply " + Shapes.str(sa) + " by " + Shapes.str(sb) + "; inner dimensions must agree");
    }
    samePlace("matmul", a, b);
    return graph.add(MATMUL, a.party(), Attrs.empty(), new int[] {sa[0], sb[1]}, 8, a, b);
  }

  // ---- shapes -----------------------------------------------------------------------------

  public NodeRef transpose(NodeRef a, int... perm) {
    int[] s = a.shape();
    int[] p = perm.length == 0 ? reversed(s.length) : perm.clone();
    if (p.length != s.length) {
      throw new IllegalArgumentException("transpose: permutation " + Shapes.str(p) + " does not fit shape " + Shapes.str(s));
    }
    int[] out = new int[s.length];
    boolean[] seen = new boolean[s.length];
    for (int i = 0; i < p.length; i++) {
      if (p[i] < 0 || p[i] >= s.length || seen[p[i]]) {
        throw new IllegalArgumentException("transpose: " + Shapes.str(p) + " is not a permutation");
      }
      seen[p[i]] = true;
      out[i] = s[p[i]];
    }
    return graph.add(TRANSPOSE, a.party(), Attrs.of("perm", p), out, 8, a);
  }

  public NodeRef reshape(NodeRef a, int... shape) {
    int[] s = inferShape(a.shape(), shape);
    return graph.add(RESHAPE, a.party(), Attrs.of("shape", s), s, 8, a);
  }

  public NodeRef slice(NodeRef a, int[] begin, int[] size) {
    int[] s = a.shape();
    if (begin.length != s.length || size.length != s.length) {
      throw new IllegalArgumentException("slice: begin and size must have rank " + s.length);
    }
    for (int i = 0; i < s.length; i++) {
      if (begin[i] < 0 || size[i] < 0 || begin[i] + size[i] > s[i]) {
        throw new IllegalArgumentException(
            "slice: begin " + Shapes.str(begin) + " size " + Shapes.str(size) + " out of range for " + Shapes.str(s));
      }
    }
    return graph.add(SLICE, a.party(), Attrs.of("begin", begin, "size", size), size, 8, a);
  }

  /** Concatenation along axis 0. */
  public NodeRef concatRows(NodeRef... parts) {
    int[] s = parts[0].shape();
    int rows = 0;
    for (NodeRef p : parts) {
      int[] ps = p.shape();
      if (ps.length != s.length || !Arrays.equals(Arrays.copyOfRange(ps, 1, ps.length), Arrays.copyOfRange(s, 1, s.length))) {
        throw new IllegalArgumentException("concat: shapes " + Shapes.str(ps) + " and " + Shapes.str(s) + " differ beyond axis 0");
      }
      samePlace("concat", parts[0], p);
      rows += ps[0];
    }
    s[0] = rows;
    return graph.add(CONCAT, parts[0].party(), Attrs.empty(), s, 8, parts);
  }

  /** Sum over one axis, removing it. */
  public NodeRef sum(NodeRef a, int axis) {
    int[] s = a.shape();
    int ax = axis < 0 ? s.length + axis : axis;
    if (ax < 0 || ax >= s.length) {
      throw new IllegalArgumentException("sum: axis " + axis + " out of range for shape " + Shapes.str(s));
    }
    int[] out = new int[s.length - 1];
    for (int i = 0, j = 0; i < s.length; i++) {
      if (i != ax) {
        out[j++] = s[i];
      }
    }
    return graph.add(SUM, a.party(), Attrs.of("axis", (long) ax), out, 8, a);
  }

  /** The im2col patch matrix of an NHWC tensor (see {@link dev.tfe.ring.Im2col}). */
  public NodeRef im2col(NodeRef a, ConvGeometry g) {
    return graph.add(IM2COL, a.party(), Attrs.of("geometry", g.toInts()), new int[] {g.patchRows(), g.patchCols()}, 8, a);
  }

  // ---- helpers ----------------------------------------------------------------------------

  private NodeRef unary(String op, NodeRef a, Attrs attrs) {
    return graph.add(op, a.party(), attrs, a.shape(), 8, a);
  }

  private NodeRef binary(String op, NodeRef a, NodeRef b) {
    if (!Arrays.equals(a.shape(), b.shape())) {
      throw new IllegalArgumentException(
          op + ": shapes differ, " + Shapes.str(a.shape()) + " vs " + Shapes.str(b.shape()) + "; reshape or broadcast one operand first");
    }
    samePlace(op, a, b);
    return graph.add(op, a.party(), Attrs.empty(), a.shape(), 8, a, b);
  }

  private static void samePlace(String op, NodeRef a, NodeRef b) {
    if (!a.party().equals(b.party())) {
      throw new IllegalStateException(
          op + ": operands are on different parties (" + a.party() + ", " + b.party() + "); a protocol must move values explicitly");
    }
  }

  private static void requireTrailing(String op, NodeRef a, NodeRef b) {
    int[] sa = a.shape();
    int[] sb = Shapes.withoutLeadingOnes(b.shape());
    boolean ok = sb.length <= sa.length;
    for (int i = 1; ok && i <= sb.length; i++) {
      ok = sb[sb.length - i] == sa[sa.length - i];
    }
    if (!ok) {
      throw new IllegalArgumentException(
          op + ": cannot broadcast " + Shapes.str(b.shape()) + " to " + Shapes.str(sa) + "; the second shape must be a trailing part of the first");
    }
    samePlace(op, a, b);
  }

  private static int[] reversed(int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = n - 1 - i;
    }
    return p;
  }

  /** Resolves a target shape with at most one -1 against the element count of {@code from}. */
  public static int[] inferShape(int[] from, int[] target) {
    int n = Shapes.size(from);
    int[] s = target.clone();
    int infer = -1;
    long known = 1;
    for (int i = 0; i < s.length; i++) {
      if (s[i] == -1 && infer < 0) {
        infer = i;
      } else if (s[i] < 0) {
        throw new IllegalArgumentException("reshape: bad target shape " + Shapes.str(target));
      } else {
        known *= s[i];
      }
    }
    if (infer >= 0) {
      if (known == 0 || n % known != 0) {
        throw new IllegalArgumentException("reshape: cannot reshape " + Shapes.str(from) + " to " + Shapes.str(target));
      }
      s[infer] = (int) (n / known);
    }
    if (Shapes.size(s) != n) {
      throw new IllegalArgumentException("reshape: cannot reshape " + Shapes.str(from) + " to " + Shapes.str(target));
    }
    return s;
  }
}
