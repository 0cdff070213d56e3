package dev.tfe.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.graph.OpIdentity;
import dev.tfe.graph.OpKind;
import dev.tfe.model.secure.Prediction;
import dev.tfe.profile.CriticalPath;
import dev.tfe.profile.OpStats;
import dev.tfe.profile.PartyRunStats;
import dev.tfe.profile.Profile;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The profile answers "where does the time go": waiting is kept apart from compute time, a call
 * has one wall time everywhere, the pivot is sorted by cost, and the critical path is one line.
 */
@Timeout(120)
class ProfileViewsTest {
  static Prediction prediction;
  static Profile profile;

  @BeforeAll
  static void run() {
    GraphSvgTest.predict();
    prediction = GraphSvgTest.prediction;
    profile = prediction.profile();
  }

  @Test
  void waitingIsNotOpTime() {
    long clientCompute = 0;
    long clientWait = 0;
    for (OpStats o : profile.ops()) {
      if (o.party().equals("client")) {
        clientCompute += o.nanos();
        clientWait += o.waitNanos();
      }
      assertTrue(o.nanos() <= profile.wallNanos(), o + " computes longer than the call");
    }
    // the client only shares its input and reads its output: it waits for the servers most of the call
    assertTrue(clientWait > clientCompute, "client compute " + clientCompute + " ns, wait " + clientWait + " ns");
    assertTrue(clientCompute < profile.wallNanos() / 4, "the client's rows hold " + clientCompute + " of " + profile.wallNanos() + " ns");
    ProfilePivot.Row top = ProfilePivot.of(profile).rows().get(0);
    int client = profile.parties().indexOf("client");
    assertTrue(client < 0 || top.computeNanos()[client] < top.totalComputeNanos() / 2,
        "the costliest op is the servers', not the client's: " + top.kind());
  }

  @Test
  void oneWallTimeForTheCall() {
    assertEquals(prediction.millis(), profile.wallMillis(), 1e-9);
    String ms = String.format(Locale.ROOT, "%.1f ms", prediction.millis());
    assertTrue(prediction.toString().contains(ms), prediction.toString());
    assertTrue(ProfileReport.html(profile).contains(ms + " wall"), "profile header quotes " + ms);
    assertTrue(profile.toString().contains(String.format("%.2f ms", profile.wallMillis())));
  }

  @Test
  void pivotHasOpsAsRowsPartiesAsColumnsSortedByCost() {
    ProfilePivot pivot = ProfilePivot.of(profile);
    assertEquals(profile.parties(), pivot.parties());
    Set<OpKind> kinds = new HashSet<>();
    profile.byKind().forEach(o -> kinds.add(o.kind()));
    assertEquals(kinds.size(), pivot.rows().size());
    for (int i = 1; i < pivot.rows().size(); i++) {
      assertTrue(pivot.rows().get(i - 1).totalComputeNanos() >= pivot.rows().get(i).totalComputeNanos(), "sorted at row " + i);
    }
    long compute = pivot.rows().stream().mapToLong(ProfilePivot.Row::totalComputeNanos).sum();
    assertEquals(profile.ops().stream().mapToLong(OpStats::nanos).sum(), compute);
    assertEquals(profile.totalBytesSent(), pivot.rows().stream().mapToLong(ProfilePivot.Row::bytesSent).sum());
    String html = ProfileReport.html(profile);
    try {
      // kept for a look: target/render/profile.html and profile.png
      java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/render"));
      java.nio.file.Files.writeString(java.nio.file.Path.of("target/render/profile.html"), html);
      java.nio.file.Files.write(java.nio.file.Path.of("target/render/profile.png"), ProfileReport.png(profile));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertTrue(html.contains("tfe-pivot") && html.contains("critical path: "), html);
    int rows = html.split("<tr>", -1).length - 1;
    assertEquals(pivot.rows().size() + 2, rows, "header, a row per op kind, totals");
    String longForm = ProfileReport.longHtml(profile);
    assertEquals(profile.byKind().size() + 1 + profile.parties().size() + 1, longForm.split("<tr>", -1).length - 1);
  }

  private static OpStats op(String protocol, String name, String party, long compute, long wait) {
    return new OpStats(OpIdentity.of(new OpKind(protocol, name)), party, compute, 0, 0, 0, 1, new BitSet(), wait);
  }

  @Test
  void criticalPathNamesTheWaiterAndTheOpItWaitedOn() {
    Profile p = new Profile("test", 1_000_000_000L, 3, List.of(
        PartyRunStats.restore("server1", 1, 1, List.of(op("securenn", "matmul", "server1", 200_000_000L, 10_000_000L),
            op("securenn", "privateCompare", "server1", 50_000_000L, 620_000_000L))),
        PartyRunStats.restore("server2", 1, 1, List.of(op("securenn", "privateCompare", "server2", 400_000_000L, 0))),
        PartyRunStats.restore("client", 1, 1, List.of(op("pond", "output", "client", 1_000_000L, 990_000_000L)))));
    CriticalPath c = CriticalPath.of(p);
    assertEquals("server2", c.costliestParty());
    assertEquals(new OpKind("securenn", "privateCompare"), c.costliest());
    assertEquals("server1", c.waiter(), "the client waits longer but takes no part in the comparison");
    assertEquals("critical path: server1 waited 63% of the call, most of it on server2's securenn.privateCompare "
        + "(400.0 ms computing, 40% of the 1000.0 ms call)", c.toString());
    assertThrows(IllegalArgumentException.class, () -> CriticalPath.of(new Profile("test", 1, 0, List.of())));
  }

  @Test
  void criticalPathOfARealRunNamesAServerOp() {
    CriticalPath c = CriticalPath.of(profile);
    assertTrue(c.costliestParty().startsWith("server"), c.toString());
    assertTrue(c.toString().startsWith("critical path: "), c.toString());
  }
}
