/**
 * The layers of a {@link dev.tfe.model.Sequential} model, one class per layer, each with a
 * plaintext forward pass over ND4J {@code DOUBLE} arrays and its own hand-written backward pass.
 *
 * <p>Conventions shared by every layer:
 * <ul>
 *   <li>Tensors are batch-first; images are NHWC ({@code [N, H, W, C]}), as in TensorFlow and
 *       tf-encrypted, and convolution kernels are {@code [kh, kw, Cin, Cout]}.</li>
 *   <li>{@link dev.tfe.model.layers.Layer#outputShape(int[])} works on per-example shapes (the
 *       batch dimension left out), with {@code -1} for a dimension not known yet; a wrong shape
 *       is a {@link dev.tfe.model.layers.ShapeMismatchException} naming the layer and both shapes.</li>
 *   <li>Every hyper-parameter is in {@link dev.tfe.model.layers.Layer#config()} and every weight is
 *       a named {@link dev.tfe.model.layers.Parameter}, so that the weights file and the private
 *       prediction wrapper can read a layer without knowing its class; each layer also has typed
 *       getters ({@code Dense.weights()}, {@code Conv2D.strideH()}, ...).</li>
 *   <li>{@code forward} caches what {@code backward} needs, so a layer instance serves one
 *       forward/backward pair at a time (not thread-safe).</li>
 * </ul>
 *
 * <p>Geometry helpers ({@link dev.tfe.model.layers.Padding}, {@link dev.tfe.model.layers.ConvGeometry})
 * follow TensorFlow's {@code SAME}/{@code VALID} convention so that a protocol implementing
 * {@code conv2d} by im2col can reuse them and agree with these layers exactly.
 */
package dev.tfe.model.layers;
