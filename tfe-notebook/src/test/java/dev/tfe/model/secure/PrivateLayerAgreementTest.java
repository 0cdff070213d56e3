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

import dev.tfe.api.Party;
import dev.tfe.api.Tfe;
import dev.tfe.model.Fit;
import dev.tfe.model.Sequential;
import dev.tfe.model.layers.Layer;
import dev.tfe.model.layers.Padding;
import dev.tfe.protocol.OddActivation;
import dev.tfe.protocol.TestData;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Every layer, private against its plaintext twin (tf-encrypted's {@code agreement_test}): the
 * same weights and inputs through {@code Sequential.predict} (ND4J, doubles) and through
 * {@code tfe.privateModel(...).predict} (SecureNN, fixed point). Tolerances count the fixed-point
 * rounding of inputs and weights (2^-17 each) and one unit per truncation, grown by the layer's
 * fan-in.
 */
@Timeout(120)
class PrivateLayerAgreementTest {
  private static final double ULP = 1.0 / 65536;

  private static INDArray privateOutputs(Sequential model, INDArray x) {
    try (Tfe tfe = Tfe.local()) {
      Party owner = tfe.party("owner");
      Party client = tfe.party("client");
      return tfe.privateModel(model, owner).predict(client, x).outputs();
    }
  }

  private static void agree(String what, Sequential model, INDArray x, double tol) {
    INDArray plain = model.predict(x);
    INDArray secure = privateOutputs(model, x);
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

  @Test
  void denseLayer() {
    agree("dense", model(dense(20, 7)), TestData.uniform(new Random(1), 1, 5, 20), 40 * ULP);
  }

  @Test
  void reluIsExact() {
    INDArray x = TestData.of(new double[] {-2, -ULP, 0, ULP, 3.5, -30000, 30000}, 1, 7);
    agree("relu", model(relu()), x, 0);
  }

  /** Sigmoid and tanh within their stated bounds, far outside [-4, 4] too (the cubic was off by 16 there). */
  @Test
  void sigmoidAndTanhAreWithinTheirStatedBoundsOverTheRange() {
    INDArray x = TestData.of(new double[] {-30000, -37, -16, -10, -6.5, -4, -1, -ULP, 0, ULP, 0.3, 2.5, 5, 9.99, 12, 37,
        30000}, 1, 17);
    agree("sigmoid", model(sigmoid()), x, OddActivation.SIGMOID_BOUND);
    agree("tanh", model(tanh()), x, OddActivation.TANH_BOUND);
    agree("dense then sigmoid", model(dense(11, 6), sigmoid()), TestData.uniform(new Random(2), 40, 3, 11),
        OddActivation.SIGMOID_BOUND + 200 * ULP / 4);
  }

  /** Pond cannot compute them accurately, so wrapping refuses, naming SecureNN (it used to answer with the cubic). */
  @Test
  void pondRefusesSigmoidAndTanhModelsWhenWrapping() {
    for (Sequential m : new Sequential[] {model(dense(4, 3), sigmoid()), model(dense(4, 3), tanh()),
        model(dense(4, 3), relu())}) {
      try (Tfe tfe = Tfe.local()) {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
            () -> tfe.privateModel(m, tfe.party("owner"), tfe.pond()));
        assertTrue(e.getMessage().contains("layer 2 (" + m.layers().get(1).type() + ")")
            && e.getMessage().contains("tfe.secureNn()"), e.getMessage());
      }
    }
  }

  @Test
  void conv2dValidSameAndStrided() {
    INDArray x = images(2, 9, 8, 3);
    agree("conv valid", model(conv2d(3, 4, 3)), x, 60 * ULP);
    agree("conv same stride 2", model(conv2d(3, 4, 5, 5, 2, 2, Padding.SAME)), x, 150 * ULP);
  }

  @Test
  void poolingLayersAreExact() {
    INDArray x = images(2, 8, 6, 3);
    agree("max pool", model(maxPool2d(2)), x, 0);
    agree("max pool 3 stride 2 same", model(maxPool2d(3, 2, Padding.SAME)), x, 0);
    agree("avg pool", model(avgPool2d(2)), x, 4 * ULP);
  }

  @Test
  void globalAveragePoolingAgreesUnderSecureNnAndPond() {
    INDArray x = images(2, 5, 6, 3);
    agree("global avg pool", model(globalAvgPool2d()), x, 4 * ULP);
    agree("conv, global avg pool, dense", model(conv2d(3, 4, 3), globalAvgPool2d(), dense(4, 2)), x, 150 * ULP);
    Sequential m = model(conv2d(3, 4, 3), globalAvgPool2d(), dense(4, 2));
    INDArray plain = m.predict(x);
    try (Tfe tfe = Tfe.local()) {
      INDArray pond = tfe.privateModel(m, tfe.party("owner"), tfe.pond()).predict(tfe.party("client"), x).outputs();
      assertEquals(plain.length(), pond.length(), "pond: sizes");
      double[] a = plain.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).data().asDouble();
      double[] b = pond.data().asDouble();
      for (int i = 0; i < a.length; i++) {
        assertEquals(a[i], b[i], 150 * ULP, "pond: element " + i);
      }
    }
  }

  @Test
  void flattenAndReshape() {
    INDArray x = images(3, 4, 4, 2);
    agree("flatten", model(flatten()), x, 0);
    agree("reshape", model(reshape(8, 4)), x, 0);
  }

  @Test
  void batchNormalizationIsFoldedIntoTheLinearLayerBefore() {
    Sequential m = model(dense(12, 6), batchNorm(6), relu(), dense(6, 3));
    INDArray x = TestData.uniform(new Random(3), 1, 64, 12);
    // train briefly so that the running statistics are not the identity
    var data = dev.tfe.data.Dataset.classification(x, new Random(4).ints(64, 0, 3).toArray(), 3);
    m.fit(data, Fit.epochs(3).batchSize(16).adam(1e-2).seed(1));
    agree("dense + batchnorm", m, x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 8)), 200 * ULP);
    Sequential c = model(conv2d(2, 3, 3), batchNorm(3), relu());
    agree("conv + batchnorm", c, images(2, 6, 6, 2), 200 * ULP);
  }

  @Test
  void softmaxIsAppliedByTheClient() {
    agree("softmax", model(dense(10, 4), softmax()), TestData.uniform(new Random(5), 1, 6, 10), 1e-3);
  }

  @Test
  void unsupportedPlacesAndShapesGetClearErrors() {
    try (Tfe tfe = Tfe.local()) {
      Party owner = tfe.party("owner");
      var e = assertThrows(UnsupportedOperationException.class,
          () -> tfe.privateModel(model(dense(4, 4), softmax(), dense(4, 2)), owner));
      assertTrue(e.getMessage().contains("Softmax"), e.getMessage());
      var bn = assertThrows(UnsupportedOperationException.class, () -> tfe.privateModel(model(batchNorm(4)), owner));
      assertTrue(bn.getMessage().contains("BatchNormalization"), bn.getMessage());
      var pm = tfe.privateModel(model(dense(4, 2)), owner);
      var shape = assertThrows(IllegalArgumentException.class,
          () -> pm.predict(tfe.party("client"), TestData.uniform(new Random(1), 1, 3, 5)));
      assertTrue(shape.getMessage().contains("[N, 4]"), shape.getMessage());
      var party = assertThrows(IllegalArgumentException.class,
          () -> tfe.privateModel(model(dense(4, 2)), new Party("stranger")));
      assertTrue(party.getMessage().contains("unknown party 'stranger'"), party.getMessage());
    }
  }
}
