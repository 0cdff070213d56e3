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

  /** The logistic function (a protocol may approximate it; its javadoc says how well). */
  Tensor sigmoid(Tensor x);

  /** max(x, 0). */
  Tensor relu(Tensor x);

  /** Masks a private tensor once for reuse in later products (Pond's masked tensors). */
  Tensor mask(Tensor x);
}
