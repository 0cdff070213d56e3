package dev.tfe.protocol.aby3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.program.Output;
import dev.tfe.program.Party;
import dev.tfe.api.Tfe;
import dev.tfe.profile.OpQuery;
import dev.tfe.profile.Profile;
import dev.tfe.protocol.Tensor;
import dev.tfe.protocol.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The bytes and rounds of each ABY3 op equal the formulas stated in the javadoc of its step
 * (Mohassel and Rindal, CCS 2018). A run inputs values, applies the op and reveals both the
 * inputs and the result to each of the three parties, so that every share is read (the planner
 * drops sends that nothing reads); the op's cost is what the run sends beyond that frame:
 * the inputs ({@code 2n} words and four 32-byte keys each) and the reveals ({@code n} words to
 * each party: the share it lacks), and beyond the setup keys (up to three of 32 bytes per run:
 * only those the op's randomness reads travel).
 *
 * <p>Formulas, in 8-byte words per element: a product with resharing 3 (the paper's three ring
 * elements per multiplication), in one round; share truncation 1, in one round; a product fused
 * with truncation 3, in two rounds; opening to all 3, in one round; DReLU 42: bit decomposition
 * by a Kogge-Stone adder (2 words of binary input, 12 ANDs of 3, less the one share of the last
 * AND that bit injection does not read), bit injection 3, and the return of the truth values to
 * replicated shares 2.
 */
@Timeout(300)
class Aby3CommunicationTest {
  static final long WORD = 8;
  static final long KEYS = 3 * 32;

  record Run(Profile profile, long frameBytes, int frameRounds) {
    /** Bytes beyond the frame and the setup keys. */
    long opBytes() {
      return profile.totalBytesSent() - frameBytes - profile.bytesSentFor(OpQuery.op("aby3", "keys"));
    }

    int opRounds() {
      return profile.rounds() - frameRounds;
    }
  }

  static Run run(BiFunction<Aby3, Tensor[], Tensor> op, INDArray... values) {
    try (Tfe tfe = Tfe.local()) {
      Aby3 p = tfe.aby3();
      Party client = tfe.party("client");
      Tensor[] in = new Tensor[values.length];
      List<Output> outs = new ArrayList<>();
      long frame = 0;
      for (int i = 0; i < values.length; i++) {
        in[i] = tfe.definePrivateInput(p, client, values[i]);
        frame += 4 * 32 + 2 * WORD * values[i].length() + 3 * WORD * values[i].length();
      }
      Tensor y = op.apply(p, in);
      frame += 3 * WORD * size(y.shape());
      for (String s : List.of("server0", "server1", "server2")) {
        for (Tensor t : in) {
          outs.add(tfe.defineOutput(p, tfe.party(s), t));
        }
        outs.add(tfe.defineOutput(p, tfe.party(s), y));
      }
      Profile prof = tfe.run(outs.toArray(new Output[0])).profile();
      long keys = prof.bytesSentFor(OpQuery.op("aby3", "keys"));
      assertTrue(keys % 32 == 0 && keys <= KEYS, "at most the three setup keys: " + keys);
      return new Run(prof, frame, 2);
    }
  }

  static long size(int[] shape) {
    long n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }

  @Test
  void inputAndRevealAloneCostTheFrame() {
    INDArray x = TestData.uniform(new Random(1), 10, 7, 3);
    Run r = run((p, in) -> p.add(in[0], in[0]), x);
    assertEquals(0, r.opBytes());
    assertEquals(0, r.opRounds(), "input, reveal");
    assertEquals(0, r.profile().bytesSentFor(OpQuery.op("aby3", "keys")), "no op here needs the setup keys, so none travel");
  }

  @Test
  void elementwiseProductWithTruncationSends3WordsInTwoRounds() {
    Random rnd = new Random(2);
    INDArray x = TestData.uniform(rnd, 10, 20, 15);
    INDArray y = TestData.uniform(rnd, 10, 20, 15);
    Run r = run((p, in) -> p.mul(in[0], in[1]), x, y);
    assertEquals(3 * WORD * 300, r.opBytes());
    assertEquals(KEYS, r.profile().bytesSentFor(OpQuery.op("aby3", "keys")));
    assertEquals(2, r.opRounds());
  }

  @Test
  void matmulSends3WordsPerOutputInTwoRoundsWhateverTheInnerDimension() {
    int m = 16;
    int k = 33;
    int v = 9;
    Random rnd = new Random(3);
    Run r = run((p, in) -> p.matmul(in[0], in[1]), TestData.uniform(rnd, 1, m, k), TestData.uniform(rnd, 1, k, v));
    assertEquals(3 * WORD * m * v, r.opBytes());
    assertEquals(2, r.opRounds());
  }

  @Test
  void shareTruncationSends1WordInOneRoundAndOpeningToAll3() {
    int n = 64;
    INDArray x = TestData.uniform(new Random(4), 10, n);
    Run t = run((p, in) -> p.truncate(in[0]), x);
    assertEquals(WORD * n, t.opBytes());
    assertEquals(1, t.opRounds());
    Run open = run((p, in) -> p.mul(p.reveal(in[0]), in[0]), x);
    assertEquals(3 * WORD * n + WORD * n, open.opBytes(), "opening, then the truncation of the public product");
    assertEquals(2, open.opRounds());
  }

  @Test
  void dreluSends42WordsPerElementIn9Rounds() {
    for (int n : new int[] {1, 37, 1000}) {
      Run r = run((p, in) -> p.drelu(in[0]), TestData.uniform(new Random(n), 100, n));
      assertEquals(42 * WORD * n, r.opBytes(), "drelu bytes for n = " + n);
      assertEquals(9, r.opRounds());
    }
  }

  /** ReLU = x * DReLU(x) on the additive view: DReLU (40), both operands to replicated (2 + 2), a product read back as a pair (2 of 3), the result to replicated (2). */
  @Test
  void reluSends48WordsPerElement() {
    Run r = run((p, in) -> p.relu(in[0]), TestData.uniform(new Random(5), 100, 20, 25));
    assertEquals(48 * WORD * 500, r.opBytes());
    assertEquals(11, r.opRounds());
  }
}
