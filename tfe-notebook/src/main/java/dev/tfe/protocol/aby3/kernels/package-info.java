/**
 * ABY3's local kernels (bitwise xor and and of 64-bit words, the local steps of binary sharing),
 * as an op module that party processes install by id.
 */
package dev.tfe.protocol.aby3.kernels;
