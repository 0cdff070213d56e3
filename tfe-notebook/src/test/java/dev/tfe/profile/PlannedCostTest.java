package dev.tfe.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.program.Output;
import dev.tfe.program.Party;
import dev.tfe.program.RunResult;
import dev.tfe.api.Tfe;
import dev.tfe.graph.OpIdentity;
import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.ProtocolCase;
import dev.tfe.protocol.Protocols;
import dev.tfe.protocol.Tensor;
import dev.tfe.protocol.TestData;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * For every protocol module, without naming one: the bytes and rounds read off a run's plans
 * ({@link PlannedCost}) equal those the run measures, in total, per party, and per op identity.
 */
@Timeout(120)
class PlannedCostTest {
  static Stream<ProtocolCase> protocols() {
    return Protocols.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void plannedBytesAndRoundsAreWhatARunMeasures(ProtocolCase pc) {
    try (Tfe tfe = Tfe.local()) {
      Party client = tfe.party("client");
      Protocol p = pc.factory().apply(tfe);
      Tensor x = tfe.definePrivateInput(p, client, "x", 4, 6);
      Tensor w = tfe.definePrivateVariable(p, tfe.party("owner"), TestData.uniform(new Random(2), 1, 6, 3));
      Tensor y = p.matmul(x, p.mask(w));
      Tensor out = p.add(p.mul(y, y), p.reduceSum(p.matmul(x, w), 0));
      if (p.supportsComparisons()) {
        out = p.add(out, p.relu(y));
      }
      Output o = tfe.defineOutput(p, client, out);
      INDArray in = TestData.uniform(new Random(1), 1, 4, 6);
      Map<Party, Map<String, INDArray>> feed = Map.of(client, Map.of("x", in));
      tfe.run(feed, o);
      RunResult r = tfe.run(feed, o);
      Profile measured = r.profile();
      PlannedCost planned = PlannedCost.of(tfe.graph(), List.of(o.node().id()));
      Map<String, Long> m = new java.util.LinkedHashMap<>(measured.bytesSentByParty());
      m.values().removeIf(b -> b == 0);
      assertEquals(m, planned.bytesSentByParty(), pc.name() + ": bytes by party");
      assertEquals(measured.totalBytesSent(), planned.totalBytesSent());
      assertEquals(measured.rounds(), planned.rounds(), pc.name() + ": rounds");
      assertTrue(planned.bytesByIdentity().size() > 1 || planned.totalBytesSent() == 0);
      for (OpIdentity id : planned.bytesByIdentity().keySet()) {
        for (OpIdentity.Op op : id.ops()) {
          OpQuery q = OpQuery.of(op.kind());
          assertEquals(measured.bytesSentByPartyFor(q), planned.bytesSentByPartyFor(q), pc.name() + ": " + q);
          assertEquals(measured.roundsFor(q), planned.roundsFor(q), pc.name() + ": rounds of " + q);
        }
      }
      PlannedCost twice = planned.times(2).plus(PlannedCost.NONE);
      assertEquals(2 * planned.totalBytesSent(), twice.totalBytesSent());
      assertEquals(planned.rounds(), twice.rounds());
      assertThrows(IllegalStateException.class, () -> twice.roundsFor(OpQuery.protocol(p.name())));
    }
  }
}
