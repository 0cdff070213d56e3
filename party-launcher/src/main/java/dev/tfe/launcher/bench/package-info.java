/**
 * Benchmark programs ({@code ./tfe bench transport}, {@code ./tfe bench prediction}) and the
 * private-prediction workload they and the tests share.
 */
package dev.tfe.launcher.bench;
