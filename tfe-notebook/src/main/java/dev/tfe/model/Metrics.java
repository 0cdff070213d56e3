package dev.tfe.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Classification counts shared by training and evaluation. */
final class Metrics {
  private Metrics() {}

  /** Arg-max class of each output row; a single output column is thresholded at 0.5. */
  static int[] classes(INDArray output) {
    if (output.rank() != 2) {
      throw new IllegalArgumentException("class predictions need outputs [N, K], got " + java.util.Arrays.toString(output.shape()));
    }
    int n = (int) output.size(0);
    int[] c = new int[n];
    if (output.size(1) == 1) {
      for (int i = 0; i < n; i++) {
        c[i] = output.getDouble(i, 0) > 0.5 ? 1 : 0;
      }
      return c;
    }
    long[] arg = output.argMax(1).toLongVector();
    for (int i = 0; i < n; i++) {
      c[i] = (int) arg[i];
    }
    return c;
  }

  /** How many rows of {@code output} predict their label (class indices [N], or target rows [N, K] by arg-max). */
  static int correct(INDArray output, INDArray labels) {
    int[] predicted = classes(output);
    int[] truth = labels.rank() == 2 && labels.size(1) > 1 ? classes(labels) : toInts(labels);
    int correct = 0;
    for (int i = 0; i < predicted.length; i++) {
      if (predicted[i] == truth[i]) {
        correct++;
      }
    }
    return correct;
  }

  private static int[] toInts(INDArray labels) {
    double[] d = labels.dup('c').data().asDouble();
    int[] c = new int[d.length];
    for (int i = 0; i < d.length; i++) {
      c[i] = (int) Math.rint(d[i]);
    }
    return c;
  }
}
