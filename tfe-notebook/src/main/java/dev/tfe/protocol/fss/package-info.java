/**
 * Function secret sharing with a dealer (Boyle et al., Eurocrypt 2021; LLAMA; SIGMA) as a protocol
 * module ({@link dev.tfe.protocol.fss.FssModule}): it composes two-server additive sharing
 * ({@code dev.tfe.protocol.share}) with its own comparison capability, DReLU from one distributed
 * comparison key per element ({@code DRelu}, {@code FssComparison}); its local kernels (the
 * fixed-key AES PRG, key generation and evaluation) are in {@code dev.tfe.protocol.fss.kernels}.
 * The functions built on DReLU (ReLU, select, max tree, argmax, max pooling) are the generic ones
 * of {@code ComparingProtocol}.
 */
package dev.tfe.protocol.fss;
