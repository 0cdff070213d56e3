/**
 * The kernel and op microbenchmarks of {@code ./tfe bench ops}, written for JMH: the ring matrix
 * product mod 2^64 (Vector-API and scalar kernels) beside ND4J's double gemm, the secure PRG
 * beside the JDK's AES-CTR that it is built on, and comparison and product ops of the protocols
 * on the in-process runtime. {@link dev.tfe.launcher.bench.ops.OpsBenchmarks} runs them.
 */
package dev.tfe.launcher.bench.ops;
