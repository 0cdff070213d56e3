package dev.tfe.protocol.securenn;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tfe.program.Output;
import dev.tfe.program.Party;
import dev.tfe.api.Tfe;
import dev.tfe.graph.Graph;
import dev.tfe.graph.Node;
import dev.tfe.protocol.securenn.kernels.SecureNnOps;
import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.Tensor;
import dev.tfe.protocol.TestData;
import dev.tfe.ring.ConvGeometry.Padding;
import dev.tfe.protocol.securenn.kernels.ZpPacked;
import dev.tfe.runtime.InProcessRuntime;
import dev.tfe.runtime.MessageCodec;
import dev.tfe.runtime.ObservedTransport;
import dev.tfe.runtime.Transport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What each server receives in SecureNN's ReLU, max pooling and argmax does not depend on the
 * private input, message by message (the core {@code PrivacyTest} pools each server's view): a
 * statistical test over all three servers. The same program runs many times on two very different
 * inputs; every message a server receives is recorded, and for each value it receives (by node)
 * the distribution under one input must match the distribution under the other (a two-sample
 * chi-square test) and be uniform on its domain (ring words; Z_67 elements for PrivateCompare).
 * For SecureNN the third server's joint view of each PrivateCompare, {@code d0 + d1}, is checked
 * too: whether it has a zero, where, and the non-zero values. Significance 1e-6 per test.
 */
@Timeout(300)
class SecureNnPrivacyTest {
  static final int RUNS = 6;
  static final int N = 512;
  /** The chi-square quantile for p = 1e-6 (Wilson and Hilferty's approximation). */
  static final double Z = 4.753;

  /** The programs: exact ReLU, max pooling and argmax. */
  static List<Tensor> programs(Protocol p, Tensor x) {
    return List.of(p.relu(x), p.maxPool2d(p.reshape(x, 2, 16, 16, 1), 2, 2, 2, 2, Padding.VALID),
        p.argmaxOneHot(p.reshape(x, N / 4, 4), 1));
  }

  /** Values one server received, by the id of the node that produced them, per input. */
  static final class Recorder {
    final Map<String, Map<Integer, List<long[]>>> byInput = new ConcurrentHashMap<>();
    volatile String input = "";

    Transport wrap(Transport t) {
      return new ObservedTransport(t, (self, peer, batch) -> {
        if (self.startsWith("server")) {
          for (MessageCodec.Entry e : batch.entries()) {
            byInput.computeIfAbsent(input + "|" + self, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(e.nodeId(), k -> Collections.synchronizedList(new ArrayList<>()))
                .add(e.value().data());
          }
        }
      });
    }

    Map<Integer, List<long[]>> get(String in, String server) {
      return byInput.getOrDefault(in + "|" + server, Map.of());
    }
  }

  @Test
  void whatEachServerReceivesDoesNotDependOnTheInput() {
    Recorder rec = new Recorder();
    Graph graph;
    try (Tfe tfe = Tfe.local()) {
      ((InProcessRuntime) tfe.session().runtime()).setTransportDecorator(rec::wrap);
      Party client = tfe.party("client");
      Protocol p = tfe.secureNn();
      Tensor x = tfe.definePrivateInput(p, client, "x", N);
      Output[] outs = programs(p, x).stream().map(t -> tfe.defineOutput(p, client, t)).toArray(Output[]::new);
      double[] positive = new double[N];
      double[] mixed = new double[N];
      for (int i = 0; i < N; i++) {
        positive[i] = 5.25 + i % 7;
        mixed[i] = i % 3 == 0 ? 0 : (i % 2 == 0 ? -1000.5 : 0.0001);
      }
      for (String in : new String[] {"A", "B"}) {
        rec.input = in;
        INDArray v = TestData.of(in.equals("A") ? positive : mixed, N);
        for (int run = 0; run < RUNS; run++) {
          tfe.run(Map.of(client, Map.of("x", v)), outs);
        }
      }
      graph = tfe.graph();
    }
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (String server : new String[] {"server0", "server1", "server2"}) {
      Map<Integer, List<long[]>> a = rec.get("A", server);
      Map<Integer, List<long[]>> b = rec.get("B", server);
      if (server.equals("server2")) {
        assertTrue(!a.isEmpty(), "the third server takes part in SecureNN");
        checked += checkPrivateCompares(graph, a, b, failures);
      }
      for (Map.Entry<Integer, List<long[]>> e : a.entrySet()) {
        Node n = graph.node(e.getKey());
        String what = server + " receiving #" + n.id() + " " + n.op() + " [" + n.identity() + "]";
        List<long[]> other = b.get(e.getKey());
        if (other == null) {
          failures.add(what + ": received under one input only");
          continue;
        }
        boolean zp = n.op().equals(SecureNnOps.ZP_BITS) || n.op().equals(SecureNnOps.PC) || n.op().equals(SecureNnOps.ZP_UNIFORM);
        int wire = n.wireBytes();
        if (zp) {
          compare(what + " (Z_67 elements)", histogram(e.getValue(), -1, ZpPacked.P), histogram(other, -1, ZpPacked.P), true, failures);
        } else if (wire == 8) {
          compare(what + " (low byte)", histogram(e.getValue(), 0, 256), histogram(other, 0, 256), true, failures);
          compare(what + " (high byte)", histogram(e.getValue(), 7, 256), histogram(other, 7, 256), true, failures);
        } else {
          compare(what, histogram(e.getValue(), 0, 256), histogram(other, 0, 256), false, failures);
        }
        checked++;
      }
    }
    if (!failures.isEmpty()) {
      fail("securenn: " + failures.size() + " of the received values depend on the input or are not uniform:\n  "
          + String.join("\n  ", failures));
    }
    assertTrue(checked > 0);
  }

  /** Byte {@code pos} of every word (or, with {@code pos = -1}, every byte), in {@code bins} bins. */
  static long[] histogram(List<long[]> values, int pos, int bins) {
    long[] h = new long[bins];
    for (long[] v : values) {
      for (long w : v) {
        if (pos >= 0) {
          h[(int) (w >>> (8 * pos)) & 0xFF]++;
        } else {
          for (int k = 0; k < 8; k++) {
            int b = (int) (w >>> (8 * k)) & 0xFF;
            if (b >= bins) {
              h[0] = Long.MIN_VALUE / 2; // out of the domain: fails the uniformity test
            } else {
              h[b]++;
            }
          }
        }
      }
    }
    return h;
  }

  /** The third server's view of each PrivateCompare: d0 + d1 mod 67, per element. */
  static int checkPrivateCompares(Graph g, Map<Integer, List<long[]>> a, Map<Integer, List<long[]>> b, List<String> failures) {
    int count = 0;
    for (Node n : g.nodes()) {
      if (!n.op().equals(SecureNnOps.PC_REVEAL)) {
        continue;
      }
      int d0 = g.node(n.input(0)).input(0);
      int d1 = g.node(n.input(1)).input(0);
      if (!a.containsKey(d0)) {
        continue; // not in the program that ran
      }
      long[][] va = joint(a.get(d0), a.get(d1));
      long[][] vb = joint(b.get(d0), b.get(d1));
      String what = "server2's view of PrivateCompare [" + n.identity() + "]";
      compare(what + ": has a zero", va[0], vb[0], false, failures);
      compare(what + ": where the zero is", va[1], vb[1], true, failures);
      long[] nonZeroA = java.util.Arrays.copyOfRange(va[2], 1, ZpPacked.P);
      long[] nonZeroB = java.util.Arrays.copyOfRange(vb[2], 1, ZpPacked.P);
      compare(what + ": non-zero values", nonZeroA, nonZeroB, true, failures);
      count++;
    }
    return count;
  }

  /** Histograms of: whether a vector has a zero; the zero's position; the values. */
  static long[][] joint(List<long[]> d0, List<long[]> d1) {
    long[] hasZero = new long[2];
    long[] position = new long[64];
    long[] values = new long[ZpPacked.P];
    for (int m = 0; m < d0.size(); m++) {
      long[] x = d0.get(m);
      long[] y = d1.get(m);
      for (int base = 0; base < x.length; base += 8) {
        int zero = -1;
        for (int i = 0; i < 64; i++) {
          int v = (ZpPacked.get(x, base, i) + ZpPacked.get(y, base, i)) % ZpPacked.P;
          values[v]++;
          if (v == 0) {
            zero = i;
          }
        }
        hasZero[zero >= 0 ? 1 : 0]++;
        if (zero >= 0) {
          position[zero]++;
        }
      }
    }
    return new long[][] {hasZero, position, values};
  }

  /**
   * Fails when the two histograms differ (two-sample chi-square) or, with {@code uniform}, when
   * either is not uniform, at significance 1e-6.
   */
  static void compare(String what, long[] a, long[] b, boolean uniform, List<String> failures) {
    double ta = 0;
    double tb = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] < 0 || b[i] < 0) {
        failures.add(what + ": values outside their domain");
        return;
      }
      ta += a[i];
      tb += b[i];
    }
    double stat = 0;
    int bins = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] + b[i] > 0) {
        double d = a[i] * Math.sqrt(tb / ta) - b[i] * Math.sqrt(ta / tb);
        stat += d * d / (a[i] + b[i]);
        bins++;
      }
    }
    if (bins > 1 && stat > critical(bins - 1)) {
      failures.add(String.format("%s: differs between inputs (chi2 %.1f, df %d)", what, stat, bins - 1));
    }
    if (uniform) {
      for (long[] h : new long[][] {a, b}) {
        double total = 0;
        for (long c : h) {
          total += c;
        }
        double e = total / h.length;
        double u = 0;
        for (long c : h) {
          u += (c - e) * (c - e) / e;
        }
        if (u > critical(h.length - 1)) {
          failures.add(String.format("%s: not uniform (chi2 %.1f, df %d)", what, u, h.length - 1));
        }
      }
    }
  }

  static double critical(int df) {
    double c = 2.0 / (9 * df);
    return df * Math.pow(1 - c + Z * Math.sqrt(c), 3);
  }
}
