package dev.tfe.model.privatetrain;

import static dev.tfe.protocol.Agreement.assertClose;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.program.Output;
import dev.tfe.program.Party;
import dev.tfe.program.RunResult;
import dev.tfe.api.Tfe;
import dev.tfe.model.Layers;
import dev.tfe.model.layers.Dense;
import dev.tfe.model.layers.Layer;
import dev.tfe.model.train.Loss;
import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.ProtocolCase;
import dev.tfe.protocol.Protocols;
import dev.tfe.protocol.Tensor;
import dev.tfe.protocol.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Every private backward op against its plaintext twin (the double-precision layers and losses of
 * {@code dev.tfe.model}), on every protocol with comparisons, at training precision (20
 * fractional bits), each with an explicit tolerance.
 */
@Timeout(300)
class BackwardAgreementTest {
  static final double ULP = PrivateTraining.PRECISION.resolution();

  static Stream<ProtocolCase> protocols() {
    return Protocols.all();
  }

  /** A computation over private inputs that may keep some of them in variables first. */
  interface Program {
    List<Tensor> build(Protocol p, Tensor[] in, Vars vars);
  }

  /** Makes variables, recording their initialising writes. */
  static final class Vars {
    final List<dev.tfe.graph.NodeRef> writes = new ArrayList<>();
    private int n;

    PrivateVariable of(Protocol p, Tensor init) {
      PrivateVariable v = new PrivateVariable("test.v" + (n++), init);
      writes.addAll(v.write(p, init));
      return v;
    }
  }

  /** Shares {@code inputs} from a client, builds {@code program}, initialises its variables, reveals every result to the client. */
  static List<double[]> run(ProtocolCase pc, Program program, INDArray... inputs) {
    try (Tfe tfe = Tfe.local(PrivateTraining.PRECISION)) {
      Protocol p = pc.factory().apply(tfe);
      assumeTrue(p.supportsComparisons(), pc.name() + " has no comparisons");
      Party client = tfe.party("client");
      Tensor[] in = new Tensor[inputs.length];
      for (int i = 0; i < inputs.length; i++) {
        in[i] = tfe.definePrivateInput(p, client, inputs[i]);
      }
      Vars vars = new Vars();
      List<Output> outs = new ArrayList<>();
      for (Tensor t : program.build(p, in, vars)) {
        outs.add(tfe.defineOutput(p, client, t));
      }
      if (!vars.writes.isEmpty()) {
        tfe.session().run(vars.writes, java.util.Map.of());
      }
      RunResult r = tfe.run(outs.toArray(new Output[0]));
      return outs.stream().map(r::values).toList();
    }
  }

  static double[] flat(INDArray a) {
    return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
  }

