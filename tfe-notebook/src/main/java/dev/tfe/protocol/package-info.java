/**
 * The protocol interface shared by all protocols, tensor kinds, server names, and the operations
 * written once over any protocol (convolution, pooling, and sigmoid and tanh over exact
 * comparisons: {@link dev.tfe.protocol.OddActivation}, fitted by {@link dev.tfe.protocol.PiecewisePolynomial}).
 */
package dev.tfe.protocol;
