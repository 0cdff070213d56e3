/**
 * SecureNN (Wagh, Gupta and Chandran, "SecureNN: 3-Party Secure Computation for Neural Network
 * Training", PoPETs 2019) as a protocol module ({@link dev.tfe.protocol.securenn.SecureNnModule}):
 * it composes two-server additive sharing ({@code dev.tfe.protocol.share}) with its own
 * comparison capability. Each step of the paper is one package-private class:
 * {@code PrivateCompare}, {@code ShareConvert}, {@code ComputeMsb}, {@code DRelu}, with
 * {@code Multiply} (element-wise Beaver products) and {@code Keys} (the run's common randomness,
 * a {@code Dealer}); its local kernels are in {@code dev.tfe.protocol.securenn.kernels}. The
 * functions built on DReLU (ReLU, select, max tree, argmax, max pooling) are the generic ones of
 * {@code ComparingProtocol}.
 */
package dev.tfe.protocol.securenn;
