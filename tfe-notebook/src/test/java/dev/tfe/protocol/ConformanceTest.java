package dev.tfe.protocol;

import static dev.tfe.protocol.Agreement.assertClose;
import static dev.tfe.protocol.Agreement.check;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * The conformance suite, written once and run against every protocol of {@link Protocols}, with
 * the plaintext protocol as oracle. Tolerances are in units of the last place (ulp = 2^-16):
 * a truncated product may differ from the oracle's floor by one ulp; linear ops must match exactly.
 */
@Timeout(120)
public class ConformanceTest {
  static final double ULP = FixedPointConfig.defaults().resolution();
  static final double MAX = FixedPointConfig.defaults().maxValue();

  public static Stream<ProtocolCase> protocols() {
    return Protocols.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void privateInputRevealsExactlyOverTheWholeRange(ProtocolCase pc) {
    double[] edges = {0, ULP, -ULP, 1, -1, MAX, -MAX, MAX - ULP, -(MAX - ULP), 12345.6789, -0.5};
    var o = Agreement.run(pc, (p, in) -> in[0], TestData.of(edges, edges.length));
    for (int i = 0; i < edges.length; i++) {
      assertEquals(Math.round(edges[i] * 65536) / 65536.0, o.secure()[i], 0.0, "edge value " + edges[i]);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void addSubNegAreExact(ProtocolCase pc) {
    Random rnd = new Random(1);
    for (int[] shape : new int[][] {{1}, {3, 5}, {2, 3, 4}, {7, 1}}) {
      INDArray x = TestData.uniform(rnd, MAX / 2, shape);
      INDArray y = TestData.uniform(rnd, MAX / 2, shape);
      check(pc, 0, (p, in) -> p.add(in[0], in[1]), x, y);
      check(pc, 0, (p, in) -> p.sub(in[0], in[1]), x, y);
      check(pc, 0, (p, in) -> p.neg(in[0]), x);
      var o = check(pc, 0, (p, in) -> p.sub(p.add(in[0], in[1]), in[1]), x, y);
      assertArrayEquals(x.data().asDouble(), o.secure(), 0.0);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void mixedPublicAndPrivateOperands(ProtocolCase pc) {
    Random rnd = new Random(2);
    INDArray x = TestData.uniform(rnd, 100, 4, 6);
    INDArray y = TestData.uniform(rnd, 100, 4, 6);
    Input[] pp = {Input.PRIVATE, Input.PUBLIC};
    Input[] qp = {Input.PUBLIC, Input.PRIVATE};
    for (Input[] kinds : new Input[][] {pp, qp}) {
      var add = Agreement.run(pc, (p, in) -> p.add(in[0], in[1]), kinds, x, y);
      assertClose(add.secure(), add.plain(), 0, "add " + kinds[0]);
      var sub = Agreement.run(pc, (p, in) -> p.sub(in[0], in[1]), kinds, x, y);
      assertClose(sub.secure(), sub.plain(), 0, "sub " + kinds[0]);
      var mul = Agreement.run(pc, (p, in) -> p.mul(in[0], in[1]), kinds, x, y);
      assertClose(mul.secure(), mul.plain(), ULP, "mul " + kinds[0]);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void broadcastAddOfABiasRow(ProtocolCase pc) {
    Random rnd = new Random(3);
    INDArray x = TestData.uniform(rnd, 50, 5, 7);
    INDArray b = TestData.uniform(rnd, 50, 7);
    var o = check(pc, 0, (p, in) -> p.add(in[0], in[1]), x, b);
    assertClose(o.secure(), x.addRowVector(b).data().asDouble(), 0, "bias");
    INDArray row = b.reshape(1, 7); // a [1, n] bias, as Nd4j.createFromArray(new double[][] {...}) makes
    var r = check(pc, 0, (p, in) -> p.add(in[0], in[1]), x, row);
    assertClose(r.secure(), x.addRowVector(b).data().asDouble(), 0, "bias [1, n]");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void mulAndSquareWithinOneUlp(ProtocolCase pc) {
    Random rnd = new Random(4);
    for (int[] shape : new int[][] {{1}, {9}, {4, 5}, {2, 3, 3}}) {
      INDArray x = TestData.uniform(rnd, 150, shape);
      INDArray y = TestData.uniform(rnd, 150, shape);
      var o = check(pc, ULP, (p, in) -> p.mul(in[0], in[1]), x, y);
      assertClose(o.secure(), x.mul(y).data().asDouble(), 2 * ULP, "mul vs doubles");
      check(pc, ULP, (p, in) -> p.square(in[0]), x);
    }
    // near the edge of the range: a large factor times a small one
    INDArray big = TestData.of(new double[] {MAX - 1, -(MAX - 1), 20000, -30000}, 4);
    INDArray small = TestData.of(new double[] {0.999, 0.5, -1.25, 0.0001}, 4);
    check(pc, ULP, (p, in) -> p.mul(in[0], in[1]), big, small);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void matmulWithinOneUlp(ProtocolCase pc) {
    Random rnd = new Random(5);
    for (int[] mkn : new int[][] {{1, 1, 1}, {1, 784, 128}, {3, 7, 5}, {16, 33, 9}}) {
      INDArray x = TestData.uniform(rnd, 1, mkn[0], mkn[1]);
      INDArray w = TestData.uniform(rnd, 1, mkn[1], mkn[2]);
      var o = check(pc, ULP, (p, in) -> p.matmul(in[0], in[1]), x, w);
      assertClose(o.secure(), x.mmul(w).data().asDouble(), mkn[1] * ULP, "matmul vs doubles");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void maskedOperandsGiveTheSameProducts(ProtocolCase pc) {
    Random rnd = new Random(6);
    INDArray x = TestData.uniform(rnd, 2, 4, 10);
    INDArray w = TestData.uniform(rnd, 2, 10, 3);
    check(pc, ULP, (p, in) -> p.matmul(in[0], p.mask(in[1])), x, w);
    check(pc, ULP, (p, in) -> p.matmul(p.mask(in[0]), p.mask(in[1])), x, w);
    check(pc, ULP, (p, in) -> p.mul(p.mask(in[0]), in[0]), x);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void shapeOpsAreExact(ProtocolCase pc) {
    Random rnd = new Random(7);
    INDArray x = TestData.uniform(rnd, 1000, 2, 3, 4);
    var t = check(pc, 0, (p, in) -> p.transpose(in[0], 2, 0, 1), x);
    assertClose(t.secure(), x.permute(2, 0, 1).dup('c').data().asDouble(), 0, "transpose");
    var r = check(pc, 0, (p, in) -> p.reshape(in[0], 6, -1), x);
    assertClose(r.secure(), x.data().asDouble(), 0, "reshape");
    for (int axis = 0; axis < 3; axis++) {
      int ax = axis;
      var s = check(pc, 0, (p, in) -> p.reduceSum(in[0], ax), x);
      assertClose(s.secure(), x.sum(ax).data().asDouble(), 1e-9, "sum over " + ax);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void conv2dValidAndSame(ProtocolCase pc) {
    Random rnd = new Random(8);
    INDArray x = TestData.uniform(rnd, 1, 2, 9, 8, 3);
    INDArray k = TestData.uniform(rnd, 1, 3, 3, 3, 4);
    for (Padding pad : Padding.values()) {
      for (int stride : new int[] {1, 2}) {
        var o = check(pc, ULP, (p, in) -> p.conv2d(in[0], in[1], stride, stride, pad), x, k);
        double[] ref = NaiveConv.conv2d(x, k, stride, pad);
        assertClose(o.secure(), ref, 30 * ULP, "conv2d " + pad + " stride " + stride + " vs doubles");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void avgPool2d(ProtocolCase pc) {
    Random rnd = new Random(9);
    INDArray x = TestData.uniform(rnd, 100, 2, 6, 5, 3);
    for (Padding pad : Padding.values()) {
      var o = check(pc, ULP, (p, in) -> p.avgPool2d(in[0], 2, 2, 2, 2, pad), x);
      assertClose(o.secure(), NaiveConv.avgPool(x, 2, 2, pad), 1e-3, "avgPool " + pad + " vs doubles");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void polynomialSigmoidFollowsItsPolynomialOnItsInterval(ProtocolCase pc) {
    Random rnd = new Random(10);
    INDArray x = TestData.uniform(rnd, 4, 64);
    var o = check(pc, 8 * ULP, (p, in) -> p.polynomialSigmoid(in[0]), x);
    double[] xs = x.data().asDouble();
    for (int i = 0; i < xs.length; i++) {
      assertEquals(1 / (1 + Math.exp(-xs[i])), o.secure()[i], 0.04, "sigmoid(" + xs[i] + ")");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void composedLayerMatchesPlaintext(ProtocolCase pc) {
    Random rnd = new Random(11);
    INDArray x = TestData.uniform(rnd, 1, 8, 20);
    INDArray w = TestData.uniform(rnd, 0.5, 20, 6);
    INDArray b = TestData.uniform(rnd, 0.5, 6);
    check(pc, 4 * ULP, (p, in) -> p.polynomialSigmoid(p.add(p.matmul(in[0], p.mask(in[1])), in[2])), x, w, b);
  }
}
