package dev.tfe.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tfe.api.Tfe;
import dev.tfe.graph.NodeRef;
import dev.tfe.ring.RingTensor;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Share-and-reveal identities, for every built-in protocol module ({@link Protocols#all()}):
 * a private input revealed to its owner is the encoded input, bit for bit; the sum and
 * difference of two private inputs, and a private input plus a public one, reveal exactly the
 * ring sums and differences, whatever the (wrapping) 64-bit values are. Additions are local, so
 * no tolerance applies.
 */
class ShareProperties {
  @Provide
  Arbitrary<long[]> vectors() {
    return Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.of(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE))
        .array(long[].class).ofMinSize(1).ofMaxSize(32);
  }

  @Property(tries = 25)
  void revealingASharedValueGivesItBackAndSumsAreExact(@ForAll("vectors") long[] x, @ForAll long shift) {
    int n = x.length;
    long[] y = new long[n];
    for (int i = 0; i < n; i++) {
      y[i] = x[n - 1 - i] * 31 + shift;
    }
    Protocols.all().forEach(pc -> {
      try (Tfe tfe = Tfe.local()) {
        tfe.party("client");
        Protocol p = pc.factory().apply(tfe);
        Tensor a = p.definePrivateInput("client", "x", n);
        Tensor b = p.definePrivateInput("client", "y", n);
        Tensor c = p.definePublicInput("client", "c", n);
        NodeRef back = p.defineOutput("client", a, "back");
        NodeRef sum = p.defineOutput("client", p.add(a, b), "sum");
        NodeRef diff = p.defineOutput("client", p.sub(a, b), "diff");
        NodeRef pub = p.defineOutput("client", p.add(a, c), "pub");
        var feeds = Map.of("client", Map.of("x", RingTensor.of(x.clone(), n), "y", RingTensor.of(y, n),
            "c", RingTensor.of(y, n)));
        var r = tfe.session().run(List.of(back, sum, diff, pub), feeds);
        for (int i = 0; i < n; i++) {
          assertEquals(x[i], r.get("back").get(i), pc.name() + ": reveal of the input");
          assertEquals(x[i] + y[i], r.get("sum").get(i), pc.name() + ": sum");
          assertEquals(x[i] - y[i], r.get("diff").get(i), pc.name() + ": difference");
          assertEquals(x[i] + y[i], r.get("pub").get(i), pc.name() + ": private plus public");
        }
      }
    });
  }
}
