package dev.tfe.protocol;

import dev.tfe.fixedpoint.FixedPoint;
import dev.tfe.graph.NodeRef;
import dev.tfe.graph.Ops;
import dev.tfe.ring.ConvGeometry.Padding;
import dev.tfe.ring.RingTensor;

/**
 * The operations every protocol offers, mirroring tf-encrypted's API. Layers and models call
 * only this interface, so a protocol can be swapped under them; the plaintext protocol
 * implements it too and is the oracle of the conformance tests.
 *
 * <p>All tensors hold fixed-point values at the scale {@code 2^f} of {@link #fixedPoint()};
 * products are truncated back right after they are computed. Nothing is computed here: each
 * call adds placed nodes to the graph, which a session later runs.
 */
public interface Protocol {
  /** A short name, e.g. {@code "pond"}. */
  String name();

  /** The graph builders this protocol writes to. */
  Ops ops();

  /** The fixed-point encoding of all values. */
  FixedPoint fixedPoint();

  /** The server names. */
  Parties parties();

  // ---- inputs and outputs -----------------------------------------------------------------

  /**
   * A private input: {@code owner} alone reads the encoded value fed under {@code key} and
   * secret-shares it; the servers only ever see shares.
   */
  Tensor definePrivateInput(String owner, String key, int... shape);

  /** A public input: {@code provider} sends the value fed under {@code key} to the servers in the clear. */
  Tensor definePublicInput(String provider, String key, int... shape);

  /** A public constant, already encoded. */
  Tensor defineConstant(RingTensor encoded);

  /**
   * A private variable: initialised once, from the value fed to {@code owner} under {@code key},
   * and kept by the servers (as shares) across runs.
   */
  Tensor definePrivateVariable(String owner, String key, int... shape);

  /**
   * Keeps {@code x} (each party its own shares) in party-local variables named after
   * {@code name}, whenever a run targets the returned update nodes; later runs read them with
   * {@link #readVariable}. Nothing is sent. Private training keeps its weights so.
   *
   * @return the update nodes, to be targeted by a run
   */
  default java.util.List<NodeRef> assignVariable(String name, Tensor x) {
    throw new UnsupportedOperationException(name() + " cannot keep tensors in variables across runs");
  }

  /**
   * The value kept by {@link #assignVariable} under {@code name}, as a tensor of the kind and
   * shape of {@code like} (a tensor of the same structure, e.g. the one first assigned).
   */
  default Tensor readVariable(String name, Tensor like) {
    throw new UnsupportedOperationException(name() + " cannot keep tensors in variables across runs");
  }

  /** Reveals {@code x} to {@code receiver} alone, as output {@code key}; returns the output node. */
  NodeRef defineOutput(String receiver, Tensor x, String key);

  // ---- linear operations (local) ----------------------------------------------------------

  Tensor add(Tensor x, Tensor y);

  Tensor sub(Tensor x, Tensor y);

  Tensor neg(Tensor x);

  Tensor reduceSum(Tensor x, int axis);

  Tensor transpose(Tensor x, int... perm);

  Tensor reshape(Tensor x, int... shape);

  // ---- products -----------------------------------------------------------------------------

  /** Element-wise product (with truncation). */
  Tensor mul(Tensor x, Tensor y);

  Tensor square(Tensor x);

  /** Matrix product of rank-2 tensors (with truncation). */
  Tensor matmul(Tensor x, Tensor y);

  /** 2-D convolution of NHWC {@code x} with kernel {@code [kh, kw, Cin, Cout]}, through im2col. */
  Tensor conv2d(Tensor x, Tensor kernel, int strideH, int strideW, Padding padding);

  /** Average pooling over {@code poolH x poolW} windows of an NHWC tensor. */
  Tensor avgPool2d(Tensor x, int poolH, int poolW, int strideH, int strideW, Padding padding);

  /** Divides a product held at scale {@code 2^2f} back to {@code 2^f}. */
  Tensor truncate(Tensor x);

  // ---- non-linear -------------------------------------------------------------------------

