package dev.tfe.protocol;

import static dev.tfe.protocol.Agreement.assertClose;
import static dev.tfe.protocol.Agreement.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tfe.api.Tfe;
import dev.tfe.fixedpoint.FixedPointConfig;
import dev.tfe.protocol.Agreement.Input;
import dev.tfe.ring.ConvGeometry.Padding;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The conformance suite of exact comparisons (DReLU, ReLU, less, greater, maximum, select,
 * reduceMax, argmax, max pooling), run against every protocol of {@link Protocols} that has them
 * (others are skipped), with the plaintext protocol as oracle. Every result must equal the
 * oracle's exactly: tolerance zero.
 */
@Timeout(180)
public class ComparisonConformanceTest {
  static final double ULP = FixedPointConfig.defaults().resolution();
  static final double MAX = FixedPointConfig.defaults().maxValue();
  /** The edges of the fixed-point range: 0, one unit either side, the extremes, and their neighbours. */
  static final double[] EDGES = {0, ULP, -ULP, 2 * ULP, -2 * ULP, 1, -1, 0.5, -0.5, MAX, -MAX, MAX - ULP, -(MAX - ULP),
      12345.6789, -12345.6789, 1024, -1024};

  public static Stream<ProtocolCase> protocols() {
    return Protocols.all();
  }

  static void assumeComparisons(ProtocolCase pc) {
    try (Tfe tfe = Tfe.local()) {
      assumeTrue(pc.factory().apply(tfe).supportsComparisons(), pc.name() + " has no exact comparisons");
    }
  }

