package dev.tfe.protocol.fss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tfe.program.Output;
import dev.tfe.program.Party;
import dev.tfe.api.Tfe;
import dev.tfe.profile.OpQuery;
import dev.tfe.profile.Profile;
import dev.tfe.protocol.Tensor;
import dev.tfe.protocol.TestData;
import dev.tfe.protocol.fss.kernels.ReluKeys;
import dev.tfe.protocol.fss.kernels.SignKeys;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The bytes and rounds FSS's profile counts equal the formulas of its javadoc. Per element,
 * DReLU: {@code 2 * 8} online (each server sends its share of {@code x + r}), one round, and
 * {@code 2 (24k + 8)} offline (the two keys, from the dealer); the ReLU gate the same online
 * bytes and round, with keys of {@code 32k + 16} bytes. Nothing goes to the dealer. The run also carries the
 * input (a seed and {@code 8n}), the dealer's two seeds and the output ({@code 2 * 8n}).
 */
@Timeout(120)
class FssCommunicationTest {
  private static final int K = 33;
  private static final long KEY = 8L * SignKeys.words(K);

  private static Profile profile(Tfe tfe, BiFunction<Fss, Tensor, Tensor> op, INDArray x) {
    Fss p = tfe.use(FssModule.automatic());
    assertEquals(K, p.compareBits(), "default width for 16 + 15 bit fixed point");
    Party client = tfe.party("client");
    Tensor in = tfe.definePrivateInput(p, client, x);
    Output o = tfe.defineOutput(p, client, op.apply(p, in));
    return tfe.run(o).profile();
  }

  @Test
  void dreluSends16OnlineBytesPerElementInOneRound() {
    for (int n : new int[] {1, 37, 1000}) {
      try (Tfe tfe = Tfe.local()) {
        INDArray x = TestData.uniform(new Random(n), 100, n);
        Profile prof = profile(tfe, Fss::drelu, x);
        assertEquals(Map.of("server0", 8L * n, "server1", 8L * n, "server2", 2 * KEY * n),
            prof.bytesSentByPartyFor(OpQuery.op("fss", "drelu")), "drelu by party, n = " + n);
        assertEquals(2 * KEY * n, prof.bytesSentFor(OpQuery.op("fss", "keys")));
        long input = 32 + 8L * n;
        long seeds = 64;
        assertEquals(input + seeds + (16 + 2 * KEY) * n + 16L * n, prof.totalBytesSent(), "nothing else is sent");
        assertEquals(1 + 1 + 1, prof.rounds(), "input (with the keys), one round of drelu, output");
      }
    }
  }

  @Test
  void reluGateSends16OnlineBytesPerElementInOneRound() {
    int n = 500;
    try (Tfe tfe = Tfe.local()) {
      INDArray x = TestData.uniform(new Random(1), 100, 20, 25);
      Profile prof = profile(tfe, Fss::relu, x);
      Map<String, Long> relu = prof.bytesSentByPartyFor(OpQuery.op("fss", "relu"));
      long reluKey = 8L * ReluKeys.words(K);
      assertEquals(32L * K + 16, reluKey, "the ReLU key: a second payload word per level and two shares");
      assertEquals(Map.of("server0", 8L * n, "server1", 8L * n, "server2", 2 * reluKey * n), relu);
      assertEquals(1 + 1 + 1, prof.rounds(), "input (with the keys), the gate's opening, output");
    }
  }
}
