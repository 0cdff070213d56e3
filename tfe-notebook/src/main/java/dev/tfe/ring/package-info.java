/**
 * Tensors over the ring Z_2^64 ({@code long} with wrap-around) and their kernels: element-wise
 * arithmetic, shape operations, im2col, and the blocked matrix product.
 */
package dev.tfe.ring;
