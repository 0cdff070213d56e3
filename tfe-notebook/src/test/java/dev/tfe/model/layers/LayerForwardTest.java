package dev.tfe.model.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Each layer's forward pass against hand-computed values and naive references. */
class LayerForwardTest {

  private static INDArray arr(double[] v, long... shape) {
    return Nd4j.create(v, shape, DataType.DOUBLE);
  }

  private static INDArray oneToN(long... shape) {
    return Nd4j.arange(1, 1 + Nd4j.create(DataType.DOUBLE, shape).length()).castTo(DataType.DOUBLE).reshape('c', shape);
  }

  @Test
  void tensorflowPaddingConvention() {
    // out = ceil(in / s); total = max((out - 1) s + k - in, 0); the odd cell goes after
    assertEquals(3, Padding.SAME.outputSize(5, 3, 2));
    assertEquals(1, Padding.SAME.padBefore(5, 3, 2));
    assertEquals(1, Padding.SAME.padAfter(5, 3, 2));
    assertEquals(3, Padding.SAME.outputSize(6, 3, 2));
    assertEquals(0, Padding.SAME.padBefore(6, 3, 2));
    assertEquals(1, Padding.SAME.padAfter(6, 3, 2));
    assertEquals(3, Padding.SAME.outputSize(7, 4, 3));
    assertEquals(1, Padding.SAME.padBefore(7, 4, 3));
    assertEquals(2, Padding.SAME.padAfter(7, 4, 3));
    assertEquals(24, Padding.VALID.outputSize(28, 5, 1));
    assertEquals(2, Padding.VALID.outputSize(6, 3, 2));
    assertEquals(0, Padding.VALID.padBefore(6, 3, 2));
    assertThrows(IllegalArgumentException.class, () -> Padding.VALID.outputSize(2, 3, 1));
  }

  @Test
  void denseByHand() {
    Dense d = Dense.withWeights(arr(new double[] {1, 2, 3, 4, 5, 6}, 3, 2), arr(new double[] {0.5, -1}, 2));
    INDArray y = d.forward(arr(new double[] {1, 0, -1, 2, 1, 0}, 2, 3), false);
    // [1,0,-1] W = [1-5, 2-6] = [-4, -4]; [2,1,0] W = [2+3, 4+4] = [5, 8]
    assertArrayEquals(new double[] {-3.5, -5, 5.5, 7}, y.dup('c').data().asDouble(), 1e-12);
  }

  @Test
  void activationsByHand() {
    INDArray x = arr(new double[] {-2, -0.5, 0, 0.5, 3, -1}, 2, 3);
    assertArrayEquals(new double[] {0, 0, 0, 0.5, 3, 0}, new ReLU().forward(x, false).dup().data().asDouble(), 0);
    INDArray s = new Sigmoid().forward(x, false);
    for (int i = 0; i < 6; i++) {
      assertEquals(1 / (1 + Math.exp(-x.getDouble(i))), s.getDouble(i), 1e-15);
    }
    INDArray p = new Softmax().forward(arr(new double[] {1, 2, 3, 1000, 1000, 1000}, 2, 3), false);
    double z = Math.exp(1) + Math.exp(2) + Math.exp(3);
    assertArrayEquals(new double[] {Math.exp(1) / z, Math.exp(2) / z, Math.exp(3) / z, 1 / 3.0, 1 / 3.0, 1 / 3.0},
        p.dup().data().asDouble(), 1e-12);
    assertEquals(0, x.getDouble(0) + 2, 0, "forward must not modify its input");
  }

  @Test
  void flattenIsRowMajorWithChannelsFastest() {
    INDArray x = oneToN(2, 2, 2, 3);
    INDArray y = new Flatten().forward(x, false);
    assertArrayEquals(new long[] {2, 12}, y.shape());
    assertEquals(x.getDouble(1, 0, 1, 2), y.getDouble(1, 5), 0);
    INDArray r = new Reshape(2, 2, 3).forward(y, false);
    assertEquals(x, r);
    assertArrayEquals(new int[] {4, 3}, new Reshape(-1, 3).outputShape(new int[] {12}));
    assertThrows(ShapeMismatchException.class, () -> new Reshape(5, -1).outputShape(new int[] {12}));
  }

