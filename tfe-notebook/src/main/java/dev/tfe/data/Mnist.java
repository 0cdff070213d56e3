package dev.tfe.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The MNIST handwritten digits (LeCun, Cortes and Burges), as a training and a test
 * {@link Dataset}: features {@code [N, 784]} (28 x 28 pixels, row-major, scaled from 0..255 to
 * [0, 1]) and class labels 0..9. For a CNN use {@code train().reshaped(28, 28, 1)}.
 *
 * <ul>
 *   <li>{@link #load()}: the embedded default, 10,000 real digits bundled in this library
 *       (resource {@code dev/tfe/data/mnist/}, with their provenance in the README there), split
 *       conventionally into the first 8,000 for training and the last 2,000 for testing.</li>
 *   <li>{@link #load(Path)}: standard IDX files from a directory: the full MNIST names
 *       ({@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
 *       {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte}; also with {@code .gz}, or
 *       with a dot before {@code idx}) give 60,000 training and 10,000 test digits; the 10k names
 *       ({@code digits-10k-images-idx3-ubyte[.gz]}, {@code digits-10k-labels-idx1-ubyte[.gz]}), or a
 *       t10k pair alone, are split 80/20 as above.</li>
 * </ul>
 */
public final class Mnist {
  public static final int ROWS = 28;
  public static final int COLUMNS = 28;
  public static final int PIXELS = ROWS * COLUMNS;
  public static final int CLASSES = 10;
  /** Fraction of a single IDX pair used for training (8,000 of 10,000). */
  public static final double TRAIN_FRACTION = 0.8;

  private static final String RESOURCE_DIR = "/dev/tfe/data/mnist/";
  private static volatile Mnist bundled;

  private final Dataset train;
  private final Dataset test;
  private final String source;

  private Mnist(Dataset train, Dataset test, String source) {
    this.train = train;
    this.test = test;
    this.source = source;
  }

  /** The bundled 10,000 digits: 8,000 for training, 2,000 for testing. */
  public static Mnist load() {
    Mnist m = bundled;
    if (m == null) {
      synchronized (Mnist.class) {
        if (bundled == null) {
          try {
            IdxArray images = readResource("digits-10k-images-idx3-ubyte.gz");
            IdxArray labels = readResource("digits-10k-labels-idx1-ubyte.gz");
            bundled = split(toDataset(images, labels, "bundled MNIST"), "bundled MNIST digits (10,000)");
          } catch (IOException e) {
            throw new UncheckedIOException("the bundled MNIST digits cannot be read", e);
          }
        }
        m = bundled;
      }
    }
    return m;
  }

  /** MNIST from IDX files in {@code dir} (see the class description for the names recognised). */
  public static Mnist load(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new java.io.FileNotFoundException(dir + " is not a directory; Mnist.load(Path) expects a directory of IDX files");
    }
    Path trainImages = find(dir, "train-images", "idx3-ubyte");
    Path trainLabels = find(dir, "train-labels", "idx1-ubyte");
    Path testImages = find(dir, "t10k-images", "idx3-ubyte");
    Path testLabels = find(dir, "t10k-labels", "idx1-ubyte");
    if (trainImages != null && trainLabels != null && testImages != null && testLabels != null) {
      return new Mnist(read(trainImages, trainLabels), read(testImages, testLabels), "MNIST IDX files in " + dir);
    }
    Path images = find(dir, "digits-10k-images", "idx3-ubyte");
    Path labels = find(dir, "digits-10k-labels", "idx1-ubyte");
    if (images == null || labels == null) {
      images = testImages;
      labels = testLabels;
    }
    if (images != null && labels != null) {
      return split(read(images, labels), "MNIST IDX files " + images.getFileName() + " in " + dir);
    }
    List<String> present = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.limit(20).forEach(p -> present.add(p.getFileName().toString()));
    }
    throw new java.io.FileNotFoundException("no MNIST IDX files in " + dir + " (found " + present + "); expected "
        + "train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte, "
        + "or digits-10k-images-idx3-ubyte and digits-10k-labels-idx1-ubyte (each optionally .gz)");
  }

  /** One pair of IDX files (images 0x803, labels 0x801) as a data set, pixels scaled to [0, 1]. */
  public static Dataset read(Path images, Path labels) throws IOException {
    return toDataset(Idx.read(images, Idx.IMAGES_MAGIC), Idx.read(labels, Idx.LABELS_MAGIC),
        images.getFileName() + " + " + labels.getFileName());
  }

  /** The training examples. */
  public Dataset train() {
    return train;
  }

  /** The test examples. */
  public Dataset test() {
    return test;
  }

  /** Where the digits came from. */
  public String source() {
    return source;
  }

  private static IdxArray readResource(String name) throws IOException {
    try (InputStream in = Mnist.class.getResourceAsStream(RESOURCE_DIR + name)) {
      if (in == null) {
        throw new java.io.FileNotFoundException("resource " + RESOURCE_DIR + name + " is missing from the classpath");
      }
      return Idx.read(in, "resource " + RESOURCE_DIR + name);
    }
  }

  private static Path find(Path dir, String stem, String kind) {
    for (String sep : new String[] {"-", "."}) {
      for (String ext : new String[] {"", ".gz"}) {
        Path p = dir.resolve(stem + sep + kind + ext);
        if (Files.isRegularFile(p)) {
          return p;
        }
      }
    }
    return null;
  }

  private static Mnist split(Dataset all, String source) {
    int cut = (int) Math.round(all.size() * TRAIN_FRACTION);
    return new Mnist(all.slice(0, cut), all.slice(cut, all.size()), source);
  }

  static Dataset toDataset(IdxArray images, IdxArray labels, String source) throws IdxFormatException {
    if (images.magic() != Idx.IMAGES_MAGIC || labels.magic() != Idx.LABELS_MAGIC) {
      throw new IdxFormatException(source + ": expected images with magic 0x803 and labels with 0x801, got 0x"
          + Integer.toHexString(images.magic()) + " and 0x" + Integer.toHexString(labels.magic()));
    }
    int[] d = images.dims();
    int n = d[0];
    if (labels.size() != n) {
      throw new IdxFormatException(source + ": " + n + " images but " + labels.size() + " labels");
    }
    int[] classes = new int[n];
    for (int i = 0; i < n; i++) {
      classes[i] = (int) labels.get(i);
      if (classes[i] >= CLASSES) {
        throw new IdxFormatException(source + ": label " + classes[i] + " of example " + i + " is not a digit 0..9");
      }
    }
    double[] pixels = images.toDoubles();
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] /= 255.0;
    }
    long pixelsPerImage = (long) d[1] * d[2];
    return Dataset.classification(Nd4j.create(pixels, new long[] {n, pixelsPerImage}, DataType.DOUBLE), classes, CLASSES);
  }

  @Override
  public String toString() {
    return "Mnist(" + source + ": " + train.size() + " train, " + test.size() + " test)";
  }
}
