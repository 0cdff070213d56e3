package dev.tfe.usercode;

import dev.tfe.protocol.ChiSquare;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.program.Output;
import dev.tfe.program.Party;
import dev.tfe.api.Tfe;
import dev.tfe.protocol.ReceivedValues;
import dev.tfe.protocol.TestData;
import dev.tfe.protocol.Tensor;
import dev.tfe.protocol.pond.Pond;
import dev.tfe.runtime.InProcessRuntime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What each server sees of the square from a dealer pair written outside the library
 * ({@link DealerSquareTest#square}, the op of {@code protocols.ipynb}'s last section): the opened
 * {@code e = x - a} and the truncation's masked values. Over many runs the bytes each server
 * receives are uniform and distributed alike for an all-zero input and a large one (chi-square
 * over the 256 byte values, 255 degrees of freedom; 400 is beyond the 1e-8 tail).
 */
class DealerSquarePrivacyTest {
  private static final int RUNS = 60;
  private static final int N = 64;

  private static Map<String, long[]> histograms(INDArray input) {
    try (Tfe tfe = Tfe.local()) {
      ReceivedValues rec = new ReceivedValues();
      ((InProcessRuntime) tfe.session().runtime()).setTransportDecorator(rec::wrap);
      Party client = tfe.party("client");
      Pond pond = tfe.pond();
      Tensor x = tfe.definePrivateInput(pond, client, "x", N);
      Output o = tfe.defineOutput(pond, client, DealerSquareTest.square(pond, x));
      Map<Party, Map<String, INDArray>> feed = Map.of(client, Map.of("x", input));
      tfe.run(feed, o);
      List<String> servers = List.of("server0", "server1");
      servers.forEach(rec::take);
      Map<String, long[]> h = new HashMap<>();
      for (int r = 0; r < RUNS; r++) {
        tfe.run(feed, o);
        for (String s : servers) {
          long[] hist = h.computeIfAbsent(s, k -> new long[256]);
          for (ReceivedValues.Element e : rec.take(s)) {
            assertEquals(8, e.width(), s + " receives ring words");
            for (int k = 0; k < 8; k++) {
              hist[(int) ((e.value() >>> (8 * k)) & 0xFF)]++;
            }
          }
        }
      }
      return h;
    }
  }

  @Test
  void eachServersViewIsUniformAndIndependentOfTheInput() {
    double[] big = new double[N];
    Arrays.fill(big, 150.25);
    big[7] = -170;
    Map<String, long[]> zeros = histograms(TestData.of(new double[N], N));
    Map<String, long[]> large = histograms(TestData.of(big, N));
    for (String s : zeros.keySet()) {
      long[] a = zeros.get(s);
      long[] b = large.get(s);
      assertEquals(Arrays.stream(a).sum(), Arrays.stream(b).sum(), s + " receives as much for either input");
      assertTrue(Arrays.stream(a).sum() >= 256L * 40, s + " receives the opened values: " + Arrays.stream(a).sum());
      assertTrue(ChiSquare.uniform(a) < 400, s + ": not uniform (zeros): " + ChiSquare.uniform(a));
      assertTrue(ChiSquare.uniform(b) < 400, s + ": not uniform (large): " + ChiSquare.uniform(b));
      assertTrue(ChiSquare.twoSample(a, b) < 400, s + ": the inputs are distinguishable: " + ChiSquare.twoSample(a, b));
    }
  }
}