  @Test
  void conv2dByHandValidAndSame() {
    INDArray x = oneToN(1, 3, 3, 1);
    INDArray ones = Nd4j.ones(DataType.DOUBLE, 2, 2, 1, 1);
    INDArray zero = Nd4j.zeros(DataType.DOUBLE, 1);
    INDArray valid = Conv2D.withWeights(ones, zero, 1, 1, Padding.VALID).forward(x, false);
    assertArrayEquals(new double[] {12, 16, 24, 28}, valid.dup().data().asDouble(), 1e-12);
    // SAME pads one column and one row after (TensorFlow's convention)
    INDArray same = Conv2D.withWeights(ones, zero, 1, 1, Padding.SAME).forward(x, false);
    assertArrayEquals(new double[] {12, 16, 9, 24, 28, 15, 15, 17, 9}, same.dup().data().asDouble(), 1e-12);
  }

  @ParameterizedTest(name = "conv {0}->{1} {2}x{3} strides {4}x{5} {6} on {7}x{8}")
  @CsvSource({"1,4,5,5,1,1,VALID,28,28", "3,2,3,3,1,1,SAME,6,7", "3,2,3,3,2,2,SAME,6,7", "2,3,2,3,2,1,SAME,5,6",
      "1,2,4,4,3,3,SAME,7,8", "2,2,3,2,2,3,VALID,8,9", "4,5,1,1,1,1,VALID,3,3"})
  void conv2dAgreesWithDirectConvolution(int cin, int cout, int kh, int kw, int sh, int sw, Padding p, int h, int w) {
    Conv2D c = new Conv2D(cin, cout, kh, kw, sh, sw, p, Initializer.HE_UNIFORM);
    c.initialize(new SplittableRandom(5));
    c.bias().assign(GradientCheck.random(6, cout));
    INDArray x = GradientCheck.random(7, 2, h, w, cin);
    Reference.assertSame(Reference.conv2d(x, c.kernel(), c.bias(), sh, sw, p), c.forward(x, false), 1e-12);
  }

  @Test
  void poolingByHand() {
    INDArray x = oneToN(1, 4, 4, 1);
    assertArrayEquals(new double[] {6, 8, 14, 16},
        new MaxPooling2D(2, 2, 2, 2, Padding.VALID).forward(x, false).dup().data().asDouble(), 0);
    assertArrayEquals(new double[] {3.5, 5.5, 11.5, 13.5},
        new AveragePooling2D(2, 2, 2, 2, Padding.VALID).forward(x, false).dup().data().asDouble(), 1e-12);
    INDArray x3 = oneToN(1, 3, 3, 1);
    // SAME on 3x3 with a 2x2 window, stride 2: one padding row/column after; padding takes no part
    assertArrayEquals(new double[] {5, 6, 8, 9},
        new MaxPooling2D(2, 2, 2, 2, Padding.SAME).forward(x3, false).dup().data().asDouble(), 0);
    assertArrayEquals(new double[] {3, 4.5, 7.5, 9},
        new AveragePooling2D(2, 2, 2, 2, Padding.SAME).forward(x3, false).dup().data().asDouble(), 1e-12);
    INDArray negative = oneToN(1, 3, 3, 1).negi();
    assertEquals(-1, new MaxPooling2D(2, 2, 2, 2, Padding.SAME).forward(negative, false).getDouble(0), 0,
        "max pooling must not see zeros in the padding");
  }

  @ParameterizedTest(name = "pool {0}x{1} strides {2}x{3} {4}")
  @CsvSource({"2,2,2,2,VALID", "2,2,2,2,SAME", "3,3,2,2,SAME", "3,3,1,1,SAME", "2,3,1,2,VALID", "3,2,3,1,SAME"})
  void poolingAgreesWithDirectPooling(int ph, int pw, int sh, int sw, Padding p) {
    INDArray x = GradientCheck.random(8, 2, 7, 6, 3);
    Reference.assertSame(Reference.pool(x, ph, pw, sh, sw, p, true),
        new MaxPooling2D(ph, pw, sh, sw, p).forward(x, false), 0);
    Reference.assertSame(Reference.pool(x, ph, pw, sh, sw, p, false),
        new AveragePooling2D(ph, pw, sh, sw, p).forward(x, false), 1e-12);
  }

