package dev.tfe.launcher.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A short run of the fuzzer of {@code PartyFuzzTest} against a node in this JVM, for the fast
 * suite: afterwards the node still hears its peer and its I/O thread lives. (Its first run found
 * that JeroMQ 0.6.0's PLAIN server throws on a user name of 128 bytes or more; that exception
 * leaves the I/O thread working, so the node logs it and goes on.)
 */
@Timeout(180)
class NodeFuzzSmokeTest {
  @TempDir
  Path dir;

  @ParameterizedTest(name = "curve={0}, {1} inputs")
  @CsvSource({"false, 2100", "true, 700"})
  void aNodeHearsItsPeerAfterMalformedInputs(boolean curve, int inputs) throws Exception {
    try (TwoNodes t = new TwoNodes(dir, curve, WireLimits.defaults(), WireLimits.defaults())) {
      HostileFrameTest.roundTrip(t, 1, 16);
      PortFuzzer.Result r = PortFuzzer.run(t.port0, curve ? "CURVE" : "PLAIN", inputs, 4, 7, Duration.ofSeconds(120));
      System.out.println("node fuzz curve=" + curve + ": " + r);
      assertEquals(inputs, r.inputs() + r.connectFailures(), r.toString());
      HostileFrameTest.roundTrip(t, 2, 16);
      assertFalse(t.n0.ioDead());
    }
  }
}
