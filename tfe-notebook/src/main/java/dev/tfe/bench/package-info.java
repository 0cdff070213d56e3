/**
 * Benchmark programs, run by {@code ./tfe bench ...}: {@link dev.tfe.bench.OpsBenchmark} for
 * ring kernels against ND4J and Pond's private matmul, {@link dev.tfe.bench.SecureNnBenchmark} for
 * SecureNN's comparisons beside the paper. Benchmarks are programs, not timed tests: they warm up, time
 * repetitions with {@link dev.tfe.bench.BenchHarness}, report medians in a table
 * ({@link dev.tfe.bench.BenchReport}) and save JSON ({@link dev.tfe.bench.Json}) under
 * {@code bench-results/}.
 */
package dev.tfe.bench;
