/**
 * Fixed-point encoding of reals into Z_2^64: a validated configuration and the encoder that
 * throws a named error on overflow.
 */
package dev.tfe.fixedpoint;
