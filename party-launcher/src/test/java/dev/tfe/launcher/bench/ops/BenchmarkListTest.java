package dev.tfe.launcher.bench.ops;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The build ran JMH's generator: the jar's benchmark list names every benchmark of
 * {@code ./tfe bench ops}, so that the command does not answer "No matching benchmarks".
 */
class BenchmarkListTest {
  @Test
  void everyBenchmarkIsListed() throws IOException {
    try (InputStream in = OpsBenchmarks.class.getResourceAsStream("/META-INF/BenchmarkList")) {
      assertNotNull(in, "META-INF/BenchmarkList is missing: JMH's annotation processor did not run");
      String list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String b : new String[] {"RingMatmulBench.multiply", "PrgBench_securePrg", "PrgBench_jdkAesCtr", "ProtocolOpBench_run"}) {
        assertTrue(list.contains(b.replace('.', '_')) || list.contains(b), b + " is not in the benchmark list");
      }
    }
  }
}
