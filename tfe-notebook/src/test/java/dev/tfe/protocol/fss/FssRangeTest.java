package dev.tfe.protocol.fss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.program.Output;
import dev.tfe.program.Party;
import dev.tfe.api.Tfe;
import dev.tfe.fixedpoint.FixedPointOverflowException;
import dev.tfe.model.Sequential;
import dev.tfe.model.layers.Dense;
import dev.tfe.model.layers.ReLU;
import dev.tfe.model.secure.PrivateModel;
import dev.tfe.protocol.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Exact or refused: FSS compares on {@code k} bits, exact while compared values stay below
 * {@code 2^(k-2)} ring units; a private model derives from its weights the largest input for which
 * that holds ({@code PrivateModel.maxExactInput()}) and refuses larger inputs before anything runs.
 * Adversarial inputs: values at and just inside the bound (answered exactly), just outside it and
 * at the fixed-point maximum (refused); and, on the low-level API, the comparison just past the
 * range is indeed wrong, which is why the model refuses.
 */
@Timeout(120)
class FssRangeTest {

  /** {@code y = relu(4x) + relu(-4x) = 4|x|}: a gain of 4 before the ReLU. */
  private static Sequential gainFour() {
    return gainFour(1);
  }

  /** {@code out * 4|x|}. */
  private static Sequential gainFour(double out) {
    INDArray w1 = Nd4j.create(new double[][] {{4, -4}}).castTo(DataType.DOUBLE);
    INDArray w2 = Nd4j.create(new double[][] {{out}, {out}}).castTo(DataType.DOUBLE);
    return Sequential.of(Dense.withWeights(w1, Nd4j.zeros(DataType.DOUBLE, 2)), new ReLU(),
        Dense.withWeights(w2, Nd4j.zeros(DataType.DOUBLE, 1)));
  }

  @Test
  void inputsUpToTheBoundAreExactAndLargerOnesAreRefused() {
    try (Tfe tfe = Tfe.local()) {
      Fss fss = tfe.use(FssModule.automatic());
      PrivateModel m = tfe.privateModel(gainFour(), tfe.party("owner"), fss);
      double bound = m.maxExactInput();
      // 2^15 / 4 minus the rounding, truncation and constants slack
      assertTrue(bound > 8180 && bound < 8192, "bound " + bound);
      Random rnd = new Random(7);
      double[] xs = new double[32];
      xs[0] = bound;
      xs[1] = -bound;
      xs[2] = bound * 0.999;
      xs[3] = 0;
      for (int i = 4; i < xs.length; i++) {
        xs[i] = (rnd.nextDouble() * 2 - 1) * bound;
      }
      INDArray x = Nd4j.create(xs, new long[] {xs.length, 1}).castTo(DataType.DOUBLE);
      INDArray got = m.predict(tfe.party("client"), x, xs.length).logits();
      for (int i = 0; i < xs.length; i++) {
        assertEquals(4 * Math.abs(xs[i]), got.getDouble(i, 0), 1e-3, "x = " + xs[i]);
      }
      for (double big : new double[] {bound * 1.001, 9000, -9000, 32767}) {
        INDArray bad = Nd4j.create(new double[] {1, big}, new long[] {2, 1}).castTo(DataType.DOUBLE);
        FixedPointOverflowException e = assertThrows(FixedPointOverflowException.class,
            () -> m.predict(tfe.party("client"), bad, 2), "x = " + big);
        assertTrue(e.getMessage().contains("refused") && e.getMessage().contains("FssModule(64)"), e.getMessage());
      }
    }
  }

  @Test
  void fewerComparedBitsShrinkTheBoundAndSixtyFourBitsLiftIt() {
    try (Tfe tfe = Tfe.local()) {
      Party owner = tfe.party("owner");
      PrivateModel narrow = tfe.privateModel(gainFour(), owner, tfe.use(new FssModule(24)));
      // 2^22 ring units = 64 in reals, divided by the gain 4, less the constants slack
      assertTrue(narrow.maxExactInput() < 16 && narrow.maxExactInput() > 0, "" + narrow.maxExactInput());
      INDArray x = Nd4j.create(new double[] {-3.5, 0.25, 3.9}, new long[] {3, 1}).castTo(DataType.DOUBLE);
      assertThrows(FixedPointOverflowException.class, () -> narrow.predict(tfe.party("client"), x.mul(100), 3));
      PrivateModel wide = tfe.privateModel(gainFour(0.25), owner, tfe.use(new FssModule(64)));
      assertTrue(wide.maxExactInput() > 32768, "" + wide.maxExactInput());
      assertEquals(Double.POSITIVE_INFINITY, tfe.privateModel(gainFour(), owner, tfe.secureNn()).maxExactInput());
      // 4 * 32000 lies far outside the default 33 bits, inside 64
      INDArray big = Nd4j.create(new double[] {32000, -32000}, new long[] {2, 1}).castTo(DataType.DOUBLE);
      assertEquals(32000, wide.predict(tfe.party("client"), big, 2).logits().getDouble(1, 0), 1e-3);
    }
  }

  @Test
  void biasesBeyondTheRangeAreRefusedWhenTheModelIsWrapped() {
    try (Tfe tfe = Tfe.local()) {
      Fss narrow = tfe.use(new FssModule(20));
      INDArray w = Nd4j.create(new double[][] {{1}}).castTo(DataType.DOUBLE);
      Sequential model = Sequential.of(Dense.withWeights(w, Nd4j.create(new double[] {100}).castTo(DataType.DOUBLE)),
          new ReLU());
      FixedPointOverflowException e = assertThrows(FixedPointOverflowException.class,
          () -> tfe.privateModel(model, tfe.party("owner"), narrow));
      assertTrue(e.getMessage().contains("for any input"), e.getMessage());
    }
  }

  /** Why the model refuses: on the low-level API, a ReLU just past {@code 2^(k-1)} ring units is wrong. */
  @Test
  void theComparisonIsExactInsideItsRangeAndWrongJustOutside() {
    try (Tfe tfe = Tfe.local()) {
      Fss fss = tfe.use(new FssModule(22)); // exact for |x| < 2^21 ring units = 32 in reals
      Party client = tfe.party("client");
      double inside = 31.99;
      double outside = 33;
      INDArray x = Nd4j.create(new double[] {inside, -inside, outside}, new long[] {3}).castTo(DataType.DOUBLE);
      Tensor in = tfe.definePrivateInput(fss, client, x);
      Output out = tfe.defineOutput(fss, client, fss.relu(in));
      INDArray y = tfe.run(out).get(out);
      assertEquals(inside, y.getDouble(0), 1e-4);
      assertEquals(0, y.getDouble(1), 1e-4);
      assertNotEquals(outside, y.getDouble(2), 1e-4, "a 22-bit comparison of 33 * 2^16 reads it as negative");
    }
  }
}