  @Test
  void batchNormalizationTrainingUsesBatchStatisticsAndUpdatesRunningOnes() {
    BatchNormalization bn = new BatchNormalization(2, 0.9, 1e-3);
    INDArray x = arr(new double[] {1, 10, 2, 20, 3, 30, 6, 40}, 4, 2);
    INDArray y = bn.forward(x, true);
    double[] mean = {3, 25};
    double[] var = {3.5, 125};
    for (int c = 0; c < 2; c++) {
      for (int i = 0; i < 4; i++) {
        assertEquals((x.getDouble(i, c) - mean[c]) / Math.sqrt(var[c] + 1e-3), y.getDouble(i, c), 1e-12);
      }
      assertEquals(0.1 * mean[c], bn.runningMean().getDouble(c), 1e-12);
      assertEquals(0.9 + 0.1 * var[c] * 4 / 3, bn.runningVariance().getDouble(c), 1e-12);
    }
  }

  @Test
  void batchNormalizationInferenceIsTheAffineMapOfRunningStatistics() {
    BatchNormalization bn = new BatchNormalization(3, 0.99, 1e-3);
    bn.gamma().assign(arr(new double[] {1, 2, 0.5}, 3));
    bn.beta().assign(arr(new double[] {0, -1, 3}, 3));
    bn.runningMean().assign(arr(new double[] {0.5, -2, 10}, 3));
    bn.runningVariance().assign(arr(new double[] {4, 1, 0.25}, 3));
    INDArray x = GradientCheck.random(9, 2, 2, 2, 3);
    INDArray y = bn.forward(x, false);
    INDArray scale = bn.inferenceScale();
    INDArray shift = bn.inferenceShift();
    for (long i = 0; i < x.length(); i++) {
      int c = (int) (i % 3);
      double expected = (x.getDouble(i) - bn.runningMean().getDouble(c)) / Math.sqrt(bn.runningVariance().getDouble(c) + 1e-3)
          * bn.gamma().getDouble(c) + bn.beta().getDouble(c);
      assertEquals(expected, y.getDouble(i), 1e-12);
      assertEquals(expected, x.getDouble(i) * scale.getDouble(c) + shift.getDouble(c), 1e-12);
    }
    assertEquals(0.5, bn.runningMean().getDouble(0), 0, "inference must not move the running statistics");
  }

  @Test
  void wrongInputShapesNameTheLayerAndBothShapes() {
    ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
        () -> new Dense(784, 10, Initializer.HE_UNIFORM).forward(Nd4j.zeros(DataType.DOUBLE, 2, 700), false));
    assertTrue(e.getMessage().contains("Dense(784 -> 10)") && e.getMessage().contains("[N, 784]")
        && e.getMessage().contains("[N, 700]"), e.getMessage());
    e = assertThrows(ShapeMismatchException.class, () -> new Conv2D(3, 4, 3, 3, 1, 1, Padding.VALID,
        Initializer.HE_UNIFORM).forward(Nd4j.zeros(DataType.DOUBLE, 1, 8, 8, 1), false));
    assertTrue(e.getMessage().contains("[N, ?, ?, 3]") && e.getMessage().contains("[N, 8, 8, 1]"), e.getMessage());
    e = assertThrows(ShapeMismatchException.class, () -> new MaxPooling2D(3, 3, 1, 1, Padding.VALID)
        .forward(Nd4j.zeros(DataType.DOUBLE, 1, 2, 2, 1), false));
    assertTrue(e.getMessage().contains("[N, 2, 2, 1]"), e.getMessage());
    e = assertThrows(ShapeMismatchException.class,
        () -> new BatchNormalization(4, 0.9, 1e-3).outputShape(new int[] {5, 5, 3}));
    assertTrue(e.getMessage().contains("BatchNormalization(4)"), e.getMessage());
  }

  @Test
  void floatInputIsConvertedToDouble() {
    Dense d = Dense.withWeights(Nd4j.eye(3).castTo(DataType.DOUBLE), Nd4j.zeros(DataType.DOUBLE, 3));
    INDArray y = d.forward(Nd4j.ones(DataType.FLOAT, 2, 3), false);
    assertEquals(DataType.DOUBLE, y.dataType());
  }
}
