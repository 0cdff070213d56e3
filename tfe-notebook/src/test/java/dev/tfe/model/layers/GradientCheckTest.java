package dev.tfe.model.layers;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each layer's backward pass against finite differences, on small shapes. */
class GradientCheckTest {

  @Test
  void dense() {
    Dense d = new Dense(5, 4, Initializer.GLOROT_UNIFORM);
    d.initialize(new SplittableRandom(1));
    d.bias().assign(GradientCheck.random(2, 4));
    GradientCheck.check(d, GradientCheck.random(3, 3, 5), true);
  }

  @Test
  void activations() {
    GradientCheck.check(new ReLU(), GradientCheck.random(4, 3, 7), true);
    GradientCheck.check(new ReLU(), GradientCheck.random(5, 2, 3, 3, 2), true);
    GradientCheck.check(new Sigmoid(), GradientCheck.random(6, 3, 6), true);
    GradientCheck.check(new Tanh(), GradientCheck.random(10, 3, 6), true);
    GradientCheck.check(new Softmax(), GradientCheck.random(7, 4, 5).muli(3), true);
  }

  @Test
  void reshapes() {
    GradientCheck.check(new Flatten(), GradientCheck.random(8, 2, 3, 3, 2), true);
    GradientCheck.check(new Reshape(3, -1), GradientCheck.random(9, 2, 12), true);
  }

  @Test
  void conv2dValidSameAndStrides() {
    conv(3, 2, 3, 3, 1, 1, Padding.VALID, 2, 6, 7);
    conv(3, 2, 3, 3, 2, 2, Padding.SAME, 2, 6, 7);
    conv(2, 3, 2, 3, 2, 1, Padding.SAME, 1, 5, 6);
    conv(1, 2, 4, 4, 3, 3, Padding.SAME, 2, 7, 8);
    conv(2, 2, 1, 1, 1, 1, Padding.VALID, 2, 3, 3);
    conv(2, 3, 5, 5, 1, 1, Padding.SAME, 1, 4, 4);
  }

  private static void conv(int cin, int cout, int kh, int kw, int sh, int sw, Padding p, int n, int h, int w) {
    Conv2D c = new Conv2D(cin, cout, kh, kw, sh, sw, p, Initializer.HE_UNIFORM);
    c.initialize(new SplittableRandom(kh * 31 + kw));
    c.bias().assign(GradientCheck.random(10, cout));
    GradientCheck.check(c, GradientCheck.random(11, n, h, w, cin), true);
  }

  @Test
  void pooling() {
    for (Padding p : Padding.values()) {
      GradientCheck.check(new MaxPooling2D(2, 2, 2, 2, p), GradientCheck.random(12, 2, 5, 6, 3), true);
      GradientCheck.check(new MaxPooling2D(3, 3, 2, 2, p), GradientCheck.random(13, 2, 5, 6, 3), true);
      GradientCheck.check(new MaxPooling2D(2, 3, 1, 2, p), GradientCheck.random(14, 1, 4, 7, 2), true);
      GradientCheck.check(new AveragePooling2D(2, 2, 2, 2, p), GradientCheck.random(15, 2, 5, 6, 3), true);
      GradientCheck.check(new AveragePooling2D(3, 3, 2, 2, p), GradientCheck.random(16, 2, 5, 6, 3), true);
      GradientCheck.check(new AveragePooling2D(2, 3, 1, 2, p), GradientCheck.random(17, 1, 4, 7, 2), true);
    }
  }

  @Test
  void globalAveragePooling() {
    GradientCheck.check(new GlobalAveragePooling2D(), GradientCheck.random(18, 2, 5, 6, 3), true);
    GradientCheck.check(new GlobalAveragePooling2D(), GradientCheck.random(19, 1, 1, 1, 4), true);
    org.nd4j.linalg.api.ndarray.INDArray y = new GlobalAveragePooling2D().forward(
        org.nd4j.linalg.factory.Nd4j.create(new double[] {1, 10, 2, 20, 3, 30, 6, 60}, new long[] {1, 2, 2, 2}), false);
    org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {3, 30}, y.data().asDouble(), 1e-12);
    org.junit.jupiter.api.Assertions.assertArrayEquals(new long[] {1, 2}, y.shape());
  }

  @Test
  void batchNormalizationTrainingAndInference() {
    BatchNormalization bn = new BatchNormalization(4, 0.9, 1e-3);
    bn.gamma().assign(GradientCheck.random(18, 4).addi(1.5));
    bn.beta().assign(GradientCheck.random(19, 4));
    GradientCheck.check(bn, GradientCheck.random(20, 6, 4), true);
    GradientCheck.check(bn, GradientCheck.random(21, 3, 3, 2, 4), true);
    bn.runningMean().assign(GradientCheck.random(22, 4));
    bn.runningVariance().assign(GradientCheck.random(23, 4).addi(2));
    GradientCheck.check(bn, GradientCheck.random(24, 5, 4), false);
  }
}
