/**
 * SecureNN (Wagh, Gupta and Chandran, "SecureNN: 3-Party Secure Computation for Neural Network
 * Training", PoPETs 2019): exact ReLU, comparisons, max pooling and argmax with three servers,
 * on top of Pond. {@link dev.tfe.protocol.securenn.SecureNn} is the protocol; each step of the
 * paper is one package-private class: {@code PrivateCompare}, {@code ShareConvert},
 * {@code ComputeMsb}, {@code DRelu}, {@code SelectShare}, {@code MaxTree}, with {@code Multiply}
 * (element-wise Beaver products) and {@code Keys} (the run's common randomness).
 */
package dev.tfe.protocol.securenn;
