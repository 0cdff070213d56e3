package dev.tfe.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class DatasetTest {

  private static Dataset sample() {
    INDArray x = Nd4j.arange(0, 24).castTo(DataType.DOUBLE).reshape('c', 6, 4);
    return Dataset.classification(x, new int[] {0, 1, 2, 0, 1, 2});
  }

  @Test
  void slicesSubsetsAndShuffles() {
    Dataset d = sample();
    assertEquals(3, d.numClasses());
    Dataset s = d.slice(2, 5);
    assertEquals(3, s.size());
    assertArrayEquals(new int[] {2, 0, 1}, s.classes());
    assertEquals(8.0, s.features().getDouble(0, 0), 0);
    assertEquals(d.features(2, 5), s.features());
    Dataset sub = d.subset(new int[] {5, 0, 5});
    assertArrayEquals(new int[] {2, 0, 2}, sub.classes());
    assertEquals(20.0, sub.features().getDouble(2, 0), 0);
    Dataset shuffled = d.shuffled(3);
    assertEquals(d.shuffled(3).features(), shuffled.features());
    assertNotEquals(d.features(), shuffled.features());
    for (int i = 0; i < 6; i++) {
      int row = (int) shuffled.features().getDouble(i, 0) / 4;
      assertEquals(d.classes()[row], shuffled.classes()[i], "labels follow their features");
    }
    assertThrows(IndexOutOfBoundsException.class, () -> d.slice(4, 7));
    assertThrows(IndexOutOfBoundsException.class, () -> d.subset(new int[] {6}));
  }

  @Test
  void reshapesOneHotAndCopies() {
    Dataset d = sample();
    Dataset images = d.reshaped(2, 2, 1);
    assertArrayEquals(new long[] {6, 2, 2, 1}, images.features().shape());
    assertEquals(7.0, images.features().getDouble(1, 1, 1, 0), 0);
    assertArrayEquals(new long[] {2, 2, 2, 1}, images.features(4, 6).shape());
    assertEquals(Nd4j.create(new double[][] {{0, 1, 0}}), d.oneHotLabels().getRow(1).reshape(1, 3));
    assertThrows(IllegalArgumentException.class, () -> d.reshaped(3, 3));
    d.features().assign(0);
    assertEquals(1.0, d.features().getDouble(0, 1), 0, "accessors return copies");
    assertThrows(IllegalArgumentException.class, () -> Dataset.classification(Nd4j.zeros(3, 2), new int[] {0, 1}));
    assertThrows(IllegalStateException.class,
        () -> Dataset.regression(Nd4j.zeros(2, 2), Nd4j.zeros(2)).classes());
  }
}
