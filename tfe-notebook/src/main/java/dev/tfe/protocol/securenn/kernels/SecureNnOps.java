package dev.tfe.protocol.securenn.kernels;

import dev.tfe.graph.Attrs;
import dev.tfe.graph.Graph;
import dev.tfe.graph.NodeRef;
import dev.tfe.graph.Ops;
import dev.tfe.ring.Shapes;
import java.util.Arrays;

/**
 * Typed builders for the kernels of SecureNN (Wagh, Gupta and Chandran, PoPETs 2019), next to
 * {@link Ops}: arithmetic in the odd ring Z_(2^64-1) ({@code odd.*}), packed Z_67 vectors for
 * PrivateCompare ({@code snn.zp.*}, {@code snn.pc*}, see {@link ZpPacked}) and the local steps of
 * ShareConvert, ComputeMSB and argmax. The kernels are in {@link SecureNnKernels}; every
 * attribute is plain data.
 */
public final class SecureNnOps {
  public static final String ODD_ADD = "odd.add";
  public static final String ODD_SUB = "odd.sub";
  public static final String ODD_DOUBLE_PLUS = "odd.2a+x";
  public static final String WRAP = "snn.wrap";
  public static final String XOR_PUBLIC = "snn.xor";
  public static final String ZP_UNIFORM = "snn.zp.uniform";
  public static final String ZP_BITS = "snn.zp.bits";
  public static final String PC = "snn.pc";
  public static final String PC_REVEAL = "snn.pc.reveal";
  public static final String SC_FINISH = "snn.sc.finish";

  private final Graph graph;

  public SecureNnOps(Ops ops) {
    this.graph = ops.graph();
  }

  // ---- the odd ring -----------------------------------------------------------------------

  /** {@code a + b mod 2^64 - 1}. */
  public NodeRef oddAdd(NodeRef a, NodeRef b) {
    return binary(ODD_ADD, a, b, 8);
  }

  /** {@code a - b mod 2^64 - 1}. */
  public NodeRef oddSub(NodeRef a, NodeRef b) {
    return binary(ODD_SUB, a, b, 8);
  }

  /** {@code 2a + x mod 2^64 - 1} (ComputeMSB, step 2). */
  public NodeRef oddDoublePlus(NodeRef a, NodeRef x) {
    return binary(ODD_DOUBLE_PLUS, a, x, 8);
  }

  /** 1 where {@code a + b} overflows 64 bits (unsigned), else 0: SecureNN's {@code wrap}. */
  public NodeRef wrap(NodeRef a, NodeRef b) {
    return binary(WRAP, a, b, 1);
  }

  /**
   * This party's share of {@code x XOR c}, from its share of a bit {@code x} and a bit {@code c}
   * that both servers know (the low bit of {@code pub}): {@code [party = 0] c + x_j (1 - 2c)},
   * over Z_2^64 or, with {@code odd}, over Z_(2^64-1).
   */
  public NodeRef xorPublic(NodeRef share, NodeRef pub, int party, boolean odd) {
    requireSame("xor", share, pub);
    return graph.add(XOR_PUBLIC, share.party(), Attrs.of("party", (long) party, "odd", odd ? 1L : 0L), share.shape(), 8, share, pub);
  }

  // ---- Z_67 -------------------------------------------------------------------------------

  /** Packed uniform Z_67 vectors for values of shape {@code shape}, from stream {@code stream} of a seed. */
  public NodeRef zpUniform(NodeRef seed, int stream, int[] shape) {
    return graph.add(ZP_UNIFORM, seed.party(), Attrs.of("stream", (long) stream), ZpPacked.packedShape(shape), 8, seed);
  }

  /**
   * Packed shares over Z_67 of the 64 bits of each {@code x}: {@code bits - z}, where {@code z} is
   * {@link #zpUniform} of the same seed and stream, the other server's share.
   */
  public NodeRef zpBitShares(NodeRef x, NodeRef seed, int stream) {
    samePlace("zp bits", x, seed);
    return graph.add(ZP_BITS, x.party(), Attrs.of("stream", (long) stream), ZpPacked.packedShape(x.shape()), 8, x, seed);
  }

  /** A server's PrivateCompare message (see {@link ZpPacked#compare}); randomness from a common seed. */
  public NodeRef privateCompare(NodeRef bitShares, NodeRef r, NodeRef beta, NodeRef commonSeed, int stream, int party) {
    if (!Arrays.equals(ZpPacked.valueShape(bitShares.shape()), r.shape())) {
      throw new IllegalArgumentException("private compare: bit shares " + Shapes.str(bitShares.shape())
          + " do not fit comparands " + Shapes.str(r.shape()));
    }
    requireSame("private compare", r, beta);
    samePlace("private compare", bitShares, r);
    samePlace("private compare", r, beta);
    samePlace("private compare", beta, commonSeed);
    return graph.add(PC, r.party(), Attrs.of("stream", (long) stream, "party", (long) party),
        bitShares.shape(), 8, bitShares, r, beta, commonSeed);
  }

  /** The third server's bit: 1 where {@code d0 + d1} has a zero entry. */
  public NodeRef privateCompareReveal(NodeRef d0, NodeRef d1) {
    requireSame("private compare reveal", d0, d1);
    samePlace("private compare reveal", d0, d1);
    return graph.add(PC_REVEAL, d0.party(), Attrs.empty(), ZpPacked.valueShape(d0.shape()), 1, d0, d1);
  }

  // ---- ShareConvert -----------------------------------------------------------------------

  /**
   * ShareConvert's last local step (Algorithm 4, steps 7 to 9) on server {@code party}: from its
   * share {@code a} over Z_2^64, the common {@code r0, r1}, its odd-ring shares of {@code delta}
   * and {@code eta'}, and the common bit {@code eta''}, its share of {@code a} over Z_(2^64-1).
   */
  public NodeRef shareConvertFinish(NodeRef a, NodeRef r0, NodeRef r1, NodeRef delta, NodeRef etaP, NodeRef etaPP, int party) {
    for (NodeRef o : new NodeRef[] {r0, r1, delta, etaP, etaPP}) {
      requireSame("share convert", a, o);
      samePlace("share convert", a, o);
    }
    return graph.add(SC_FINISH, a.party(), Attrs.of("party", (long) party), a.shape(), 8, a, r0, r1, delta, etaP, etaPP);
  }

  // ---- helpers ----------------------------------------------------------------------------

  private NodeRef binary(String op, NodeRef a, NodeRef b, int wire) {
    requireSame(op, a, b);
    samePlace(op, a, b);
    return graph.add(op, a.party(), Attrs.empty(), a.shape(), wire, a, b);
  }

  private static void requireSame(String op, NodeRef a, NodeRef b) {
    Shapes.requireSame(op, a.shape(), b.shape());
  }

  private static void samePlace(String op, NodeRef a, NodeRef b) {
    if (!a.party().equals(b.party())) {
      throw new IllegalStateException(op + ": operands are on different parties (" + a.party() + ", " + b.party()
          + "); a protocol must move values explicitly");
    }
  }
}