  static INDArray edges() {
    return TestData.of(EDGES, EDGES.length);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void protocolsWithoutComparisonsSayWhichProtocolHasThem(ProtocolCase pc) {
    try (Tfe tfe = Tfe.local()) {
      Protocol p = pc.factory().apply(tfe);
      assumeTrue(!p.supportsComparisons());
      Tensor x = p.definePrivateInput("client", "x", 3);
      for (Runnable op : new Runnable[] {() -> p.relu(x), () -> p.drelu(x), () -> p.less(x, x), () -> p.reduceMax(x, 0),
          () -> p.argmax(x, 0), () -> p.maxPool2d(p.reshape(x, 1, 3, 1, 1), 2, 1, 1, 1, Padding.VALID)}) {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, op::run);
        assertTrue(e.getMessage().contains("SecureNN"), e.getMessage());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void dreluAndReluAreExactOnTheEdgesOfTheRange(ProtocolCase pc) {
    assumeComparisons(pc);
    var d = check(pc, 0, (p, in) -> p.drelu(in[0]), edges());
    var r = check(pc, 0, (p, in) -> p.relu(in[0]), edges());
    for (int i = 0; i < EDGES.length; i++) {
      assertEquals(EDGES[i] >= 0 ? 1.0 : 0.0, d.secure()[i], 0.0, "drelu(" + EDGES[i] + ")");
      assertEquals(Math.max(0, Math.round(EDGES[i] * 65536) / 65536.0), r.secure()[i], 0.0, "relu(" + EDGES[i] + ")");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void dreluAndReluAreExactOnRandomValuesAndShapes(ProtocolCase pc) {
    assumeComparisons(pc);
    Random rnd = new Random(21);
    for (int[] shape : new int[][] {{1}, {7}, {4, 9}, {2, 3, 5}}) {
      INDArray x = TestData.uniform(rnd, MAX, shape);
      check(pc, 0, (p, in) -> p.drelu(in[0]), x);
      check(pc, 0, (p, in) -> p.relu(in[0]), x);
      INDArray small = TestData.uniform(rnd, 4 * ULP, shape);
      check(pc, 0, (p, in) -> p.relu(in[0]), small);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void reluAfterAProductAndOnPublicInputs(ProtocolCase pc) {
    assumeComparisons(pc);
    Random rnd = new Random(22);
    INDArray x = TestData.uniform(rnd, 1, 6, 20);
    INDArray w = TestData.uniform(rnd, 1, 20, 5);
    // a truncated product may be one ulp off the oracle's, and relu keeps that (and no more)
    var o = Agreement.run(pc, (p, in) -> p.relu(p.matmul(in[0], in[1])), x, w);
    assertClose(o.secure(), o.plain(), ULP, pc.name());
    for (double v : o.secure()) {
      assertEquals(true, v >= 0, "relu is never negative");
    }
    Input[] pub = {Input.PUBLIC};
    var d = Agreement.run(pc, (p, in) -> p.relu(in[0]), pub, edges());
    assertClose(d.secure(), d.plain(), 0, "public relu");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void lessGreaterMaximumAndSelectAreExact(ProtocolCase pc) {
    assumeComparisons(pc);
    Random rnd = new Random(23);
    INDArray x = TestData.uniform(rnd, 100, 5, 6);
    INDArray y = TestData.uniform(rnd, 100, 5, 6);
    y.putScalar(0, x.getDouble(0)); // a tie
    y.putScalar(1, x.getDouble(1) + ULP);
    y.putScalar(2, x.getDouble(2) - ULP);
    check(pc, 0, (p, in) -> p.less(in[0], in[1]), x, y);
    check(pc, 0, (p, in) -> p.greater(in[0], in[1]), x, y);
    var m = check(pc, 0, (p, in) -> p.maximum(in[0], in[1]), x, y);
    assertClose(m.secure(), maxOf(x, y), 0, "maximum vs doubles");
    check(pc, 0, (p, in) -> p.select(p.less(in[0], in[1]), in[0], in[1]), x, y);
    check(pc, 0, (p, in) -> p.select(p.greater(in[0], in[1]), in[0], in[1]), x, y);
    // a 0/1 condition that did not come from a comparison
    INDArray cond = TestData.of(new double[] {1, 0, 1, 1, 0, 0}, 6);
    INDArray a = TestData.uniform(rnd, 50, 6);
    INDArray b = TestData.uniform(rnd, 50, 6);
    check(pc, 0, (p, in) -> p.select(in[0], in[1], in[2]), cond, a, b);
    for (Input[] kinds : new Input[][] {{Input.PRIVATE, Input.PUBLIC}, {Input.PUBLIC, Input.PRIVATE}, {Input.PUBLIC, Input.PUBLIC}}) {
      var l = Agreement.run(pc, (p, in) -> p.less(in[0], in[1]), kinds, x, y);
      assertClose(l.secure(), l.plain(), 0, "less " + kinds[0] + "/" + kinds[1]);
      var mx = Agreement.run(pc, (p, in) -> p.maximum(in[0], in[1]), kinds, x, y);
      assertClose(mx.secure(), mx.plain(), 0, "maximum " + kinds[0] + "/" + kinds[1]);
      var sel = Agreement.run(pc, (p, in) -> p.select(p.less(in[0], in[1]), in[1], in[0]), kinds, x, y);
      assertClose(sel.secure(), sel.plain(), 0, "select " + kinds[0] + "/" + kinds[1]);
    }
  }

  private static double[] maxOf(INDArray x, INDArray y) {
    double[] a = x.data().asDouble();
    double[] b = y.data().asDouble();
    double[] r = new double[a.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = Math.max(a[i], b[i]);
    }
    return r;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void reduceMaxOverEveryAxis(ProtocolCase pc) {
    assumeComparisons(pc);
    Random rnd = new Random(24);
    INDArray x = TestData.uniform(rnd, 1000, 3, 5, 4);
    for (int axis = -1; axis < 3; axis++) {
      int ax = axis;
      var o = check(pc, 0, (p, in) -> p.reduceMax(in[0], ax), x);
      assertClose(o.secure(), x.max(ax < 0 ? 2 : ax).data().asDouble(), 0, "max over " + ax + " vs ND4J");
    }
    check(pc, 0, (p, in) -> p.reduceMax(in[0], 0), edges());
    check(pc, 0, (p, in) -> p.reduceMax(in[0], 1), TestData.uniform(rnd, 10, 4, 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void argmaxTakesTheLowestIndexOnTies(ProtocolCase pc) {
    assumeComparisons(pc);
    Random rnd = new Random(25);
    INDArray x = TestData.uniform(rnd, 10, 4, 10);
    // ties: row 0 all equal, row 1 two maxima, row 2 maximum at the end
    for (int j = 0; j < 10; j++) {
      x.putScalar(new int[] {0, j}, 3.5);
    }
    x.putScalar(new int[] {1, 2}, 99);
    x.putScalar(new int[] {1, 7}, 99);
    x.putScalar(new int[] {2, 9}, 99);
    var idx = check(pc, 0, (p, in) -> p.argmax(in[0], 1), x);
    assertEquals(0.0, idx.secure()[0], 0.0, "all equal: the first");
    assertEquals(2.0, idx.secure()[1], 0.0, "two maxima: the first");
    assertEquals(9.0, idx.secure()[2], 0.0, "the last");
    var hot = check(pc, 0, (p, in) -> p.argmaxOneHot(in[0], 1), x);
    for (int row = 0; row < 4; row++) {
      double sum = 0;
      for (int j = 0; j < 10; j++) {
        sum += hot.secure()[row * 10 + j];
        assertEquals(j == (int) idx.secure()[row] ? 1.0 : 0.0, hot.secure()[row * 10 + j], 0.0, "one-hot row " + row);
      }
      assertEquals(1.0, sum, 0.0);
    }
    for (int axis = 0; axis < 3; axis++) {
      int ax = axis;
      INDArray y = TestData.uniform(rnd, 5, 3, 4, 5);
      check(pc, 0, (p, in) -> p.argmax(in[0], ax), y);
      check(pc, 0, (p, in) -> p.argmaxOneHot(in[0], ax), y);
    }
    check(pc, 0, (p, in) -> p.argmax(in[0], 0), TestData.uniform(rnd, 5, 1, 3));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void maxPoolWindowsStridesAndPaddings(ProtocolCase pc) {
    assumeComparisons(pc);
    Random rnd = new Random(26);
    INDArray x = TestData.uniform(rnd, 100, 2, 7, 6, 3);
    int[][] configs = {{2, 2, 2, 2}, {3, 3, 1, 1}, {3, 3, 2, 2}, {2, 3, 1, 2}, {1, 1, 1, 1}, {3, 2, 3, 1}};
    for (int[] c : configs) {
      for (Padding pad : Padding.values()) {
        var o = check(pc, 0, (p, in) -> p.maxPool2d(in[0], c[0], c[1], c[2], c[3], pad), x);
        double[] ref = NaiveConv.maxPool(x, c[0], c[1], c[2], c[3], pad);
        assertClose(o.secure(), ref, 0, "maxPool " + java.util.Arrays.toString(c) + " " + pad + " vs doubles");
      }
    }
    INDArray negative = TestData.uniform(rnd, 1, 1, 5, 5, 2).sub(MAX / 2);
    check(pc, 0, (p, in) -> p.maxPool2d(in[0], 2, 2, 2, 2, Padding.SAME), negative);
  }
}