  /**
   * The logistic function, within a stated bound over every fixed-point input (3e-4 with 16
   * fractional bits; see {@link OddActivation}). Needs exact comparisons: a protocol without
   * them (Pond) throws, naming SecureNN and {@link #polynomialSigmoid}.
   */
  Tensor sigmoid(Tensor x);

  /** The hyperbolic tangent, within 4e-4 over every input (16 fractional bits); needs exact comparisons. */
  Tensor tanh(Tensor x);

  /**
   * A cubic polynomial that approximates the logistic function on [-4, 4] only (error up to 0.038
   * there, unbounded outside). For protocols without comparisons, when the caller knows every
   * input lies in [-4, 4]; prefer {@link #sigmoid}.
   */
  Tensor polynomialSigmoid(Tensor x);

  /** max(x, 0). */
  Tensor relu(Tensor x);

  /** Masks a private tensor once for reuse in later products (Pond's masked tensors). */
  Tensor mask(Tensor x);

  // ---- comparisons ------------------------------------------------------------------------
  //
  // Exact in SecureNN (three servers) and in the plaintext protocol; Pond has none and throws.
  // Results that are truth values hold the fixed-point numbers 1.0 and 0.0. Comparisons read
  // values as signed ring elements and are exact for differences below 2^62 in magnitude, which
  // covers every fixed-point value (and every untruncated product of two).

  /** Whether this protocol has the exact comparisons below. */
  default boolean supportsComparisons() {
    return false;
  }

  /**
   * The magnitude, in ring units, below which every value this protocol compares (and the
   * difference of two such values) is compared exactly; {@link Long#MAX_VALUE} when comparisons
   * are exact on every signed ring element that fixed-point arithmetic produces. A protocol that
   * compares on fewer bits (FSS) returns its smaller range, and a private model refuses inputs that
   * its weights could carry beyond it.
   */
  default long exactComparisonLimit() {
    return Long.MAX_VALUE;
  }

  /** DReLU, the derivative of ReLU: 1 where {@code x >= 0} (so DReLU(0) = 1), else 0. */
  default Tensor drelu(Tensor x) {
    throw noComparisons("drelu");
  }

  /** 1 where {@code x < y}, else 0. */
  default Tensor less(Tensor x, Tensor y) {
    throw noComparisons("less");
  }

  /** 1 where {@code x > y}, else 0. */
  default Tensor greater(Tensor x, Tensor y) {
    throw noComparisons("greater");
  }

  /** The element-wise maximum. */
  default Tensor maximum(Tensor x, Tensor y) {
    throw noComparisons("maximum");
  }

  /**
   * {@code x} where {@code cond} is 1 and {@code y} where it is 0 (as TensorFlow's {@code where});
   * {@code cond} counts as 1 where it is at least 0.5.
   */
  default Tensor select(Tensor cond, Tensor x, Tensor y) {
    throw noComparisons("select");
  }

  /** The maximum over one axis (negative counts from the end), removing it. */
  default Tensor reduceMax(Tensor x, int axis) {
    throw noComparisons("reduceMax");
  }

  /**
   * The index of the maximum over one axis, the lowest index on ties, as a fixed-point integer;
   * the axis is removed. Private when {@code x} is: only the receiver of an output learns it.
   */
  default Tensor argmax(Tensor x, int axis) {
    throw noComparisons("argmax");
  }

  /** The one-hot mask (1.0 at the maximum, lowest index on ties, else 0.0) over one axis; shape of {@code x}. */
  default Tensor argmaxOneHot(Tensor x, int axis) {
    throw noComparisons("argmax");
  }

  /**
   * Max pooling over {@code poolH x poolW} windows of an NHWC tensor, with TensorFlow's padding
   * rules; cells of a window that fall into the padding are ignored.
   */
  default Tensor maxPool2d(Tensor x, int poolH, int poolW, int strideH, int strideW, Padding padding) {
    throw noComparisons("maxPool2d");
  }

  private UnsupportedOperationException noComparisons(String op) {
    return new UnsupportedOperationException(name() + " has no exact " + op
        + "; use the SecureNN protocol (tfe.secureNn(), the default for private prediction), which adds exact comparisons to Pond's arithmetic");
  }
}
