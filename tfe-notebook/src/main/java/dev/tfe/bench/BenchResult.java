package dev.tfe.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a benchmark report: an implementation measured on one case.
 *
 * <p>Rows that share a {@code group} are compared with each other: the row marked
 * {@code baseline} is the reference, and every other row of the group gets the ratio of its
 * median to the baseline's median (so 2.0 means twice as slow). For example the group
 * {@code "matmul 128x784 * 784x128"} holds {@code "ND4J double gemm"} as baseline and the ring
 * kernels as the other rows; a later group {@code "DReLU 128x128"} could hold a plaintext ReLU as
 * baseline and the SecureNN protocol as the other row.
 *
 * @param group the case being compared, e.g. an op and its shape
 * @param impl what was measured, e.g. {@code "ring vector"}
 * @param baseline whether this row is the reference of its group
 * @param stats the timings
 * @param params extra facts for the JSON output (shapes, bytes, rounds, ...); may be empty
 */
public record BenchResult(String group, String impl, boolean baseline, Measurement stats, Map<String, Object> params) {
  public BenchResult {
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }
}
