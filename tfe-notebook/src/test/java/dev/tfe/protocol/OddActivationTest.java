package dev.tfe.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.fixedpoint.FixedPointConfig;
import org.junit.jupiter.api.Test;

/**
 * The fitted pieces reproduce (the fit runs in code at class loading, so a change of fitting
 * parameters shows here), their exact-arithmetic error is what {@link PiecewisePolynomial}
 * measured, and the stated bounds of the javadoc and README hold for the default fixed point.
 */
class OddActivationTest {
  @Test
  void statedBoundsCoverTheComputedOnes() {
    FixedPointConfig c = FixedPointConfig.defaults();
    double s = OddActivation.SIGMOID.errorBound(c);
    double t = OddActivation.TANH.errorBound(c);
    System.out.printf("sigmoid: pieces %.2e, bound %.3e; tanh: pieces %.2e, bound %.3e%n",
        OddActivation.SIGMOID.pieces().maxError(), s, OddActivation.TANH.pieces().maxError(), t);
    assertTrue(s <= OddActivation.SIGMOID_BOUND, "sigmoid bound " + s);
    assertTrue(t <= OddActivation.TANH_BOUND, "tanh bound " + t);
    assertTrue(OddActivation.SIGMOID.pieces().maxError() < 1e-4 && OddActivation.TANH.pieces().maxError() < 1e-4);
  }

  @Test
  void approximationIsWithinThePiecesErrorOnAFineGridAndBeyond() {
    for (OddActivation f : new OddActivation[] {OddActivation.SIGMOID, OddActivation.TANH}) {
      double worst = 0;
      for (int i = -200_000; i <= 200_000; i++) {
        double x = i / 10_000.0;
        worst = Math.max(worst, Math.abs(f.approximation().applyAsDouble(x) - f.exact(x)));
      }
      for (double x : new double[] {1e3, -1e3, 32767.99, -32767.99}) {
        worst = Math.max(worst, Math.abs(f.approximation().applyAsDouble(x) - f.exact(x)));
      }
      assertTrue(worst <= f.pieces().maxError() * (1 + 1e-9), f.name() + ": " + worst);
    }
  }

  @Test
  void refittingGivesTheSameCoefficients() {
    PiecewisePolynomial again = PiecewisePolynomial.fit("sigmoid", a -> 1 / (1 + Math.exp(-a)) - 0.5, 10.0 / 3, 3, 5,
        0.5);
    for (int i = 0; i < again.pieces(); i++) {
      double[] a = again.coefficients(i);
      double[] b = OddActivation.SIGMOID.pieces().coefficients(i);
      for (int j = 0; j < a.length; j++) {
        assertEquals(b[j], a[j], 0.0, "piece " + i + " coefficient " + j);
      }
    }
    assertEquals(10.0, OddActivation.SIGMOID.pieces().end(), 1e-12);
    assertEquals(6.0, OddActivation.TANH.pieces().end(), 1e-12);
  }
}
