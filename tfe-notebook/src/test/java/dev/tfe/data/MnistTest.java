package dev.tfe.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

class MnistTest {
  @TempDir
  Path dir;

  @Test
  void bundledDigitsAreSplit8000And2000() {
    Mnist mnist = Mnist.load();
    assertSame(mnist, Mnist.load(), "the bundled set is read once");
    assertEquals(8000, mnist.train().size());
    assertEquals(2000, mnist.test().size());
    assertArrayEquals(new int[] {784}, mnist.train().exampleShape());
    INDArray x = mnist.train().features(0, 100);
    assertTrue(x.minNumber().doubleValue() >= 0 && x.maxNumber().doubleValue() <= 1);
    assertEquals(1.0, x.maxNumber().doubleValue(), 0, "255 scales to 1");
    int[] counts = new int[10];
    for (Dataset d : new Dataset[] {mnist.train(), mnist.test()}) {
      for (int c : d.classes()) {
        counts[c]++;
      }
    }
    // class counts from the provenance README
    assertArrayEquals(new int[] {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978}, counts);
    assertArrayEquals(new int[] {28, 28, 1}, mnist.test().reshaped(28, 28, 1).exampleShape());
  }

  @Test
  void readsTheTenThousandNamesFromADirectory() throws IOException {
    for (String name : new String[] {"digits-10k-images-idx3-ubyte.gz", "digits-10k-labels-idx1-ubyte.gz"}) {
      try (InputStream in = Mnist.class.getResourceAsStream("/dev/tfe/data/mnist/" + name)) {
        Files.copy(in, dir.resolve(name));
      }
    }
    Mnist mnist = Mnist.load(dir);
    assertEquals(8000, mnist.train().size());
    assertEquals(Mnist.load().test().features(0, 3), mnist.test().features(0, 3));
    assertArrayEquals(Mnist.load().test().classes(), mnist.test().classes());
  }

  @Test
  void readsTheFullMnistNames() throws IOException {
    writePair("train-images-idx3-ubyte", "train-labels-idx1-ubyte", 6, false);
    writePair("t10k-images.idx3-ubyte.gz", "t10k-labels.idx1-ubyte.gz", 4, true);
    Mnist mnist = Mnist.load(dir);
    assertEquals(6, mnist.train().size());
    assertEquals(4, mnist.test().size());
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, mnist.train().classes());
    assertEquals(3 / 255.0, mnist.test().features().getDouble(3, 0), 1e-15);
  }

  @Test
  void aTestPairAloneIsSplit80To20() throws IOException {
    writePair("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte", 10, false);
    Mnist mnist = Mnist.load(dir);
    assertEquals(8, mnist.train().size());
    assertEquals(2, mnist.test().size());
  }

  @Test
  void clearErrors() throws IOException {
    java.io.FileNotFoundException missing = assertThrows(java.io.FileNotFoundException.class, () -> Mnist.load(dir));
    assertTrue(missing.getMessage().contains("train-images-idx3-ubyte"), missing.getMessage());
    assertThrows(java.io.FileNotFoundException.class, () -> Mnist.load(dir.resolve("nowhere")));
    IdxTest.write(dir.resolve("t10k-images-idx3-ubyte"), IdxTest.idx(0x08, new int[] {3, 2, 2}, new byte[12]), false);
    IdxTest.write(dir.resolve("t10k-labels-idx1-ubyte"), IdxTest.idx(0x08, new int[] {2}, new byte[] {1, 2}), false);
    IdxFormatException e = assertThrows(IdxFormatException.class, () -> Mnist.load(dir));
    assertTrue(e.getMessage().contains("3 images but 2 labels"), e.getMessage());
    IdxTest.write(dir.resolve("t10k-labels-idx1-ubyte"), IdxTest.idx(0x08, new int[] {3}, new byte[] {1, 12, 2}), false);
    e = assertThrows(IdxFormatException.class, () -> Mnist.load(dir));
    assertTrue(e.getMessage().contains("label 12 of example 1"), e.getMessage());
  }

  /** Images whose first pixel is the example index and labels equal to the index mod 10. */
  private void writePair(String images, String labels, int n, boolean gzip) throws IOException {
    byte[] pixels = new byte[n * 784];
    byte[] classes = new byte[n];
    for (int i = 0; i < n; i++) {
      pixels[i * 784] = (byte) i;
      classes[i] = (byte) (i % 10);
    }
    IdxTest.write(dir.resolve(images), IdxTest.idx(0x08, new int[] {n, 28, 28}, pixels), gzip);
    IdxTest.write(dir.resolve(labels), IdxTest.idx(0x08, new int[] {n}, classes), gzip);
  }
}
