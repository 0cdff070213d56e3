/**
 * Benchmarks: programs, not timed tests. Each prints its figures next to the published ones it
 * compares with and saves them as JSON under {@code bench-results/}.
 */
package dev.tfe.bench;