  static INDArray dbl(INDArray a) {
    return a.castTo(DataType.DOUBLE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void denseStepGivesTheOutputAndTheWeightBiasAndInputGradients(ProtocolCase pc) {
    Random rnd = new Random(1);
    INDArray x = TestData.uniform(rnd, 1, 6, 5);
    INDArray w = TestData.uniform(rnd, 0.5, 5, 3);
    INDArray b = TestData.uniform(rnd, 0.5, 3);
    INDArray g = TestData.uniform(rnd, 0.05, 6, 3);
    Dense d = Dense.withWeights(dbl(w), dbl(b));
    INDArray y = d.forward(dbl(x), true);
    INDArray dx = d.backward(dbl(g));
    List<double[]> r = run(pc, (p, in, vars) -> {
      DenseStep s = new DenseStep(vars.of(p, in[1]), vars.of(p, in[2]));
      Tensor out = s.forward(p, in[0], true);
      Tensor gx = s.backward(p, in[3], true);
      return List.of(out, s.gradients().get(0), s.gradients().get(1), gx);
    }, x, w, b, g);
    // inputs are encoded to within 1/2 unit; each product is truncated once (1 unit)
    double tol = 4 * ULP;
    assertClose(r.get(0), flat(y), tol, pc + " forward");
    assertClose(r.get(1), flat(d.parameters().get(0).gradient()), tol, pc + " dW");
    assertClose(r.get(2), flat(d.parameters().get(1).gradient()), tol, pc + " db");
    assertClose(r.get(3), flat(dx), tol, pc + " dx");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void reluStepPassesTheGradientWhereTheInputWasPositive(ProtocolCase pc) {
    Random rnd = new Random(2);
    INDArray x = TestData.uniform(rnd, 3, 4, 7);
    INDArray g = TestData.uniform(rnd, 1, 4, 7);
    Layer relu = Layers.relu();
    INDArray y = relu.forward(dbl(x), true);
    INDArray dx = relu.backward(dbl(g));
    List<double[]> r = run(pc, (p, in, vars) -> {
      ReluStep s = new ReluStep();
      Tensor out = s.forward(p, in[0], true);
      return List.of(out, s.backward(p, in[1], true));
    }, x, g);
    // exact on the encoded values: only the encoding (1/2 unit) differs
    assertClose(r.get(0), flat(y), ULP, pc + " forward");
    assertClose(r.get(1), flat(dx), ULP, pc + " backward");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void sigmoidStepGivesTheSlope(ProtocolCase pc) {
    Random rnd = new Random(3);
    INDArray x = TestData.uniform(rnd, 8, 3, 6);
    INDArray g = TestData.uniform(rnd, 1, 3, 6);
    Layer sig = Layers.sigmoid();
    INDArray y = sig.forward(dbl(x), true);
    INDArray dx = sig.backward(dbl(g));
    List<double[]> r = run(pc, (p, in, vars) -> {
      SigmoidStep s = new SigmoidStep();
      Tensor out = s.forward(p, in[0], true);
      return List.of(out, s.backward(p, in[1], true));
    }, x, g);
    // sigmoid within its bound (OddActivation, below 3e-4 at 16 bits, smaller at 20); the slope
    // s(1-s) moves by at most the same (|d/ds s(1-s)| <= 1), times |g| <= 1, plus 3 units
    double sigmoidTol = 3e-4;
    assertClose(r.get(0), flat(y), sigmoidTol, pc + " forward");
    assertClose(r.get(1), flat(dx), sigmoidTol + 3 * ULP, pc + " backward");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void flattenStepReshapesForwardAndBack(ProtocolCase pc) {
    INDArray x = TestData.uniform(new Random(4), 2, 2, 3, 3, 2);
    List<double[]> r = run(pc, (p, in, vars) -> {
      ReshapeStep s = new ReshapeStep(-1);
      Tensor out = s.forward(p, in[0], true);
      Tensor back = s.backward(p, out, true);
      return List.of(out, back);
    }, x);
    assertClose(r.get(0), flat(x), ULP / 2, pc + " forward");
    assertClose(r.get(1), flat(x), ULP / 2, pc + " backward");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void expIsWithinItsBoundOverEveryInput(ProtocolCase pc) {
    PrivateExp exp = new PrivateExp(PrivateTraining.PRECISION);
    double[] v = {0, -1e-6, -0.01, -0.5, -1, -2, -3.3, -5, -8, -12, -15.9, -16, -16.5, -40, -1000, 3, 1000};
    INDArray x = TestData.of(v, v.length);
    double[] got = run(pc, (p, in, vars) -> List.of(exp.apply(p, in[0])), x).get(0);
    double[] want = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      want[i] = Math.exp(Math.min(0, v[i])); // inputs above 0 count as 0 (documented)
    }
    assertClose(got, want, exp.errorBound(), pc + " exp, bound " + exp.errorBound());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void expOfNonPositiveInputsIsWithinTheSameBound(ProtocolCase pc) {
    PrivateExp exp = new PrivateExp(PrivateTraining.PRECISION);
    double[] v = {0, -1e-6, -0.01, -0.5, -1, -2, -3.3, -5, -8, -12, -15.9, -16, -16.5, -40, -1000};
    double[] got = run(pc, (p, in, vars) -> List.of(exp.applyNonPositive(p, in[0])), TestData.of(v, v.length)).get(0);
    double[] want = java.util.Arrays.stream(v).map(Math::exp).toArray();
    assertClose(got, want, exp.errorBound(), pc + " exp of non-positive inputs, bound " + exp.errorBound());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void reciprocalIsWithinItsBoundOverItsRange(ProtocolCase pc) {
    PrivateReciprocal rec = new PrivateReciprocal(PrivateTraining.PRECISION, 0.9, 10);
    assertTrue(rec.iterations() <= 5, "the minimax start needs at most 5 iterations on [0.9, 10]: " + rec.iterations());
    double[] v = {0.9, 0.95, 1, 1.5, 2, 3.3, 5, 5.45, 7.77, 9.99, 10};
    double[] got = run(pc, (p, in, vars) -> List.of(rec.apply(p, in[0])), TestData.of(v, v.length)).get(0);
    double[] want = java.util.Arrays.stream(v).map(a -> 1 / a).toArray();
    assertClose(got, want, rec.errorBound(), pc + " reciprocal, bound " + rec.errorBound());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void softmaxCrossEntropyGradientIsWithinTheSoftmaxBound(ProtocolCase pc) {
    Random rnd = new Random(5);
    INDArray z = TestData.uniform(rnd, 12, 8, 10);
    z.putScalar(0, 3, 500);  // far beyond the exponential's range: clipped, still bounded
    z.putScalar(1, 0, -900);
    int[] classes = {0, 1, 2, 3, 4, 5, 6, 9};
    INDArray y = Nd4j.zeros(DataType.DOUBLE, 8, 10);
    for (int i = 0; i < 8; i++) {
      y.putScalar(i, classes[i], 1);
    }
    INDArray want = Loss.crossEntropy().gradient(dbl(z), y);
    PrivateLoss loss = PrivateLoss.of(Loss.crossEntropy(), List.of(Layers.dense(3, 10)), PrivateTraining.PRECISION, 10);
    List<double[]> r = run(pc, (p, in, vars) -> List.of(loss.apply(p, in[0], in[1], 8).gradient()), z, y);
    // the gradient is (softmax - y)/8: the softmax's bound over 8, plus one unit of the scaling
    double tol = loss.softmaxBound() / 8 + ULP;
    assertClose(r.get(0), flat(want), tol, pc + " softmax cross-entropy gradient, bound " + tol);
    double worst = 0;
    for (int i = 0; i < r.get(0).length; i++) {
      worst = Math.max(worst, Math.abs(r.get(0)[i] - flat(want)[i]) * 8);
    }
    System.out.printf("%s: softmax error measured %.2e, bound %.2e%n", pc, worst, loss.softmaxBound());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void sigmoidCrossEntropyAndMseGradients(ProtocolCase pc) {
    Random rnd = new Random(6);
    INDArray s = TestData.uniform(rnd, 0.5, 16, 1).addi(0.5);
    INDArray y = Nd4j.create(new double[] {1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0, 1, 1, 1, 0}, new long[] {16, 1});
    // plaintext: BCE's gradient through the sigmoid's slope is (s - y)/N
    INDArray bce = Loss.binaryCrossEntropy().gradient(dbl(s), y).muli(dbl(s)).muli(dbl(s).rsub(1));
    INDArray o = TestData.uniform(rnd, 2, 16, 3);
    INDArray t = TestData.uniform(rnd, 2, 16, 3);
    INDArray mse = Loss.mse().gradient(dbl(o), dbl(t));
    PrivateLoss pb = PrivateLoss.of(Loss.binaryCrossEntropy(), List.of(Layers.dense(2, 1), Layers.sigmoid()),
        PrivateTraining.PRECISION, 1);
    PrivateLoss pm = PrivateLoss.of(Loss.mse(), List.of(Layers.dense(2, 3)), PrivateTraining.PRECISION, 3);
    List<double[]> r = run(pc, (p, in, vars) -> List.of(pb.apply(p, in[0], in[1], 16).gradient(),
        pm.apply(p, in[2], in[3], 16).gradient()), s, y, o, t);
    assertClose(r.get(0), flat(bce), 2 * ULP, pc + " sigmoid cross-entropy");
    assertClose(r.get(1), flat(mse), 2 * ULP, pc + " mse");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void convStepGivesTheKernelBiasAndInputGradients(ProtocolCase pc) {
    Random rnd = new Random(7);
    INDArray x = TestData.uniform(rnd, 1, 2, 6, 6, 2);
    INDArray k = TestData.uniform(rnd, 0.5, 3, 3, 2, 3);
    INDArray b = TestData.uniform(rnd, 0.5, 3);
    INDArray g = TestData.uniform(rnd, 0.05, 2, 4, 4, 3);
    var conv = dev.tfe.model.layers.Conv2D.withWeights(dbl(k), dbl(b), 1, 1, dev.tfe.model.layers.Padding.VALID);
    INDArray y = conv.forward(dbl(x), true);
    INDArray dx = conv.backward(dbl(g));
    List<double[]> r = run(pc, (p, in, vars) -> {
      ConvStep s = new ConvStep(vars.of(p, in[1]), vars.of(p, in[2]));
      Tensor out = s.forward(p, in[0], true);
      Tensor gx = s.backward(p, in[3], true);
      return List.of(out, s.gradients().get(0), s.gradients().get(1), gx);
    }, x, k, b, g);
    // one truncation per convolution; dx also carries the padding's and the flip's (one unit each, times
    // the 18 taps of a sum of products with |values| <= 1)
    assertClose(r.get(0), flat(y), 4 * ULP, pc + " forward");
    assertClose(r.get(1), flat(conv.parameters().get(0).gradient()), 4 * ULP, pc + " dK");
    assertClose(r.get(2), flat(conv.parameters().get(1).gradient()), 4 * ULP, pc + " db");
    assertClose(r.get(3), flat(dx), 24 * ULP, pc + " dx");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void maxAndAveragePoolingRouteTheGradient(ProtocolCase pc) {
    Random rnd = new Random(8);
    INDArray x = TestData.uniform(rnd, 4, 2, 4, 6, 3);
    INDArray g = TestData.uniform(rnd, 1, 2, 2, 3, 3);
    Layer maxPool = Layers.maxPool2d(2);
    Layer avgPool = Layers.avgPool2d(2);
    INDArray yMax = maxPool.forward(dbl(x), true);
    INDArray dMax = maxPool.backward(dbl(g));
    INDArray yAvg = avgPool.forward(dbl(x), true);
    INDArray dAvg = avgPool.backward(dbl(g));
    List<double[]> r = run(pc, (p, in, vars) -> {
      PoolStep m = new PoolStep(true, 2, 2);
      PoolStep a = new PoolStep(false, 2, 2);
      Tensor om = m.forward(p, in[0], true);
      Tensor oa = a.forward(p, in[0], true);
      return List.of(om, m.backward(p, in[1], true), oa, a.backward(p, in[1], true));
    }, x, g);
    // max: one truncation forward, two backward (spreading, routing); average: two truncations
    assertClose(r.get(0), flat(yMax), 2 * ULP, pc + " max forward");
    assertClose(r.get(1), flat(dMax), 3 * ULP, pc + " max backward");
    assertClose(r.get(2), flat(yAvg), 2 * ULP, pc + " average forward");
    assertClose(r.get(3), flat(dAvg), 2 * ULP, pc + " average backward");
  }
}
