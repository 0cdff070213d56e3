/**
 * The protocol interface shared by all protocols, tensor kinds, server names, and the operations
 * written once over any protocol (convolution, pooling, sigmoid).
 */
package dev.tfe.protocol;
