package dev.tfe.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.program.Output;
import dev.tfe.program.Party;
import dev.tfe.program.RunResult;
import dev.tfe.api.Tfe;
import dev.tfe.graph.ValueKind;
import dev.tfe.model.Layers;
import dev.tfe.model.Sequential;
import dev.tfe.model.secure.Prediction;
import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.Tensor;
import dev.tfe.protocol.TestData;
import dev.tfe.protocol.fss.FssModule;
import dev.tfe.protocol.pond.Pond;
import dev.tfe.protocol.share.TruncationMode;
import dev.tfe.render.PartyViewsHtml;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What each party saw ({@link Profile#seen()}), for a Pond product, a SecureNN ReLU and a private
 * prediction: each party's view holds exactly the kinds it should (the servers shares, masked
 * openings and dealer material; the dealer only what protocols send it; the client its input and
 * its output), nothing undeclared, and the bytes each party received add up to the profile's.
 */
@Timeout(120)
class PartyViewsTest {
  private static final Set<ValueKind> SERVER = EnumSet.of(ValueKind.SHARE, ValueKind.MASKED, ValueKind.DEALT);

  private static void bytesAgree(Profile p) {
    PartyViews v = p.seen();
    for (String party : p.parties()) {
      assertEquals(p.bytesReceivedByParty().get(party), v.bytesReceived(party), party + "'s bytes received");
      assertFalse(v.kinds(party).contains(ValueKind.UNDECLARED), party + " saw an undeclared value: " + v);
    }
  }

  private static RunResult run(Protocol protocol, Tfe tfe, boolean relu) {
    Party client = tfe.party("client");
    Random rnd = new Random(3);
    Tensor x = tfe.definePrivateInput(protocol, client, TestData.uniform(new Random(1), 1, 3, 4));
    Tensor y = relu ? protocol.relu(x)
        : protocol.mul(x, tfe.definePrivateVariable(protocol, tfe.party("owner"), TestData.uniform(rnd, 1, 3, 4)));
    Output o = tfe.defineOutput(protocol, client, y);
    tfe.run(o); // initialises variables
    return tfe.run(o);
  }

  @Test
  void pondMulShowsSharesMaskedOpeningsAndDealerSeedsWithBeaversBytes() {
    try (Tfe tfe = Tfe.local()) {
      Pond pond = tfe.pond(TruncationMode.LOCAL);
      Profile p = run(pond, tfe, false).profile();
      PartyViews v = p.seen();
      long n = 12;
      assertEquals(EnumSet.of(ValueKind.INPUT, ValueKind.OUTPUT), v.kinds("client"));
      assertEquals(EnumSet.of(ValueKind.OUTPUT), v.kindsReceived("client"));
      assertEquals(2 * 8 * n, v.bytes("client", ValueKind.OUTPUT), "both servers' shares of the product");
      assertEquals(8 * n, v.bytes("client", ValueKind.INPUT));
      for (String s : new String[] {"server0", "server1"}) {
        assertEquals(SERVER, v.kinds(s), s + ": " + v);
        assertEquals(2 * 8 * n, v.bytes(s, ValueKind.MASKED), s + " opens both operands, masked");
      }
      assertEquals(32, v.bytes("server0", ValueKind.SHARE), "the client's seed for server0's share");
      assertEquals(8 * n, v.bytes("server1", ValueKind.SHARE));
      assertEquals(32, v.bytes("server0", ValueKind.DEALT), "the dealer's seed");
      assertEquals(3 * 8 * n, v.bytes("server1", ValueKind.DEALT), "server1's parts of a, b and ab");
      assertEquals(Set.of(), v.kinds("server2"), "Pond's dealer receives nothing");
      bytesAgree(p);
      assertTrue(v.toString().contains("masked opening"), v.toString());
      assertTrue(PartyViewsHtml.of(v).contains("<b>server1</b>"));
    }
  }

  @Test
  void secureNnReluShowsTheThirdServerOnlyMaskedValues() {
    try (Tfe tfe = Tfe.local()) {
      Profile p = run(tfe.secureNn(), tfe, true).profile();
      PartyViews v = p.seen();
      assertEquals(EnumSet.of(ValueKind.MASKED), v.kinds("server2"), "PrivateCompare and ShareConvert send it masked values only");
      assertEquals(SERVER, v.kinds("server0"));
      assertEquals(SERVER, v.kinds("server1"));
      assertEquals(EnumSet.of(ValueKind.INPUT, ValueKind.OUTPUT), v.kinds("client"));
      bytesAgree(p);
    }
  }

  /** FSS and ABY3 declare every value they send too: a ReLU shows nothing undeclared, the client only its input and output. */
  @Test
  void fssAndAby3DeclareEveryKindTheySend() {
    try (Tfe tfe = Tfe.local()) {
      Profile p = run(tfe.use(FssModule.automatic()), tfe, true).profile();
      assertEquals(EnumSet.of(ValueKind.INPUT, ValueKind.OUTPUT), p.seen().kinds("client"));
      assertEquals(SERVER, p.seen().kinds("server0"), p.seen().toString());
      bytesAgree(p);
    }
    try (Tfe tfe = Tfe.local()) {
      Profile p = run(tfe.aby3(), tfe, true).profile();
      assertEquals(EnumSet.of(ValueKind.INPUT, ValueKind.OUTPUT), p.seen().kinds("client"));
      bytesAgree(p);
    }
  }

  @Test
  void privatePredictionShowsTheClientOnlyItsInputAndItsOutput() {
    Sequential model = Sequential.of(Layers.dense(6, 5), Layers.relu(), Layers.dense(5, 3)).initialize(2);
    try (Tfe tfe = Tfe.local()) {
      var secure = tfe.privateModel(model, tfe.party("model-owner"));
      Prediction pr = secure.predict(tfe.party("prediction-client"), TestData.uniform(new Random(4), 1, 10, 6), 4);
      Profile p = pr.profile();
      PartyViews v = p.seen();
      assertEquals(EnumSet.of(ValueKind.INPUT, ValueKind.OUTPUT), v.kinds("prediction-client"));
      assertEquals(3 * 2 * 8 * 10, v.bytes("prediction-client", ValueKind.OUTPUT), "two shares of 10 x 3 logits");
      assertTrue(SERVER.containsAll(v.kinds("server0")), v.toString());
      assertTrue(SERVER.containsAll(v.kinds("server1")), v.toString());
      assertEquals(EnumSet.of(ValueKind.MASKED), v.kinds("server2"));
      if (v.parties().contains("model-owner")) {
        assertEquals(Set.of(), v.kindsReceived("model-owner"), "the weights were shared before the prediction");
      }
      bytesAgree(p);
      assertThrows(IllegalArgumentException.class, () -> v.of("nobody"));
    }
  }
}
