package dev.tfe.protocol.securenn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tfe.program.Output;
import dev.tfe.program.Party;
import dev.tfe.program.RunResult;
import dev.tfe.api.Tfe;
import dev.tfe.model.secure.ByteCount;
import dev.tfe.model.secure.OpCosts;
import dev.tfe.profile.OpQuery;
import dev.tfe.profile.Profile;
import dev.tfe.protocol.Parties;
import dev.tfe.protocol.Tensor;
import dev.tfe.protocol.TestData;
import dev.tfe.protocol.share.TruncationMode;
import dev.tfe.ring.ConvGeometry.Padding;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The bytes and rounds SecureNN's profile counts for each op equal the formulas of this
 * implementation, stated here and set beside the paper's Tables 1 and 2 (Wagh, Gupta and
 * Chandran, PoPETs 2019) in the javadoc of each step. Bytes are tensor payload, one byte per
 * Z_67 element and eight per ring element. Rounds are counted two ways: the op's latency, the
 * rounds of a run that inputs a value, applies the op and reveals the result, less the two of
 * input and output (the dealer's input-independent messages and the run keys travel with the
 * input, in the first step); and {@code Profile.roundsFor}, the steps in which any party sent for
 * the op, which also counts that first step of dealing. The bytes each party sends equal, too,
 * the formulas of {@link OpCosts}, which the private models' {@code CommunicationModel} adds up.
 */
@Timeout(300)
class SecureNnCommunicationTest {
  /** Bytes per element: DReLU = ShareConvert (224) + ComputeMSB (264). */
  static final long DRELU = 224 + 264;
  /** Bytes per element: ReLU = DReLU + one product of a value by a bit (40). */
  static final long RELU = DRELU + 40;
  /** Bytes of the run keys: three 32-byte seeds per run. */
  static final long KEYS = 96;
  /** The per-op formulas, per party. */
  static final OpCosts COSTS = OpCosts.of(SecureNn.NAME, TruncationMode.INTERACTIVE, 16, Parties.DEFAULT);

  /** Runs {@code op} on a private input of {@code values} revealed to a client; returns the profile. */
  static Profile profile(Tfe tfe, SecureNn p, BiFunction<SecureNn, Tensor[], Tensor> op, INDArray... values) {
    Party client = tfe.party("client");
    Tensor[] in = new Tensor[values.length];
    for (int i = 0; i < values.length; i++) {
      in[i] = tfe.definePrivateInput(p, client, values[i]);
    }
    Output o = tfe.defineOutput(p, client, op.apply(p, in));
    RunResult r = tfe.run(o);
    return r.profile();
  }

  static long inputBytes(INDArray... values) {
    long b = 0;
    for (INDArray v : values) {
      b += 32 + 8 * v.length(); // a seed to server0, x - x0 to server1
    }
    return b;
  }

  @Test
  void dreluSends488BytesPerElementIn8Rounds() {
    for (int n : new int[] {1, 37, 128 * 128}) {
      try (Tfe tfe = Tfe.local()) {
        INDArray x = TestData.uniform(new Random(n), 100, n);
        Profile prof = profile(tfe, tfe.secureNn(), (p, in) -> p.drelu(in[0]), x);
        assertEquals(DRELU * n, prof.bytesSentFor(OpQuery.op("securenn", "drelu")), "drelu bytes for n = " + n);
        assertEquals(224L * n, prof.bytesSentFor(OpQuery.op("securenn", "shareConvert")), "share convert bytes");
        assertEquals(264L * n, prof.bytesSentFor(OpQuery.op("securenn", "msb")), "compute msb bytes");
        assertEquals(2 * 2 * 64L * n, prof.bytesSentFor(OpQuery.op("securenn", "privateCompare")), "private compare bytes (two calls)");
        assertEquals(KEYS, prof.bytesSentFor(OpQuery.op("securenn", "keys")));
        assertEquals(inputBytes(x) + KEYS + DRELU * n + 16L * n, prof.totalBytesSent(), "nothing else is sent");
        assertEquals(COSTS.drelu(n).bytesSentByParty(), prof.bytesSentByPartyFor(OpQuery.op("securenn", "drelu")), "drelu by party");
        assertEquals(COSTS.shareConvert(n).bytesSentByParty(), prof.bytesSentByPartyFor(OpQuery.op("securenn", "shareConvert")));
        assertEquals(COSTS.computeMsb(n).bytesSentByParty(), prof.bytesSentByPartyFor(OpQuery.op("securenn", "msb")));
        assertEquals(COSTS.keys().bytesSentByParty(), prof.bytesSentByPartyFor(OpQuery.op("securenn", "keys")));
        assertEquals(1 + 8 + 1, prof.rounds(), "input, 8 rounds of drelu, output");
        assertEquals(1 + 8, prof.roundsFor(OpQuery.op("securenn", "drelu")), "the dealer's first step (with the input), then 8");
      }
    }
  }

  @Test
  void reluSends528BytesPerElementIn9Rounds() {
    int n = 500;
    try (Tfe tfe = Tfe.local()) {
      INDArray x = TestData.uniform(new Random(1), 100, 20, 25);
      Profile prof = profile(tfe, tfe.secureNn(), (p, in) -> p.relu(in[0]), x);
      assertEquals(RELU * n, prof.bytesSentFor(OpQuery.op("securenn", "relu")));
      assertEquals(inputBytes(x) + KEYS + RELU * n + 16L * n, prof.totalBytesSent());
      ByteCount run = COSTS.privateInput("client", n).plus(COSTS.keys()).plus(COSTS.relu(n)).plus(COSTS.output(n));
      assertEquals(run.bytesSentByParty(), prof.bytesSentByParty(), "the whole run, by party");
      assertEquals(COSTS.relu(n).bytesSentByParty(), prof.bytesSentByPartyFor(OpQuery.op("securenn", "relu")));
      assertEquals(1 + 9 + 1, prof.rounds());
      assertEquals(1 + 9, prof.roundsFor(OpQuery.op("securenn", "relu")), "the dealer's first step, then 9: the paper's 10");
    }
  }

