package dev.tfe.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.program.Output;
import dev.tfe.program.Party;
import dev.tfe.api.Tfe;
import dev.tfe.runtime.InProcessRuntime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What each computing party receives is uniformly distributed and independent of the private
 * input, for every protocol module ({@link Protocols#secure()}), without naming any: the parties
 * examined are all those of the graph other than the input's owner and the output's receiver.
 * The same program runs many times on two very different inputs (all zeros; large values). A
 * party's view is split by the kernel op that produced each value (its wire width too), and each
 * part is checked on its own domain, read from the values: bytes up to 127 mean elements of a
 * small field packed one per byte (such as SecureNN's Z_67 shares and PrivateCompare vectors),
 * else whole ring words. Every part: as many values under either input, byte histograms uniform
 * over the domain and indistinguishable between the inputs by a chi-square test; ring words also
 * never repeat at a position and have balanced bits.
 *
 * <p>Protocols with exact comparisons also run ReLU, argmax, sigmoid and tanh, so their third
 * party takes part. Bounds are loose on purpose (about seven standard deviations), so that an
 * honest protocol fails with negligible probability while a leak of the input, even with noise
 * in its low bits, fails at once.
 */
@Timeout(180)
class PrivacyTest {
  static final int RUNS = 160;

  static Stream<ProtocolCase> protocols() {
    return Protocols.secure();
  }

  /** The program whose views are examined; covers input, masking, products, truncation and output. */
  static Tensor program(Protocol p, Tensor x, Tensor w) {
    Tensor y = p.matmul(x, p.mask(w));
    Tensor z = p.mul(y, y);
    Tensor out = p.add(p.polynomialSigmoid(z), p.reduceSum(p.matmul(x, w), 0));
    if (p.supportsComparisons()) {
      out = p.add(p.add(out, p.relu(y)), p.argmaxOneHot(y, 1));
      out = p.add(out, p.add(p.sigmoid(y), p.tanh(z)));
    }
    return out;
  }

  /**
   * The bytes each examined party receives, per run, keyed by party and the producing kernel op
   * and wire width ({@code party <- op/width}).
   */
  static Map<String, List<int[]>> views(ProtocolCase pc, INDArray input, INDArray weights) {
    try (Tfe tfe = Tfe.local()) {
      ReceivedValues rec = new ReceivedValues();
      ((InProcessRuntime) tfe.session().runtime()).setTransportDecorator(rec::wrap);
      Party client = tfe.party("client");
      Party owner = tfe.party("owner");
      Protocol p = pc.factory().apply(tfe);
      Tensor x = tfe.definePrivateInput(p, client, "x", 2, 8);
      Tensor w = tfe.definePrivateVariable(p, owner, weights);
      Output o = tfe.defineOutput(p, client, program(p, x, w));
      Map<Party, Map<String, INDArray>> feed = Map.of(client, Map.of("x", input));
      tfe.run(feed, o);
      List<String> examined = tfe.graph().parties().stream()
          .filter(q -> !q.equals(client.name()) && !q.equals(owner.name())).toList();
      examined.forEach(rec::take);
      Map<String, List<int[]>> out = new TreeMap<>();
      for (int r = 0; r < RUNS; r++) {
        tfe.run(feed, o);
        Map<String, List<Integer>> run = new TreeMap<>();
        for (String q : examined) {
          run.put(q + " <- (nothing)", new ArrayList<>());
          for (ReceivedValues.Element e : rec.take(q)) {
            String key = q + " <- " + tfe.graph().node(e.node()).op() + "/" + e.width();
            List<Integer> bytes = run.computeIfAbsent(key, k -> new ArrayList<>());
            for (int k = 0; k < e.width(); k++) {
              bytes.add((int) ((e.value() >>> (8 * k)) & 0xFF));
            }
          }
        }
        run.forEach((k, v) -> out.computeIfAbsent(k, unused -> new ArrayList<>())
            .add(v.stream().mapToInt(Integer::intValue).toArray()));
      }
      return out;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void partiesSeeUniformValuesIndependentOfTheInput(ProtocolCase pc) {
    INDArray w = TestData.uniform(new java.util.Random(3), 1, 8, 8);
    INDArray zeros = TestData.of(new double[16], 2, 8);
    double[] big = new double[16];
    Arrays.fill(big, 12345.678);
    big[3] = -20000;
    INDArray large = TestData.of(big, 2, 8);
    Map<String, List<int[]>> a = views(pc, zeros, w);
    Map<String, List<int[]>> b = views(pc, large, w);
    assertEquals(a.keySet(), b.keySet(), "the same parties receive values of the same kinds under either input");
    int checked = 0;
    for (String part : a.keySet()) {
      List<int[]> va = a.get(part);
      List<int[]> vb = b.get(part);
      int len = va.get(0).length;
      for (int r = 0; r < RUNS; r++) {
        assertEquals(len, va.get(r).length, part + ": as much in every run");
        assertEquals(len, vb.get(r).length, part + ": as much for either input");
      }
      if (len == 0) {
        continue; // e.g. Pond's crypto producer receives nothing at all
      }
      checked++;
      int domain = domain(va);
      assertEquals(domain, domain(vb), part + ": the values' domain differs between the inputs");
      if (domain == 256 && part.endsWith("/8")) {
        checkPositions(part, va);
        checkPositions(part, vb);
      }
      System.out.printf("%s, %s: %d bytes per run, domain %d%n", pc.name(), part, len, domain);
      long[] ha = histogram(part, va, domain);
      long[] hb = histogram(part, vb, domain);
      double bound = bound(domain - 1);
      assertTrue(ChiSquare.uniform(ha) < bound, part + ": not uniform (zeros input): " + ChiSquare.uniform(ha));
      assertTrue(ChiSquare.uniform(hb) < bound, part + ": not uniform (large input): " + ChiSquare.uniform(hb));
      assertTrue(ChiSquare.twoSample(ha, hb) < bound,
          part + ": the two inputs give distinguishable views: " + ChiSquare.twoSample(ha, hb));
    }
    assertTrue(checked > 0, pc.name() + ": no party but the client and the owner received anything");
  }

  /** 256 if any byte of {@code v} reaches 128 (whole words), else one more than the largest byte (a packed small field). */
  private static int domain(List<int[]> v) {
    int max = v.stream().flatMapToInt(Arrays::stream).max().orElse(0);
    return max >= 128 ? 256 : max + 1;
  }

  /** A chi-square bound for {@code df} degrees of freedom, about seven standard deviations above the mean. */
  private static double bound(int df) {
    return df + 7 * Math.sqrt(2.0 * df) + 10;
  }

  private static long[] histogram(String what, List<int[]> runs, int domain) {
    long[] h = new long[domain];
    for (int[] run : runs) {
      for (int v : run) {
        assertTrue(v < domain, what + ": byte " + v + " outside the domain [0, " + domain + ")");
        h[v]++;
      }
    }
    return h;
  }

  /** At each word position of the view: all values distinct and every bit balanced across runs. */
  private static void checkPositions(String part, List<int[]> runs) {
    int words = runs.get(0).length / 8;
    double sigma = Math.sqrt(runs.size()) / 2;
    for (int j = 0; j < words; j++) {
      long[] v = new long[runs.size()];
      for (int r = 0; r < v.length; r++) {
        for (int k = 0; k < 8; k++) {
          v[r] |= (long) runs.get(r)[8 * j + k] << (8 * k);
        }
      }
      assertEquals(runs.size(), Arrays.stream(v).distinct().count(), part + ": value at position " + j + " repeats across runs");
      for (int bit = 0; bit < 64; bit++) {
        int bb = bit;
        long ones = Arrays.stream(v).filter(x -> ((x >>> bb) & 1) == 1).count();
        assertTrue(Math.abs(ones - runs.size() / 2.0) < 7 * sigma,
            part + ": bit " + bit + " at position " + j + " is biased (" + ones + " of " + runs.size() + ")");
      }
    }
  }
}
