package dev.tfe.usercode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.program.Output;
import dev.tfe.program.Party;
import dev.tfe.program.RunResult;
import dev.tfe.api.Tfe;
import dev.tfe.graph.NodeRef;
import dev.tfe.graph.Ops;
import dev.tfe.protocol.Parties;
import dev.tfe.protocol.Tensor;
import dev.tfe.protocol.pond.Pond;
import dev.tfe.protocol.share.AdditivePrivateTensor;
import dev.tfe.protocol.share.AdditiveProtocol;
import dev.tfe.protocol.share.Dealer;
import dev.tfe.protocol.share.Dealt;
import dev.tfe.protocol.share.Pair;
import dev.tfe.protocol.share.SeededDealer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A protocol op written by a user, from outside the library's packages, with the public share
 * level (issue 12, item 4): a private square from a dealer's square pair {@code (a, a^2)}. The
 * servers open {@code e = x - a} to each other; then {@code x^2 = e^2 + 2 e a + a^2}, shares of
 * which each server computes locally; the result is wrapped back into a private tensor,
 * truncated by the protocol and revealed to the client only.
 */
class DealerSquareTest {

  static Tensor square(AdditiveProtocol pond, Tensor x) {
    Ops ops = pond.ops();
    Parties servers = pond.parties();
    AdditivePrivateTensor shares = (AdditivePrivateTensor) x;
    Dealer dealer = SeededDealer.seedOneServer(ops, servers);
    Dealt a = dealer.random(x.shape());
    Pair aa = dealer.share(ops.mul(a.value(), a.value()));
    NodeRef e0 = ops.sub(shares.share0(), a.shares().on0());
    NodeRef e1 = ops.sub(shares.share1(), a.shares().on1());
    NodeRef eOn0 = ops.add(e0, ops.move(e1, servers.server0()));
    NodeRef eOn1 = ops.add(ops.move(e0, servers.server1()), e1);
    NodeRef z0 = ops.add(ops.add(ops.mul(eOn0, eOn0), ops.scale(ops.mul(eOn0, a.shares().on0()), 2)), aa.on0());
    NodeRef z1 = ops.add(ops.scale(ops.mul(eOn1, a.shares().on1()), 2), aa.on1());
    return pond.truncate(new AdditivePrivateTensor(z0, z1));
  }

  @Test
  void aSquareFromADealerPairAgreesWithPlaintext() {
    double[] values = {-3.25, -1, -0.125, 0, 0.5, 2, 7.75, 12.5};
    try (Tfe tfe = Tfe.local()) {
      Party client = tfe.party("client");
      Pond pond = tfe.pond();
      Tensor x = tfe.definePrivateInput(pond, client, Nd4j.createFromArray(values).reshape(2, 4));
      Output out = tfe.defineOutput(pond, client, square(pond, x));
      Output plain = tfe.defineOutput(tfe.plain(), client,
          tfe.plain().square(tfe.definePrivateInput(tfe.plain(), client, Nd4j.createFromArray(values).reshape(2, 4))));
      RunResult r = tfe.run(out, plain);
      double[] got = r.values(out);
      double[] want = r.values(plain);
      double ulp = 1.0 / tfe.fixedPoint().config().scale();
      for (int i = 0; i < values.length; i++) {
        assertEquals(values[i] * values[i], got[i], 2 * ulp, "square of " + values[i]);
        assertEquals(want[i], got[i], 2 * ulp, "against the plaintext protocol, " + values[i]);
      }
      assertEquals("client", r.receiver(out));
    }
  }
}
