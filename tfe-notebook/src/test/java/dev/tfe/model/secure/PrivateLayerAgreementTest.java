package dev.tfe.model.secure;

import static dev.tfe.model.Layers.avgPool2d;
import static dev.tfe.model.Layers.batchNorm;
import static dev.tfe.model.Layers.conv2d;
import static dev.tfe.model.Layers.dense;
import static dev.tfe.model.Layers.flatten;
import static dev.tfe.model.Layers.globalAvgPool2d;
import static dev.tfe.model.Layers.maxPool2d;
import static dev.tfe.model.Layers.relu;
import static dev.tfe.model.Layers.reshape;
import static dev.tfe.model.Layers.sigmoid;
import static dev.tfe.model.Layers.softmax;
import static dev.tfe.model.Layers.tanh;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tfe.program.Party;
import dev.tfe.api.Tfe;
import dev.tfe.model.Fit;
import dev.tfe.model.Sequential;
import dev.tfe.model.layers.Layer;
import dev.tfe.model.layers.Padding;
import dev.tfe.protocol.OddActivation;
import dev.tfe.protocol.ProtocolCase;
import dev.tfe.protocol.Protocols;
import dev.tfe.protocol.TestData;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Every layer, private against its plaintext twin (tf-encrypted's {@code agreement_test}): the
 * same weights and inputs through {@code Sequential.predict} (ND4J, doubles) and through
 * {@code tfe.privateModel(...).predict} (fixed point), under every protocol module
 * ({@link Protocols#all()}, none named here); layers that compare (ReLU, max pooling, sigmoid,
 * tanh) under those with exact comparisons, while the others must refuse them. Tolerances count
 * the fixed-point rounding of inputs and weights (2^-17 each) and one unit per truncation, grown
 * by the layer's fan-in.
 */
@Timeout(120)
class PrivateLayerAgreementTest {
  private static final double ULP = 1.0 / 65536;

  static Stream<ProtocolCase> protocols() {
    return Protocols.all();
  }

  private static boolean compares(ProtocolCase pc) {
    try (Tfe tfe = Tfe.local()) {
      return pc.factory().apply(tfe).supportsComparisons();
    }
  }

  private static INDArray privateOutputs(ProtocolCase pc, Sequential model, INDArray x) {
    try (Tfe tfe = Tfe.local()) {
      Party owner = tfe.party("owner");
      Party client = tfe.party("client");
      return tfe.privateModel(model, owner, pc.factory().apply(tfe)).predict(client, x).outputs();
    }
  }

  private static void agree(ProtocolCase pc, String what, Sequential model, INDArray x, double tol) {
    what = pc.name() + ", " + what;
    INDArray plain = model.predict(x);
    INDArray secure = privateOutputs(pc, model, x);
    assertEquals(plain.length(), secure.length(), what + ": sizes");
    double[] a = plain.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).data().asDouble();
    double[] b = secure.data().asDouble();
    for (int i = 0; i < a.length; i++) {
      assertEquals(a[i], b[i], tol, what + ": element " + i);
    }
  }

  private static Sequential model(Layer... layers) {
    Sequential m = Sequential.of(layers);
    m.initialize(7);
    return m;
  }

  private static INDArray images(int n, int h, int w, int c) {
    return TestData.uniform(new Random(n * 31L + h), 1, n, h, w, c);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void denseLayer(ProtocolCase pc) {
    agree(pc, "dense", model(dense(20, 7)), TestData.uniform(new Random(1), 1, 5, 20), 40 * ULP);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void reluIsExact(ProtocolCase pc) {
    assumeTrue(compares(pc), pc.name() + " has no exact comparisons");
    INDArray x = TestData.of(new double[] {-2, -ULP, 0, ULP, 3.5, -30000, 30000}, 1, 7);
    agree(pc, "relu", model(relu()), x, 0);
  }

  /** Sigmoid and tanh within their stated bounds, far outside [-4, 4] too (the cubic was off by 16 there). */
  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void sigmoidAndTanhAreWithinTheirStatedBoundsOverTheRange(ProtocolCase pc) {
    assumeTrue(compares(pc), pc.name() + " has no exact comparisons");
    INDArray x = TestData.of(new double[] {-30000, -37, -16, -10, -6.5, -4, -1, -ULP, 0, ULP, 0.3, 2.5, 5, 9.99, 12, 37,
        30000}, 1, 17);
    agree(pc, "sigmoid", model(sigmoid()), x, OddActivation.SIGMOID_BOUND);
    agree(pc, "tanh", model(tanh()), x, OddActivation.TANH_BOUND);
    agree(pc, "dense then sigmoid", model(dense(11, 6), sigmoid()), TestData.uniform(new Random(2), 40, 3, 11),
        OddActivation.SIGMOID_BOUND + 200 * ULP / 4);
  }

  /** A protocol without exact comparisons cannot compute them accurately, so wrapping refuses, naming the layer and the way out. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void protocolsWithoutComparisonsRefuseComparingModelsWhenWrapping(ProtocolCase pc) {
    assumeTrue(!compares(pc), pc.name() + " has exact comparisons");
    for (Sequential m : new Sequential[] {model(dense(4, 3), sigmoid()), model(dense(4, 3), tanh()),
        model(dense(4, 3), relu())}) {
      try (Tfe tfe = Tfe.local()) {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
            () -> tfe.privateModel(m, tfe.party("owner"), pc.factory().apply(tfe)));
        assertTrue(e.getMessage().contains("layer 2 (" + m.layers().get(1).type() + ")")
            && e.getMessage().contains("needs exact comparisons"), e.getMessage());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void conv2dValidSameAndStrided(ProtocolCase pc) {
    INDArray x = images(2, 9, 8, 3);
    agree(pc, "conv valid", model(conv2d(3, 4, 3)), x, 60 * ULP);
    agree(pc, "conv same stride 2", model(conv2d(3, 4, 5, 5, 2, 2, Padding.SAME)), x, 150 * ULP);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void poolingLayersAreExact(ProtocolCase pc) {
    INDArray x = images(2, 8, 6, 3);
    agree(pc, "avg pool", model(avgPool2d(2)), x, 4 * ULP);
    assumeTrue(compares(pc), pc.name() + " has no exact comparisons");
    agree(pc, "max pool", model(maxPool2d(2)), x, 0);
    agree(pc, "max pool 3 stride 2 same", model(maxPool2d(3, 2, Padding.SAME)), x, 0);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void globalAveragePooling(ProtocolCase pc) {
    INDArray x = images(2, 5, 6, 3);
    agree(pc, "global avg pool", model(globalAvgPool2d()), x, 4 * ULP);
    agree(pc, "conv, global avg pool, dense", model(conv2d(3, 4, 3), globalAvgPool2d(), dense(4, 2)), x, 150 * ULP);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void flattenAndReshape(ProtocolCase pc) {
    INDArray x = images(3, 4, 4, 2);
    agree(pc, "flatten", model(flatten()), x, 0);
    agree(pc, "reshape", model(reshape(8, 4)), x, 0);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void batchNormalizationIsFoldedIntoTheLinearLayerBefore(ProtocolCase pc) {
    assumeTrue(compares(pc), pc.name() + " has no exact comparisons");
    Sequential m = model(dense(12, 6), batchNorm(6), relu(), dense(6, 3));
    INDArray x = TestData.uniform(new Random(3), 1, 64, 12);
    // train briefly so that the running statistics are not the identity
    var data = dev.tfe.data.Dataset.classification(x, new Random(4).ints(64, 0, 3).toArray(), 3);
    m.fit(data, Fit.epochs(3).batchSize(16).adam(1e-2).seed(1));
    agree(pc, "dense + batchnorm", m, x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 8)), 200 * ULP);
    Sequential c = model(conv2d(2, 3, 3), batchNorm(3), relu());
    agree(pc, "conv + batchnorm", c, images(2, 6, 6, 2), 200 * ULP);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void softmaxIsAppliedByTheClient(ProtocolCase pc) {
    agree(pc, "softmax", model(dense(10, 4), softmax()), TestData.uniform(new Random(5), 1, 6, 10), 1e-3);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void unsupportedPlacesAndShapesGetClearErrors(ProtocolCase pc) {
    try (Tfe tfe = Tfe.local()) {
      Party owner = tfe.party("owner");
      var e = assertThrows(UnsupportedOperationException.class,
          () -> tfe.privateModel(model(dense(4, 4), softmax(), dense(4, 2)), owner, pc.factory().apply(tfe)));
      assertTrue(e.getMessage().contains("Softmax"), e.getMessage());
      var bn = assertThrows(UnsupportedOperationException.class, () -> tfe.privateModel(model(batchNorm(4)), owner, pc.factory().apply(tfe)));
      assertTrue(bn.getMessage().contains("BatchNormalization"), bn.getMessage());
      var pm = tfe.privateModel(model(dense(4, 2)), owner, pc.factory().apply(tfe));
      var shape = assertThrows(IllegalArgumentException.class,
          () -> pm.predict(tfe.party("client"), TestData.uniform(new Random(1), 1, 3, 5)));
      assertTrue(shape.getMessage().contains("[N, 4]"), shape.getMessage());
      var party = assertThrows(IllegalArgumentException.class,
          () -> tfe.privateModel(model(dense(4, 2)), new Party("stranger"), pc.factory().apply(tfe)));
      assertTrue(party.getMessage().contains("unknown party 'stranger'"), party.getMessage());
    }
  }
}
