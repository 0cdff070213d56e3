package dev.tfe.protocol.securenn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tfe.api.Tfe;
import dev.tfe.graph.NodeRef;
import dev.tfe.protocol.Tensor;
import dev.tfe.ring.RingTensor;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * DReLU and ReLU on raw ring elements, beyond the fixed-point range: exact for every value in
 * {@code [-2^62, 2^62)} (the documented domain, which holds untruncated products), including its
 * ends, one unit inside, and random values of every magnitude.
 */
@Timeout(120)
class SecureNnRingEdgesTest {
  static long[] values() {
    long b = 1L << 62;
    long[] edges = {0, 1, -1, 2, -2, b - 1, -b, b - 2, -b + 1, 1L << 31, -(1L << 31), (1L << 31) - 1, 65536, -65536,
        Integer.MAX_VALUE, Integer.MIN_VALUE, 3L << 60, -(3L << 60)};
    Random rnd = new Random(5);
    long[] v = new long[edges.length + 2000];
    System.arraycopy(edges, 0, v, 0, edges.length);
    for (int i = edges.length; i < v.length; i++) {
      int bits = 1 + rnd.nextInt(62); // every magnitude from 1 to 62 bits
      long m = rnd.nextLong() >>> (64 - bits);
      v[i] = rnd.nextBoolean() ? m : -m - 1;
    }
    return v;
  }

  @Test
  void dreluAndReluAreExactOnTheDocumentedDomain() {
    long[] v = values();
    try (Tfe tfe = Tfe.local()) {
      SecureNn p = tfe.secureNn();
      tfe.party("client");
      Tensor x = p.definePrivateInput("client", "x", v.length);
      tfe.session().provide("client", "x", RingTensor.of(v.clone(), v.length));
      NodeRef d = p.defineOutput("client", p.drelu(x), "d");
      NodeRef r = p.defineOutput("client", p.relu(x), "r");
      var res = tfe.session().run(java.util.List.of(d, r), java.util.Map.of());
      long[] dv = res.get("d").data();
      long[] rv = res.get("r").data();
      long one = tfe.fixedPoint().config().scale();
      for (int i = 0; i < v.length; i++) {
        assertEquals(v[i] >= 0 ? one : 0, dv[i], "drelu of " + v[i]);
        assertEquals(v[i] >= 0 ? v[i] : 0, rv[i], "relu of " + v[i]);
      }
    }
  }
}
