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
 * input (offline, its mask {@code 8n} to the client; online, the masked input {@code 2 * 8n} to the
 * servers), the dealer's two seeds and the output ({@code 2 * 8n}). Made ahead, the mask and keys
 * leave the run: {@code preprocessedRunIsOnlineOnly} counts the online part alone.
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
        // the mask to the client, then x minus it to server0 (server1 needs it only for a Beaver product)
        long input = 8L * n + 8L * n;
        long seeds = 64;
        assertEquals(input + seeds + (16 + 2 * KEY) * n + 16L * n, prof.totalBytesSent(), "nothing else is sent " + prof);
        assertEquals(1 + 1 + 1 + 1, prof.rounds(), "the input's mask (with the keys), the masked input, one round of drelu, output");
      }
    }
  }

  /** With the offline part made ahead, the run sends only the masked input, the gate's opening and the output. */
  @Test
  void preprocessedRunIsOnlineOnly() {
    int n = 64;
    try (Tfe tfe = Tfe.local()) {
      Fss p = tfe.use(FssModule.automatic());
      Party client = tfe.party("client");
      Output o = tfe.defineOutput(p, client, p.relu(tfe.definePrivateInput(p, client, "x", n)));
      INDArray x = TestData.uniform(new Random(3), 100, n);
      Profile offline = tfe.session().preprocess(java.util.List.of(o.node()), 1);
      // server1's share of the input is its share of the mask: its share of the gate's opening goes ahead too
      assertEquals(Map.of("server2", 2 * 8L * ReluKeys.words(K) * n + 8L * n + 64, "server1", 8L * n, "server0", 0L,
          "client", 0L), offline.bytesSentByParty(), "keys, the client's mask, seeds; " + offline);
      Profile online = tfe.run(Map.of(client, Map.of("x", x)), o).profile();
      assertEquals(Map.of("client", 8L * n, "server0", 16L * n, "server1", 8L * n), online.bytesSentByParty(), online.toString());
      assertEquals(3, online.rounds(), "the masked input, the gate's opening, the output");
      INDArray y = tfe.run(Map.of(client, Map.of("x", x)), o).get(o);
      assertEquals(0, y.sub(org.nd4j.linalg.ops.transforms.Transforms.relu(x, true)).amaxNumber().doubleValue(), 1e-4);
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
      assertEquals(1 + 1 + 1 + 1, prof.rounds(), "the input's mask (with the keys), the masked input, the gate's opening, output");
    }
  }
}
