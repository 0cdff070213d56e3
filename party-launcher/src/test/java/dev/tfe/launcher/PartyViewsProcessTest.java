package dev.tfe.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.program.Output;
import dev.tfe.api.Tfe;
import dev.tfe.graph.ValueKind;
import dev.tfe.profile.PartyViews;
import dev.tfe.profile.Profile;
import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.Tensor;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What each party saw travels back from party processes with their statistics: a SecureNN ReLU
 * on processes shows the same views (kinds, senders, counts and bytes) as in-process, and each
 * party's bytes received add up to its profile's.
 */
@Tag("processes")
@Timeout(300)
class PartyViewsProcessTest {

  @AfterEach
  void noProcessLeft() {
    Processes.assertNoneLeft();
  }

  private static PartyViews seen(boolean processes) {
    try (Tfe tfe = Tfe.local()) {
      Protocol snn = tfe.secureNn();
      Tensor x = tfe.definePrivateInput(snn, tfe.party("client"), "x", 2, 5);
      Output o = tfe.defineOutput(snn, tfe.party("client"), snn.relu(x));
      if (processes) {
        tfe.launchLocal();
      }
      Profile p = tfe.run(Map.of(tfe.party("client"), Map.of("x", Nd4j.linspace(-2, 2, 10).reshape(2, 5))), o).profile();
      PartyViews v = p.seen();
      for (String party : p.parties()) {
        assertEquals(p.bytesReceivedByParty().get(party), v.bytesReceived(party), party);
      }
      return v;
    }
  }

  @Test
  void viewsOnProcessesEqualTheInProcessOnes() {
    PartyViews local = seen(false);
    PartyViews remote = seen(true);
    for (String party : List.of("client", "server0", "server1", "server2")) {
      assertEquals(local.of(party), remote.of(party), party);
    }
    assertEquals(EnumSet.of(ValueKind.MASKED), remote.kinds("server2"));
    assertTrue(remote.toString().contains("dealer key or seed"), remote.toString());
  }
}
