package dev.tfe.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tfe.program.Output;
import dev.tfe.program.Party;
import dev.tfe.program.RunResult;
import dev.tfe.api.Tfe;
import dev.tfe.graph.OpKind;
import dev.tfe.model.secure.OpCosts;
import dev.tfe.profile.OpQuery;
import dev.tfe.profile.Profile;
import dev.tfe.protocol.pond.Pond;
import dev.tfe.protocol.share.TruncationMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The bytes and rounds Pond's profile counts equal the Beaver protocol's formulas (see
 * {@code Beaver} and {@code Truncation}): a fresh product of n elements costs 7n words plus a
 * 32-byte seed; a matmul m x k by k x n costs 3mk + 3kn + mn words plus a seed; a masked
 * operand saves its 3 words per element; interactive truncation costs 5n words plus a seed.
 * The bytes each party sends equal, too, the formulas of {@link OpCosts}.
 */
@Timeout(60)
class PondCommunicationTest {
  private static final int SEED = 32;
  private static final OpCosts LOCAL = OpCosts.of("pond", TruncationMode.LOCAL, 16, Parties.DEFAULT);
  private static final OpCosts INTERACTIVE = OpCosts.of("pond", TruncationMode.INTERACTIVE, 16, Parties.DEFAULT);

  private static Profile profileOf(TruncationMode mode, boolean maskWeights, int m, int k, int n, boolean matmul) {
    try (Tfe tfe = Tfe.local()) {
      Party client = tfe.party("client");
      Pond pond = tfe.pond(mode);
      Random rnd = new Random(1);
      Tensor x = tfe.definePrivateInput(pond, client, TestData.uniform(rnd, 1, m, k));
      Tensor w = tfe.definePrivateVariable(pond, tfe.party("owner"), TestData.uniform(rnd, 1, matmul ? k : m, matmul ? n : k));
      Tensor y = matmul ? pond.matmul(x, maskWeights ? pond.mask(w) : w) : pond.mul(x, w);
      Output o = tfe.defineOutput(pond, client, y);
      tfe.run(o); // initialises the variable (and its mask)
      RunResult r = tfe.run(o);
      return r.profile();
    }
  }

  /** Bytes of the product itself, without its truncation (a nested scope). */
  private static long productBytes(Profile p, String kind) {
    return p.ops().stream().filter(o -> o.kind().equals(new OpKind("pond", kind))).mapToLong(o -> o.bytesSent()).sum();
  }

  /** Bytes of the product itself by party, without its truncation. */
  private static Map<String, Long> productBytesByParty(Profile p, String kind) {
    Map<String, Long> r = new LinkedHashMap<>();
    p.ops().stream().filter(o -> o.kind().equals(new OpKind("pond", kind)) && o.bytesSent() > 0)
        .forEach(o -> r.merge(o.party(), o.bytesSent(), Long::sum));
    return r;
  }

  @Test
  void mulCostsSevenWordsPerElementPlusASeed() {
    int m = 6;
    int k = 5;
    Profile p = profileOf(TruncationMode.LOCAL, false, m, k, 0, false);
    long elements = (long) m * k;
    assertEquals(8 * 7 * elements + SEED, productBytes(p, "mul"));
    assertEquals(0, productBytes(p, "truncate"), "local truncation sends nothing");
    assertEquals(LOCAL.mulProduct(elements, false).bytesSentByParty(), productBytesByParty(p, "mul"));
    assertEquals(LOCAL.mul(elements).bytesSentByParty(), p.bytesSentByPartyFor(OpQuery.op("pond", "mul")));
    assertEquals(2, p.roundsFor(OpQuery.op("pond", "mul")), "dealing, then opening the masked operands");
  }

  @Test
  void matmulCostsBeaversFormula() {
    int m = 4;
    int k = 784;
    int n = 128;
    Profile p = profileOf(TruncationMode.LOCAL, false, m, k, n, true);
    long words = 3L * m * k + 3L * k * n + (long) m * n;
    assertEquals(8 * words + SEED, productBytes(p, "matmul"));
    assertEquals(LOCAL.matmul(m, k, n, false).bytesSentByParty(), productBytesByParty(p, "matmul"));
  }

  @Test
  void maskedWeightsAreNotSentAgain() {
    int m = 1;
    int k = 784;
    int n = 128;
    Profile p = profileOf(TruncationMode.LOCAL, true, m, k, n, true);
    long words = 3L * m * k + (long) m * n; // b1, both halves of beta, and c1
    assertEquals(8 * words + SEED, productBytes(p, "matmul"));
    assertEquals(0, productBytes(p, "mask"), "the mask was opened in the initialisation run");
    assertEquals(LOCAL.matmul(m, k, n, true).bytesSentByParty(), productBytesByParty(p, "matmul"));
  }

  @Test
  void interactiveTruncationCostsFiveWordsPerElementPlusASeedInOneExchange() {
    int m = 3;
    int k = 7;
    Profile p = profileOf(TruncationMode.INTERACTIVE, false, m, k, 0, false);
    long elements = (long) m * k;
    assertEquals(8 * 5 * elements + SEED, productBytes(p, "truncate"));
    assertEquals(INTERACTIVE.truncate(elements).bytesSentByParty(), productBytesByParty(p, "truncate"));
    assertEquals(INTERACTIVE.mulProduct(elements, false).bytesSentByParty(), productBytesByParty(p, "mul"));
    assertEquals(2, p.roundsFor(OpQuery.op("pond", "truncate")), "dealing (in parallel with the product's), then opening c");
    assertEquals(8 * 7 * elements + SEED, productBytes(p, "mul"));
  }

  @Test
  void privateInputCostsOneShareAndASeed() {
    try (Tfe tfe = Tfe.local()) {
      Party client = tfe.party("client");
      Pond pond = tfe.pond();
      Tensor x = tfe.definePrivateInput(pond, client, TestData.uniform(new Random(2), 1, 10, 10));
      Output o = tfe.defineOutput(pond, client, x);
      Profile p = tfe.run(o).profile();
      assertEquals(8 * 100 + SEED, p.bytesSentFor(OpQuery.op("pond", "privateInput")));
      assertEquals(2 * 8 * 100, p.bytesSentFor(OpQuery.op("pond", "output")));
      OpCosts costs = OpCosts.of(pond);
      assertEquals(costs.privateInput("client", 100).plus(costs.output(100)).bytesSentByParty(), p.bytesSentByParty());
      assertEquals(2, p.rounds(), "share, then reveal");
    }
  }
}
