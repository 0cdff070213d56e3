/**
 * Tensors over the ring Z_2^64 and their kernels: {@link dev.tfe.ring.RingTensor} (immutable
 * row-major {@code long} tensors with wrap-around arithmetic, shape operations, sums) and
 * {@link dev.tfe.ring.RingMatmul}, the matrix product that every secret-shared matmul, Beaver
 * triple and convolution (through im2col) ends in.
 *
 * <p>The matmul kernels are blocked and register-tiled after Goto and van de Geijn, "Anatomy of
 * high-performance matrix multiplication" (ACM TOMS 34(3), 2008). The fast one uses the
 * incubating Vector API ({@code --add-modules jdk.incubator.vector}); a scalar one runs
 * everywhere else. Both are exact: Java's {@code long} multiply and add are the ring operations.
 */
package dev.tfe.ring;
