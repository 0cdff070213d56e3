package dev.tfe.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.program.Output;
import dev.tfe.program.Party;
import dev.tfe.program.RunResult;
import dev.tfe.api.Tfe;
import dev.tfe.fixedpoint.FixedPointConfig;
import dev.tfe.protocol.pond.Pond;
import dev.tfe.protocol.share.TruncationMode;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Truncation at the edge of the ring: with 30 fractional bits and 1 integral bit, products reach
 * 2^61 before truncation. Interactive truncation stays within one unit for every element;
 * local truncation, whose failure probability is about |x| / 2^63, fails on a large share of them.
 */
@Timeout(60)
class TruncationTest {
  private static final FixedPointConfig EDGE = FixedPointConfig.of(30, 1);

  private static double[][] run(TruncationMode mode, double[] x, double[] y) {
    try (Tfe tfe = Tfe.local(EDGE)) {
      Party client = tfe.party("client");
      Pond pond = tfe.pond(mode);
      Protocol plain = tfe.plain();
      var xv = TestData.of(x, x.length);
      var yv = TestData.of(y, y.length);
      Output secure = tfe.defineOutput(pond, client,
          pond.mul(tfe.definePrivateInput(pond, client, xv), tfe.definePrivateInput(pond, client, yv)));
      Output oracle = tfe.defineOutput(plain, client,
          plain.mul(tfe.definePrivateInput(plain, client, xv), tfe.definePrivateInput(plain, client, yv)));
      RunResult r = tfe.run(secure, oracle);
      return new double[][] {r.values(secure), r.values(oracle)};
    }
  }

  private static double[][] edgeOperands(int n) {
    Random rnd = new Random(12);
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = (rnd.nextBoolean() ? 1 : -1) * (1.3 + rnd.nextDouble() * 0.11);
      y[i] = (rnd.nextBoolean() ? 1 : -1) * (1.3 + rnd.nextDouble() * 0.11);
    }
    return new double[][] {x, y};
  }

  @Test
  void interactiveTruncationIsWithinOneUnitAtTheEdgeOfTheRing() {
    double[][] xy = edgeOperands(2000);
    double[][] r = run(TruncationMode.INTERACTIVE, xy[0], xy[1]);
    double ulp = EDGE.resolution();
    for (int i = 0; i < r[0].length; i++) {
      assertEquals(r[1][i], r[0][i], ulp, "element " + i + ": " + xy[0][i] + " * " + xy[1][i]);
    }
  }

  @Test
  void localTruncationFailsOftenThere() {
    double[][] xy = edgeOperands(2000);
    int wrong = 0;
    try {
      double[][] r = run(TruncationMode.LOCAL, xy[0], xy[1]);
      for (int i = 0; i < r[0].length; i++) {
        if (Math.abs(r[0][i] - r[1][i]) > EDGE.resolution()) {
          wrong++;
        }
      }
    } catch (dev.tfe.fixedpoint.FixedPointOverflowException e) {
      wrong = Integer.MAX_VALUE; // a wrapped element decodes as out of range: the failure is loud
    }
    assertTrue(wrong > 100, "local truncation at 2^62 should fail often, failed " + wrong + " times");
  }
}
