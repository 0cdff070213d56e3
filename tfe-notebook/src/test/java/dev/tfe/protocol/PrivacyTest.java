package dev.tfe.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.api.Output;
import dev.tfe.api.Party;
import dev.tfe.api.Tfe;
import dev.tfe.protocol.securenn.kernels.SecureNnOps;
import dev.tfe.runtime.InProcessRuntime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What each server receives is uniformly distributed and independent of the private input. The
 * same program runs many times on two very different inputs (all zeros; large values); for every
 * server and every position of its view: no value repeats, each bit is balanced, and the byte
 * histograms of the two inputs are indistinguishable by a chi-square test.
 *
 * <p>Protocols with exact comparisons (SecureNN, FSS) also run ReLU and argmax. In SecureNN the third server
 * takes part: it receives masked ring values and PrivateCompare's Z_67 vectors, and the servers
 * receive Z_67 shares of bits. Z_67 elements (which travel packed, eight to a word) are checked
 * on their own domain: every one below 67, uniform, and the same under both inputs.
 *
 * <p>Bounds are loose on purpose (about six standard deviations), so that an honest protocol
 * fails with negligible probability while a leak of the input, even with noise in its low bits,
 * fails at once.
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

  /** Ring words by server and run, and, under {@link #ZP}, the Z_67 elements by server and run. */
  static Map<String, List<long[]>> views(ProtocolCase pc, INDArray input, INDArray weights) {
    try (Tfe tfe = Tfe.local()) {
      ReceivedValues rec = new ReceivedValues();
      ((InProcessRuntime) tfe.session().runtime()).setTransportDecorator(rec::wrap);
      Party client = tfe.party("client");
      Protocol p = pc.factory().apply(tfe);
      Tensor x = tfe.definePrivateInput(p, client, "x", 2, 8);
      Tensor w = tfe.definePrivateVariable(p, tfe.party("owner"), weights);
      Output o = tfe.defineOutput(p, client, program(p, x, w));
      Map<Party, Map<String, INDArray>> feed = Map.of(client, Map.of("x", input));
      tfe.run(feed, o);
      List<String> servers = List.of("server0", "server1", "server2");
      servers.forEach(rec::take);
      Map<String, List<long[]>> out = new java.util.HashMap<>();
      for (int r = 0; r < RUNS; r++) {
        tfe.run(feed, o);
        for (String s : servers) {
          List<ReceivedValues.Element> got = rec.take(s);
          long[] v = got.stream().filter(e -> e.width() == 8 && !isZp(tfe, e))
              .mapToLong(ReceivedValues.Element::value).toArray();
          out.computeIfAbsent(s, k -> new ArrayList<>()).add(v);
          long[] zp = got.stream().filter(e -> isZp(tfe, e))
              .flatMapToLong(e -> java.util.stream.LongStream.range(0, 8).map(k -> (e.value() >>> (8 * k)) & 0xFF)).toArray();
          out.computeIfAbsent(ZP + s, k -> new ArrayList<>()).add(zp);
        }
      }
      return out;
    }
  }

  /** The key prefix of the Z_67 elements of a server's view. */
  static final String ZP = "Z_67 elements of ";

  /** Whether an element is a word of packed Z_67 elements (SecureNN's bit shares and PrivateCompare). */
  static boolean isZp(Tfe tfe, ReceivedValues.Element e) {
    String op = tfe.graph().node(e.node()).op();
    return op.equals(SecureNnOps.ZP_BITS) || op.equals(SecureNnOps.ZP_UNIFORM) || op.equals(SecureNnOps.PC);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void serversSeeUniformValuesIndependentOfTheInput(ProtocolCase pc) {
    INDArray w = TestData.uniform(new java.util.Random(3), 1, 8, 8);
    INDArray zeros = TestData.of(new double[16], 2, 8);
    double[] big = new double[16];
    Arrays.fill(big, 12345.678);
    big[3] = -20000;
    INDArray large = TestData.of(big, 2, 8);
    Map<String, List<long[]>> a = views(pc, zeros, w);
    Map<String, List<long[]>> b = views(pc, large, w);
    boolean comparisons;
    try (Tfe tfe = Tfe.local()) {
      comparisons = pc.factory().apply(tfe).supportsComparisons();
    }
    if (comparisons && pc.name().startsWith("securenn")) {
      // SecureNN's third server helps to compare; FSS's only deals, and receives nothing
      assertTrue(a.get("server2").get(0).length > 0, "the third server takes part");
      assertTrue(a.get(ZP + "server2").get(0).length > 0, "the third server receives PrivateCompare's vectors");
    }
    for (String server : a.keySet()) {
      List<long[]> va = a.get(server);
      List<long[]> vb = b.get(server);
      int len = va.get(0).length;
      if (server.startsWith(ZP)) {
        assertEquals(len, vb.get(0).length, server + ": as many for either input");
        if (len > 0) {
          checkZp(server, va, vb);
        }
        continue;
      }
      assertEquals(len, vb.get(0).length, server + " receives as much for either input");
      if (len == 0) {
        continue; // e.g. Pond's crypto producer receives nothing at all
      }
      checkPositions(server, va);
      checkPositions(server, vb);
      long[] ha = byteHistogram(va);
      long[] hb = byteHistogram(vb);
      assertTrue(chiSquareUniform(ha) < 400, server + ": bytes are not uniform (zeros input): " + chiSquareUniform(ha));
      assertTrue(chiSquareUniform(hb) < 400, server + ": bytes are not uniform (large input): " + chiSquareUniform(hb));
      assertTrue(chiSquareTwoSample(ha, hb) < 400, server + ": the two inputs give distinguishable views: " + chiSquareTwoSample(ha, hb));
    }
  }

  /** Z_67 elements: all in the field, uniform, and distributed alike under both inputs. */
  private static void checkZp(String what, List<long[]> va, List<long[]> vb) {
    long[] ha = zpHistogram(what, va);
    long[] hb = zpHistogram(what, vb);
    assertTrue(chiSquareUniform(ha) < 150, what + ": not uniform (zeros input): " + chiSquareUniform(ha));
    assertTrue(chiSquareUniform(hb) < 150, what + ": not uniform (large input): " + chiSquareUniform(hb));
    assertTrue(chiSquareTwoSample(ha, hb) < 150, what + ": the two inputs give distinguishable views: " + chiSquareTwoSample(ha, hb));
  }

  private static long[] zpHistogram(String what, List<long[]> runs) {
    long[] h = new long[67];
    for (long[] run : runs) {
      for (long v : run) {
        assertTrue(v < 67, what + ": element " + v + " is not in Z_67");
        h[(int) v]++;
      }
    }
    return h;
  }

  /** At each position of the view: all values distinct and every bit balanced across runs. */
  private static void checkPositions(String server, List<long[]> runs) {
    int len = runs.get(0).length;
    double sigma = Math.sqrt(runs.size()) / 2;
    for (int j = 0; j < len; j++) {
      int pos = j;
      long distinct = runs.stream().mapToLong(v -> v[pos]).distinct().count();
      assertEquals(runs.size(), distinct, server + ": value at position " + j + " repeats across runs");
      for (int bit = 0; bit < 64; bit++) {
        int bb = bit;
        long ones = runs.stream().filter(v -> ((v[pos] >>> bb) & 1) == 1).count();
        assertTrue(Math.abs(ones - runs.size() / 2.0) < 6 * sigma,
            server + ": bit " + bit + " at position " + j + " is biased (" + ones + " of " + runs.size() + ")");
      }
    }
  }

  private static long[] byteHistogram(List<long[]> runs) {
    long[] h = new long[256];
    for (long[] v : runs) {
      for (long x : v) {
        for (int k = 0; k < 8; k++) {
          h[(int) ((x >>> (8 * k)) & 0xFF)]++;
        }
      }
    }
    return h;
  }

  private static double chiSquareUniform(long[] h) {
    double n = Arrays.stream(h).sum();
    double e = n / h.length;
    double c = 0;
    for (long x : h) {
      c += (x - e) * (x - e) / e;
    }
    return c;
  }

  private static double chiSquareTwoSample(long[] a, long[] b) {
    double na = Arrays.stream(a).sum();
    double nb = Arrays.stream(b).sum();
    double c = 0;
    for (int i = 0; i < a.length; i++) {
      double t = a[i] + b[i];
      if (t == 0) {
        continue;
      }
      double ea = t * na / (na + nb);
      double eb = t * nb / (na + nb);
      c += (a[i] - ea) * (a[i] - ea) / ea + (b[i] - eb) * (b[i] - eb) / eb;
    }
    return c;
  }

}
