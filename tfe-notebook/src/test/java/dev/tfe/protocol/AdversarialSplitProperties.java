package dev.tfe.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tfe.api.Tfe;
import dev.tfe.fixedpoint.FixedPointConfig;
import dev.tfe.graph.NodeRef;
import dev.tfe.graph.Ops;
import dev.tfe.protocol.share.AdditivePrivateTensor;
import dev.tfe.protocol.share.ComparingProtocol;
import dev.tfe.ring.RingTensor;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * DReLU and ReLU of every two-server comparing protocol (SecureNN's share conversion, its
 * PrivateCompare and MSB, and any module added later) on shares split adversarially: the value
 * {@code x} anywhere in the fixed-point range, server0's share anything at all (0, -1, the
 * extremes of the ring, {@code x} itself so that server1 holds 0, values that make the shares
 * wrap or not), server1's share {@code x - s0}. The result must be exact for every split.
 */
class AdversarialSplitProperties {
  static final long BOUND = FixedPointConfig.defaults().bound();

  /** A value and server0's share of it. */
  record Split(long x, long share0) {
    long share1() {
      return x - share0;
    }
  }

  @Provide
  Arbitrary<List<Split>> splits() {
    Arbitrary<Long> x = Arbitraries.oneOf(Arbitraries.longs().between(-BOUND + 1, BOUND - 1),
        Arbitraries.of(0L, 1L, -1L, BOUND - 1, -BOUND + 1));
    Arbitrary<Split> split = x.flatMap(v -> Arbitraries.oneOf(Arbitraries.longs(),
        Arbitraries.of(0L, -1L, 1L, Long.MIN_VALUE, Long.MAX_VALUE, v, v - Long.MIN_VALUE, v + 1, Long.MIN_VALUE + v))
        .map(s -> new Split(v, s)));
    return split.list().ofMinSize(1).ofMaxSize(64);
  }

  @Property(tries = 20)
  void dreluAndReluAreExactForEverySplit(@ForAll("splits") List<Split> splits) {
    int n = splits.size();
    long[] s0 = new long[n];
    long[] s1 = new long[n];
    for (int i = 0; i < n; i++) {
      s0[i] = splits.get(i).share0();
      s1[i] = splits.get(i).share1();
    }
    Protocols.all().forEach(pc -> {
      try (Tfe tfe = Tfe.local()) {
        tfe.party("client");
        if (!(pc.factory().apply(tfe) instanceof ComparingProtocol p) || !p.supportsComparisons()) {
          return;
        }
        Ops ops = p.ops();
        String server0 = p.parties().server0();
        String server1 = p.parties().server1();
        Tensor x = new AdditivePrivateTensor(ops.input(server0, "s0", new int[] {n}), ops.input(server1, "s1", new int[] {n}));
        NodeRef d = p.defineOutput("client", p.drelu(x), "d");
        NodeRef r = p.defineOutput("client", p.relu(x), "r");
        var feeds = Map.of(server0, Map.of("s0", RingTensor.of(s0, n)), server1, Map.of("s1", RingTensor.of(s1, n)));
        var res = tfe.session().run(List.of(d, r), feeds);
        long one = tfe.fixedPoint().config().scale();
        for (int i = 0; i < n; i++) {
          Split s = splits.get(i);
          assertEquals(s.x() >= 0 ? one : 0, res.get("d").get(i), pc.name() + ": drelu of " + s);
          assertEquals(Math.max(s.x(), 0), res.get("r").get(i), pc.name() + ": relu of " + s);
        }
      }
    });
  }
}
