package dev.tfe.fixedpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.ring.RingTensor;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class FixedPointTest {
  private final FixedPoint fp = new FixedPoint(FixedPointConfig.defaults());

  @Test
  void defaultsAreSixteenFractionalBits() {
    FixedPointConfig c = FixedPointConfig.defaults();
    assertEquals(16, c.fractionalBits());
    assertEquals(15, c.integralBits());
    assertEquals(1.0 / 65536, c.resolution());
  }

  @Test
  void unsafeSettingsAreRejectedWithAdvice() {
    var e = assertThrows(IllegalArgumentException.class, () -> FixedPointConfig.of(16, 20));
    assertTrue(e.getMessage().contains("at most 15 integral bits"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> FixedPointConfig.of(-1, 4));
    assertThrows(IllegalArgumentException.class, () -> FixedPointConfig.of(31, 1));
    assertThrows(IllegalArgumentException.class, () -> FixedPointConfig.of(16, 0));
    assertEquals(FixedPointConfig.of(20, 11), FixedPointConfig.of(20, 11));
  }

  @Test
  void roundTripsOnTheGridAndRoundsOffIt() {
    double[] v = {0, 1, -1, 0.5, -0.25, 1.0 / 65536, -1.0 / 65536, 32767.5, -32767.5};
    RingTensor t = fp.encode(v, new int[] {v.length}, "v");
    double[] back = fp.decode(t, "v");
    for (int i = 0; i < v.length; i++) {
      assertEquals(v[i], back[i], 0.0);
    }
    assertEquals(1, fp.encode(0.6 / 65536, "x"));
    assertEquals(-1, fp.encode(-0.6 / 65536, "x"));
    assertEquals(-65536L, fp.encode(-1.0, "x"));
  }

  @Test
  void overflowNamesTheValueAndSaysWhatToDo() {
    var e = assertThrows(FixedPointOverflowException.class, () -> fp.encode(new double[] {1, 40000}, new int[] {2}, "weights"));
    assertTrue(e.getMessage().contains("weights[1]"), e.getMessage());
    assertTrue(e.getMessage().contains("integral bits"), e.getMessage());
    var d = assertThrows(FixedPointOverflowException.class, () -> fp.decode(1L << 40, "output 'y'"));
    assertTrue(d.getMessage().contains("output 'y'"), d.getMessage());
  }

  @Test
  void notFiniteValuesAreNamedByRowAndColumnAndNotCalledOverflows() {
    double[] v = new double[6 * 512];
    v[3 * 512 + 7] = Double.NaN;
    var e = assertThrows(NotFiniteValueException.class, () -> fp.encode(v, new int[] {6, 512}, "input of client"));
    assertTrue(e.getMessage().contains("input of client[3, 7] is NaN"), e.getMessage());
    assertTrue(e.getMessage().contains("clean the data"), e.getMessage());
    assertFalse(e.getMessage().contains("scale"), "scaling cannot help a NaN: " + e.getMessage());
    var inf = assertThrows(NotFiniteValueException.class, () -> fp.encode(Double.NEGATIVE_INFINITY, "x"));
    assertTrue(inf.getMessage().contains("-Infinity"), inf.getMessage());
    var big = assertThrows(FixedPointOverflowException.class, () -> fp.encode(new double[] {0, 0, 0, 1e9}, new int[] {2, 2}, "w"));
    assertTrue(big.getMessage().contains("w[1, 1]"), big.getMessage());
  }

  @Test
  void positionsAreRowMajor() {
    assertEquals("[1, 2, 3]", FixedPoint.position(1 * 12 + 2 * 4 + 3, new int[] {2, 3, 4}));
    assertEquals("[5]", FixedPoint.position(5, new int[] {6}));
    assertEquals("", FixedPoint.position(0, new int[0]));
  }

  @Test
  void encodesAndDecodesNd4jArrays() {
    var a = Nd4j.create(new double[][] {{1.5, -2}, {0.25, 3}});
    RingTensor t = fp.encode(a, "a");
    assertEquals(2, t.rank());
    assertEquals(a, fp.decodeToNd4j(t, "a"));
    var f = Nd4j.create(new float[] {0.5f, -0.75f}, new long[] {2});
    assertEquals(-49152L, fp.encode(f, "f").get(1));
  }
}
