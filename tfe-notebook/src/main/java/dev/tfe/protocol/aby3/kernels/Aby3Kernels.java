package dev.tfe.protocol.aby3.kernels;

import dev.tfe.graph.Attrs;
import dev.tfe.graph.Node;
import dev.tfe.graph.NodeRef;
import dev.tfe.graph.Ops;
import dev.tfe.ring.RingTensor;
import dev.tfe.ring.Shapes;
import dev.tfe.runtime.Kernels;
import dev.tfe.runtime.OpModule;

/**
 * ABY3's op module, id {@value #ID}: the local steps of binary sharing over bit-sliced 64-bit
 * words (Mohassel and Rindal, CCS 2018, section 5.2), {@value #XOR} and {@value #AND}, each
 * defined once here (name, shape rule, wire width and kernel). Everything else ABY3 computes
 * locally is a ring op. The ABY3 protocol module installs it in a session; party processes
 * install it when a plan names its id.
 */
public final class Aby3Kernels implements OpModule {
  public static final String ID = "aby3";
  /** Bitwise exclusive or of two words: the addition of binary sharing. */
  public static final String XOR = "aby3.xor";
  /** Bitwise and of two words: the local step of a binary product. */
  public static final String AND = "aby3.and";
  /** The one instance (stateless). */
  public static final Aby3Kernels INSTANCE = new Aby3Kernels();

  private Aby3Kernels() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public void registerInto(Kernels k) {
    k.register(XOR, (n, in, p) -> bitwise(n, in, true));
    k.register(AND, (n, in, p) -> bitwise(n, in, false));
  }

  /** {@code a ^ b} on the party of {@code a}, word by word. */
  public static NodeRef xor(Ops ops, NodeRef a, NodeRef b) {
    return binary(ops, XOR, a, b);
  }

  /** {@code a & b} on the party of {@code a}, word by word. */
  public static NodeRef and(Ops ops, NodeRef a, NodeRef b) {
    return binary(ops, AND, a, b);
  }

  private static NodeRef binary(Ops ops, String op, NodeRef a, NodeRef b) {
    if (!java.util.Arrays.equals(a.shape(), b.shape())) {
      throw new IllegalArgumentException(op + ": shapes " + Shapes.str(a.shape()) + " and " + Shapes.str(b.shape()) + " differ");
    }
    if (!a.party().equals(b.party())) {
      throw new IllegalArgumentException(op + ": operands on " + a.party() + " and " + b.party() + "; move one first");
    }
    return ops.graph().add(op, a.party(), Attrs.empty(), a.shape(), 8, a, b);
  }

  private static RingTensor bitwise(Node n, RingTensor[] in, boolean xor) {
    long[] a = in[0].data();
    long[] b = in[1].data();
    long[] r = new long[a.length];
    if (xor) {
      for (int i = 0; i < a.length; i++) {
        r[i] = a[i] ^ b[i];
      }
    } else {
      for (int i = 0; i < a.length; i++) {
        r[i] = a[i] & b[i];
      }
    }
    return RingTensor.of(r, n.shape());
  }
}
