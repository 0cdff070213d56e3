package dev.tfe.protocol;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tfe.api.Tfe;
import dev.tfe.fixedpoint.FixedPointConfig;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sigmoid and tanh over the whole fixed-point range, in every protocol of {@link Protocols} with
 * exact comparisons, against the plaintext protocol (same run) and against the functions in
 * double precision: a sweep dense near zero (every 1/64 on [-12, 12]), every power of two and its
 * neighbours, the breakpoints of the pieces and their neighbours, the largest and smallest
 * encodable values, and random values uniform in value and in magnitude. The stated bound,
 * {@link OddActivation#errorBound}, must hold for every one; secure and plaintext results differ
 * only by their truncations, one unit each. Protocols without comparisons must refuse.
 */
@Timeout(300)
class ActivationConformanceTest {
  private static final FixedPointConfig CONFIG = FixedPointConfig.defaults();
  private static final double ULP = CONFIG.resolution();

  static Stream<ProtocolCase> protocols() {
    return Protocols.all();
  }

  /** The sweep's inputs, all encodable. */
  static double[] sweep(OddActivation f) {
    return sweep(f, CONFIG);
  }

  /** The sweep's inputs under {@code config}, all encodable. */
  static double[] sweep(OddActivation f, FixedPointConfig config) {
    double max = config.maxValue();
    double ulp = config.resolution();
    DoubleStream.Builder b = DoubleStream.builder();
    for (int i = -12 * 64; i <= 12 * 64; i++) {
      b.add(i / 64.0);
    }
    for (int k = -config.fractionalBits(); k < config.integralBits(); k++) {
      double p = Math.scalb(1.0, k);
      for (double v : new double[] {p, p - ulp, p + ulp}) {
        if (v <= max) {
          b.add(v).add(-v);
        }
      }
    }
    double w = 2 * f.pieces().halfWidth();
    for (int i = 0; i <= f.pieces().pieces(); i++) {
      for (double v : new double[] {i * w, i * w - ulp, i * w + ulp, i * w + 2 * ulp}) {
        b.add(v).add(-v);
      }
    }
    b.add(max).add(-max).add(max - ulp).add(-(max - ulp)).add(ulp).add(-ulp);
    Random rnd = new Random(42);
    for (int i = 0; i < 400; i++) {
      b.add((2 * rnd.nextDouble() - 1) * max);
      b.add((rnd.nextBoolean() ? 1 : -1) * Math.exp(Math.log(ulp) + rnd.nextDouble() * (Math.log(max) - Math.log(ulp))));
    }
    return b.build().map(v -> Math.round(v * config.scale()) / (double) config.scale()).filter(v -> Math.abs(v) <= max)
        .toArray();
  }

  private static void sweepAgrees(ProtocolCase pc, OddActivation f, BiFunction<Protocol, Tensor, Tensor> op) {
    try (Tfe tfe = Tfe.local()) {
      assumeTrue(pc.factory().apply(tfe).supportsComparisons(), pc.name() + " has no exact comparisons");
    }
    double[] x = sweep(f);
    var o = Agreement.check(pc, secureVsPlain(f), (p, in) -> op.apply(p, in[0]), TestData.of(x, x.length));
    double bound = f.errorBound(CONFIG);
    double worst = 0;
    double worstAt = 0;
    for (int i = 0; i < x.length; i++) {
      double err = Math.max(Math.abs(o.secure()[i] - f.exact(x[i])), Math.abs(o.plain()[i] - f.exact(x[i])));
      if (!(err <= bound)) {
        throw new AssertionError(pc.name() + " " + f.name() + "(" + x[i] + ") = " + o.secure()[i] + " (plain "
            + o.plain()[i] + "), exact " + f.exact(x[i]) + ": error " + err + " above the stated bound " + bound);
      }
      if (err > worst) {
        worst = err;
        worstAt = x[i];
      }
    }
    System.out.printf("%s %s: %d inputs over [%s, %s], largest error %.3e at %s (stated bound %.3e)%n", pc.name(),
        f.name(), x.length, -CONFIG.maxValue(), CONFIG.maxValue(), worst, worstAt, bound);
  }

  /** Secure and plaintext truncations each differ by at most one unit: two per coefficient and product, and v's. */
  static double secureVsPlain(OddActivation f) {
    return (2 * f.pieces().degree() + 4) * ULP;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void sigmoidIsWithinItsBoundOverTheWholeRange(ProtocolCase pc) {
    sweepAgrees(pc, OddActivation.SIGMOID, Protocol::sigmoid);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void tanhIsWithinItsBoundOverTheWholeRange(ProtocolCase pc) {
    sweepAgrees(pc, OddActivation.TANH, Protocol::tanh);
  }

  /** A public input gives the same values (computed in the clear by every server). */
  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void publicInputsGiveTheSameValues(ProtocolCase pc) {
    try (Tfe tfe = Tfe.local()) {
      assumeTrue(pc.factory().apply(tfe).supportsComparisons(), pc.name() + " has no exact comparisons");
    }
    double[] x = {-40, -10, -3.3, -1e-3, 0, 0.7, 2, 6, 10.5, 20000};
    for (OddActivation f : new OddActivation[] {OddActivation.SIGMOID, OddActivation.TANH}) {
      var o = Agreement.run(pc, (p, in) -> f == OddActivation.SIGMOID ? p.sigmoid(in[0]) : p.tanh(in[0]),
          new Agreement.Input[] {Agreement.Input.PUBLIC}, TestData.of(x, x.length));
      Agreement.assertClose(o.secure(), o.plain(), secureVsPlain(f), pc.name() + " public " + f.name());
      for (int i = 0; i < x.length; i++) {
        assertTrue(Math.abs(o.secure()[i] - f.exact(x[i])) <= f.errorBound(CONFIG), f.name() + "(" + x[i] + ")");
      }
    }
  }

  /** Other fixed-point settings: the sweep covers their whole range, the bound follows their resolution. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void bothAreWithinTheirBoundsUnderOtherFixedPointSettings(ProtocolCase pc) {
    for (int fractionalBits : new int[] {12, 20}) {
      withinBounds(pc, fractionalBits);
    }
  }

  private static void withinBounds(ProtocolCase pc, int fractionalBits) {
    FixedPointConfig config = FixedPointConfig.of(fractionalBits, 31 - fractionalBits);
    for (OddActivation f : new OddActivation[] {OddActivation.SIGMOID, OddActivation.TANH}) {
      double[] x = sweep(f, config);
      try (Tfe tfe = Tfe.local(config)) {
        var client = tfe.party("client");
        Protocol p = pc.factory().apply(tfe);
        assumeTrue(p.supportsComparisons(), pc.name() + " has no exact comparisons");
        var out = tfe.defineOutput(p, client, f == OddActivation.SIGMOID
            ? p.sigmoid(tfe.definePrivateInput(p, client, TestData.of(x, x.length)))
            : p.tanh(tfe.definePrivateInput(p, client, TestData.of(x, x.length))));
        double[] y = tfe.run(out).values(out);
        double bound = f.errorBound(config);
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
          double err = Math.abs(y[i] - f.exact(x[i]));
          assertTrue(err <= bound, f.name() + "(" + x[i] + ") = " + y[i] + " with " + fractionalBits
              + " fractional bits: error " + err + " above " + bound);
          worst = Math.max(worst, err);
        }
        System.out.printf("%s %s, %d fractional bits: %d inputs up to %s, largest error %.3e (bound %.3e)%n",
            pc.name(), f.name(), fractionalBits, x.length, config.maxValue(), worst, bound);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void protocolsWithoutComparisonsRefuseSigmoidAndTanhNamingSecureNn(ProtocolCase pc) {
    try (Tfe tfe = Tfe.local()) {
      Protocol p = pc.factory().apply(tfe);
      assumeTrue(!p.supportsComparisons());
      Tensor x = p.definePrivateInput("client", "x", 3);
      UnsupportedOperationException sig = assertThrows(UnsupportedOperationException.class, () -> p.sigmoid(x));
      UnsupportedOperationException tanh = assertThrows(UnsupportedOperationException.class, () -> p.tanh(x));
      for (String op : new String[] {"sigmoid", "tanh"}) {
        UnsupportedOperationException e = op.equals("sigmoid") ? sig : tanh;
        assertTrue(e.getMessage().contains("SecureNN") && e.getMessage().contains("tfe.secureNn()")
            && e.getMessage().contains(op), e.getMessage());
      }
    }
  }

}