  /**
   * MatMul of m x k by k x v: the paper's {@code (2mk + 2kv + mv) l} bits plus two 32-byte seeds
   * (the products' dealer), then, with interactive truncation, {@code 4 mv} words and two seeds
   * more in one more round; with local truncation nothing more.
   */
  @Test
  void matmulSendsThePapersBytesPlusSeedsAndTruncation() {
    int m = 16;
    int k = 33;
    int v = 9;
    Random rnd = new Random(2);
    INDArray x = TestData.uniform(rnd, 1, m, k);
    INDArray w = TestData.uniform(rnd, 1, k, v);
    long paper = 8L * (2 * m * k + 2 * k * v + m * v);
    try (Tfe tfe = Tfe.local()) {
      Profile prof = profile(tfe, tfe.secureNn(), (p, in) -> p.matmul(in[0], in[1]), x, w);
      assertEquals(paper + 64 + 8L * 4 * m * v + 64, prof.bytesSentFor(OpQuery.op("securenn", "matmul")));
      assertEquals(8L * 4 * m * v + 64, prof.bytesSentFor(OpQuery.op("securenn", "truncate")));
      assertEquals(COSTS.matmul(m, k, v, false).bytesSentByParty(), prof.bytesSentByPartyFor(OpQuery.op("securenn", "matmul")));
      assertEquals(COSTS.truncate((long) m * v).bytesSentByParty(), prof.bytesSentByPartyFor(OpQuery.op("securenn", "truncate")));
      assertEquals(1 + 2 + 1, prof.rounds());
      assertEquals(3, prof.roundsFor(OpQuery.op("securenn", "matmul")), "dealing, opening, truncation's opening");
    }
    try (Tfe tfe = Tfe.local()) {
      Profile prof = profile(tfe, tfe.secureNn(TruncationMode.LOCAL), (p, in) -> p.matmul(in[0], in[1]), x, w);
      assertEquals(paper + 64, prof.bytesSentFor(OpQuery.op("securenn", "matmul")));
      OpCosts local = OpCosts.of(SecureNn.NAME, TruncationMode.LOCAL, 16, Parties.DEFAULT);
      assertEquals(local.matmul(m, k, v, false).bytesSentByParty(), prof.bytesSentByPartyFor(OpQuery.op("securenn", "matmul")));
      assertEquals(1 + 1 + 1, prof.rounds());
      assertEquals(2, prof.roundsFor(OpQuery.op("securenn", "matmul")), "dealing, opening: the paper's 2");
    }
  }

  /** Max pooling: {@code m - 1} comparisons of {@code DRELU + 40} bytes per output, {@code 9 ceil(log2 m)} rounds. */
  @Test
  void maxPoolSendsOneComparisonPerCellButOneIn9RoundsPerTreeLevel() {
    Random rnd = new Random(3);
    INDArray x = TestData.uniform(rnd, 10, 1, 24, 24, 16);
    int[][] cases = {{2, 2, 2}, {3, 3, 3}};
    for (int[] c : cases) {
      int window = c[0] * c[1];
      int levels = 32 - Integer.numberOfLeadingZeros(window - 1);
      int out = (24 / c[2]) * (24 / c[2]) * 16;
      try (Tfe tfe = Tfe.local()) {
        Profile prof = profile(tfe, tfe.secureNn(), (p, in) -> p.maxPool2d(in[0], c[0], c[1], c[2], c[2], Padding.VALID), x);
        assertEquals((long) out * (window - 1) * RELU, prof.bytesSentFor(OpQuery.op("securenn", "maxPool2d")), "window " + window);
        assertEquals(COSTS.maxPool2d(out, window).bytesSentByParty(), prof.bytesSentByPartyFor(OpQuery.op("securenn", "maxPool2d")));
        assertEquals(1 + 9 * levels + 1, prof.rounds(), "window " + window);
        assertEquals(1 + 9 * levels, prof.roundsFor(OpQuery.op("securenn", "maxPool2d")), "window " + window);
      }
    }
  }

  /**
   * Argmax over m = 10 candidates: 9 DReLUs, and the selects of the maxima but the last (argmax
   * does not use the maximum itself, so the planner leaves its last select out); the one-hot
   * bookkeeping multiplies m values per column at every level but the first (3 of 4 levels
   * here), 40 bytes each; 9 rounds per level.
   */
  @Test
  void argmaxAddsTheOneHotProductsToTheTree() {
    int rows = 7;
    int m = 10;
    INDArray x = TestData.uniform(new Random(4), 10, rows, m);
    try (Tfe tfe = Tfe.local()) {
      Profile prof = profile(tfe, tfe.secureNn(), (p, in) -> p.argmax(in[0], 1), x);
      assertEquals(rows * (9 * DRELU + 8 * 40 + 3L * m * 40), prof.bytesSentFor(OpQuery.op("securenn", "argmax")));
      assertEquals(1 + 4 * 9 + 1, prof.rounds());
    }
  }
}
