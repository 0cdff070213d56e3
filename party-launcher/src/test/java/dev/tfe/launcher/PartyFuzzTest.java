package dev.tfe.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.api.Tfe;
import dev.tfe.launcher.bench.Mlp;
import dev.tfe.launcher.net.PortFuzzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Issue 17's fuzz test: malformed inputs from someone without a token or key (random bytes,
 * greetings with hostile frame sizes, truncated and mutated handshakes, frames before the
 * handshake, half-open connections; see {@code MalformedInputs}) against server0 of a live local
 * cluster: {@value #PLAIN_INPUTS} on PLAIN and {@value #CURVE_INPUTS} on CURVE (JeroMQ makes a
 * CURVE key pair for every connection that offers CURVE, so those cost a party about ten times
 * more; {@code -Dtfe.fuzz.plainInputs=N} and {@code -Dtfe.fuzz.curveInputs=N} change the counts).
 * Afterwards private predictions still
 * agree with plaintext, and server0's open descriptors are back where they were (tolerance
 * {@value #FD_TOLERANCE}) and its heap after a full GC too (tolerance {@value #HEAP_TOLERANCE_MIB}
 * MiB). Prints counts, timing and the measurements.
 */
@Tag("processes")
@Timeout(1200)
class PartyFuzzTest {
  static final long PLAIN_INPUTS = 85_000;
  static final long CURVE_INPUTS = 15_000;
  static final int FD_TOLERANCE = 4;
  static final int HEAP_TOLERANCE_MIB = 24;
  private static final int BATCH = 8;

  @AfterEach
  void noProcessLeft() {
    Processes.assertNoneLeft();
  }

  @ParameterizedTest(name = "curve={0}")
  @ValueSource(booleans = {false, true})
  void malformedInputsLeaveThePartyWorkingWithItsMemoryAndDescriptorsWhereTheyWere(boolean curve) throws Exception {
    INDArray images = Mlp.images(BATCH, 3);
    double[] plain;
    try (Tfe tfe = Tfe.local()) {
      plain = Mlp.build(tfe, tfe.plain(), BATCH, 1).predict(tfe, images);
    }
    try (Tfe tfe = Tfe.local()) {
      Mlp mlp = Mlp.build(tfe, tfe.secureNn(), BATCH, 1);
      ProcessRuntime rt = LocalLauncher.launch(LaunchOptions.defaults().encrypt(curve).curve(curve));
      tfe.useRuntime(rt);
      assertAgrees(plain, mlp.predict(tfe, images), "before the fuzzing");
      long pid = rt.cluster().processes().get("server0").pid();
      int port = rt.cluster().hostmap().entry("server0").port();
      Path log = rt.cluster().logs().get("server0");
      long logBefore = Files.size(log);
      PartyProbe before = PartyProbe.of(pid);
      long inputs = curve ? Long.getLong("tfe.fuzz.curveInputs", CURVE_INPUTS) : Long.getLong("tfe.fuzz.plainInputs", PLAIN_INPUTS);
      PortFuzzer.Result r = PortFuzzer.run(port, curve ? "CURVE" : "PLAIN", inputs, 4, curve ? 2 : 1, Duration.ofMinutes(7));
      assertEquals(inputs, r.inputs() + r.connectFailures(), "every input was tried: " + r);
      assertTrue(r.inputs() >= inputs * 99 / 100, "at most 1% of the connections failed: " + r);
      long t0 = System.nanoTime();
      double[] after = mlp.predict(tfe, images);
      double predictSeconds = (System.nanoTime() - t0) / 1e9;
      assertAgrees(plain, after, "after the fuzzing");
      assertTrue(rt.cluster().processes().get("server0").isAlive(), "server0 is alive");
      long fds = PartyProbe.fds(pid);
      for (int i = 0; i < 200 && fds > before.fds() + FD_TOLERANCE; i++) { // up to 20 s: the handshake limit is 10 s
        Thread.sleep(100);
        fds = PartyProbe.fds(pid);
      }
      PartyProbe end = PartyProbe.of(pid);
      String refused = Files.readAllLines(log).stream().filter(l -> l.contains("refused a ZeroMQ frame")).reduce((a, b) -> b)
          .orElse("(none logged)");
      System.out.printf("fuzz curve=%s: %s%n  server0 before: %s%n  server0 after:  %s%n  prediction after the fuzzing: "
          + "%.2f s, agrees with plaintext; server0's log grew %,d bytes; last refusal: %s%n", curve, r, before, end,
          predictSeconds, Files.size(log) - logBefore, refused);
      assertTrue(end.fds() <= before.fds() + FD_TOLERANCE, "descriptors: before " + before + ", after " + end);
      assertTrue(end.heapBytes() <= before.heapBytes() + HEAP_TOLERANCE_MIB * 1048576L, "heap: before " + before + ", after " + end);
    }
  }

  private static void assertAgrees(double[] plain, double[] got, String when) {
    assertEquals(plain.length, got.length);
    for (int i = 0; i < plain.length; i++) {
      assertEquals(plain[i], got[i], 0.02, "logit " + i + " " + when);
    }
  }
}
