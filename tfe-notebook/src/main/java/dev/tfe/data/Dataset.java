package dev.tfe.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * An immutable set of examples: features {@code [N, ...]} and labels, as ND4J {@code DOUBLE}
 * arrays in row-major order. Labels are either class indices ({@link #isClassification()}: a
 * vector {@code [N]} of integers in {@code [0, numClasses)}, with optional class names) or
 * regression targets {@code [N, T]}.
 *
 * <p>Slicing ({@link #slice}, {@link #subset}, {@link #shuffled}) and reshaping
 * ({@link #reshaped}, for example {@code mnist.train().reshaped(28, 28, 1)} for a CNN) return new
 * data sets; accessors return copies, so a data set never changes.
 */
public final class Dataset {
  private final INDArray features;
  private final INDArray labels;
  private final int numClasses;
  private final List<String> classNames;

  private Dataset(INDArray features, INDArray labels, int numClasses, List<String> classNames) {
    this.features = features;
    this.labels = labels;
    this.numClasses = numClasses;
    this.classNames = classNames;
  }

  /** A classification data set: {@code features [N, ...]} and class indices in {@code [0, numClasses)}. */
  public static Dataset classification(INDArray features, int[] classes, int numClasses) {
    return classification(features, classes, numClasses, null);
  }

  /** A classification data set whose number of classes is the largest index plus one. */
  public static Dataset classification(INDArray features, int[] classes) {
    return classification(features, classes, Arrays.stream(classes).max().orElse(-1) + 1, null);
  }

  /** A classification data set with a name per class ({@code classNames.size()} classes). */
  public static Dataset classification(INDArray features, int[] classes, List<String> classNames) {
    return classification(features, classes, classNames.size(), classNames);
  }

  private static Dataset classification(INDArray features, int[] classes, int numClasses, List<String> names) {
    INDArray f = checkFeatures(features, classes.length);
    double[] l = new double[classes.length];
    for (int i = 0; i < classes.length; i++) {
      if (classes[i] < 0 || classes[i] >= numClasses) {
        throw new IllegalArgumentException("class " + classes[i] + " of example " + i + " is not in [0, " + numClasses + ")");
      }
      l[i] = classes[i];
    }
    return new Dataset(f, Nd4j.create(l, new long[] {classes.length}, DataType.DOUBLE), numClasses,
        names == null ? null : List.copyOf(names));
  }

  /** A regression data set: {@code features [N, ...]} and targets {@code [N]} or {@code [N, T]}. */
  public static Dataset regression(INDArray features, INDArray targets) {
    INDArray t = targets.castTo(DataType.DOUBLE).dup('c');
    if (t.rank() == 1) {
      t = t.reshape('c', t.length(), 1);
    }
    if (t.rank() != 2) {
      throw new IllegalArgumentException("targets must be [N] or [N, T], got " + Arrays.toString(targets.shape()));
    }
    return new Dataset(checkFeatures(features, t.size(0)), t, 0, null);
  }

  private static INDArray checkFeatures(INDArray features, long n) {
    if (features.rank() < 2) {
      throw new IllegalArgumentException("features must be [N, ...] with rank >= 2, got " + Arrays.toString(features.shape()));
    }
    if (features.size(0) != n) {
      throw new IllegalArgumentException("there are " + features.size(0) + " feature rows but " + n + " labels");
    }
    return features.castTo(DataType.DOUBLE).dup('c');
  }

  /** The number of examples. */
  public int size() {
    return (int) features.size(0);
  }

  /** All features {@code [N, ...]} (a copy). */
  public INDArray features() {
    return features.dup('c');
  }

  /** The features of examples {@code from} (inclusive) to {@code to} (exclusive). */
  public INDArray features(int from, int to) {
    return rows(features, from, to);
  }

  /** The labels: class indices {@code [N]} or targets {@code [N, T]} (a copy). */
  public INDArray labels() {
    return labels.dup('c');
  }

  /** The labels of examples {@code from} (inclusive) to {@code to} (exclusive). */
  public INDArray labels(int from, int to) {
    return rows(labels, from, to);
  }

  /** The class index of every example. */
  public int[] classes() {
    requireClassification();
    double[] l = labels.dup('c').data().asDouble();
    int[] c = new int[l.length];
    for (int i = 0; i < l.length; i++) {
      c[i] = (int) l[i];
    }
    return c;
  }

  /** Labels as one-hot rows {@code [N, numClasses]}. */
  public INDArray oneHotLabels() {
    int[] c = classes();
    INDArray out = Nd4j.zeros(DataType.DOUBLE, c.length, numClasses);
    for (int i = 0; i < c.length; i++) {
      out.putScalar(i, c[i], 1.0);
    }
    return out;
  }

  /** Whether labels are class indices (rather than regression targets). */
  public boolean isClassification() {
    return numClasses > 0;
  }

  /** The number of classes (0 for a regression data set). */
  public int numClasses() {
    return numClasses;
  }

  /** The class names, if known (for example from a CSV's string label column); else {@code "0"}, {@code "1"}, ... */
  public List<String> classNames() {
    requireClassification();
    if (classNames != null) {
      return classNames;
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < numClasses; i++) {
      names.add(Integer.toString(i));
    }
    return names;
  }

  /** The shape of one example's features, for example {@code [784]} or {@code [28, 28, 1]}. */
  public int[] exampleShape() {
    long[] s = features.shape();
    int[] e = new int[s.length - 1];
    for (int i = 1; i < s.length; i++) {
      e[i - 1] = (int) s[i];
    }
    return e;
  }

  /** Examples {@code from} (inclusive) to {@code to} (exclusive). */
  public Dataset slice(int from, int to) {
    return new Dataset(rows(features, from, to), rows(labels, from, to), numClasses, classNames);
  }

  /** The first {@code n} examples. */
  public Dataset head(int n) {
    return slice(0, Math.min(n, size()));
  }

  /** The examples at these indices, in this order (repetitions allowed). */
  public Dataset subset(int[] indices) {
    for (int i : indices) {
      if (i < 0 || i >= size()) {
        throw new IndexOutOfBoundsException("example " + i + " of a data set of " + size());
      }
    }
    return new Dataset(gather(features, indices), gather(labels, indices), numClasses, classNames);
  }

  /** The examples in an order drawn from {@code seed} (Fisher-Yates). */
  public Dataset shuffled(long seed) {
    return subset(permutation(size(), new SplittableRandom(seed)));
  }

  /** The same examples with each one's features reshaped (row-major), for example to {@code (28, 28, 1)}. */
  public Dataset reshaped(int... exampleShape) {
    long[] shape = new long[exampleShape.length + 1];
    shape[0] = size();
    long n = 1;
    for (int i = 0; i < exampleShape.length; i++) {
      shape[i + 1] = exampleShape[i];
      n *= exampleShape[i];
    }
    if (n * size() != features.length()) {
      throw new IllegalArgumentException("cannot reshape examples of shape " + Arrays.toString(exampleShape())
          + " to " + Arrays.toString(exampleShape));
    }
    return new Dataset(features.reshape('c', shape).dup('c'), labels, numClasses, classNames);
  }

  /** A random permutation of {@code 0 .. n-1} (Fisher-Yates with {@code rng}). */
  public static int[] permutation(int n, SplittableRandom rng) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  private void requireClassification() {
    if (!isClassification()) {
      throw new IllegalStateException("this data set has regression targets, not classes");
    }
  }

  private INDArray rows(INDArray a, int from, int to) {
    if (from < 0 || to > size() || from > to) {
      throw new IndexOutOfBoundsException("rows [" + from + ", " + to + ") of a data set of " + size());
    }
    INDArray flat = a.reshape('c', a.size(0), a.length() / Math.max(a.size(0), 1));
    long[] shape = a.shape().clone();
    shape[0] = to - from;
    if (to == from) {
      return Nd4j.zeros(DataType.DOUBLE, shape);
    }
    return flat.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).dup('c').reshape('c', shape);
  }

  private static INDArray gather(INDArray a, int[] indices) {
    long[] shape = a.shape().clone();
    shape[0] = indices.length;
    if (indices.length == 0) {
      return Nd4j.zeros(DataType.DOUBLE, shape);
    }
    INDArray flat = a.reshape('c', a.size(0), a.length() / a.size(0));
    return Nd4j.pullRows(flat, 1, indices).reshape('c', shape);
  }

  @Override
  public String toString() {
    String labelText = isClassification() ? numClasses + " classes" : labels.size(1) + " regression targets";
    return "Dataset(" + size() + " examples of shape " + Arrays.toString(exampleShape()) + ", " + labelText + ")";
  }
}
