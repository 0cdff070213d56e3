package dev.tfe.model.train;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Turns labels (class indices or targets) into a target matrix shaped like the output. */
final class Targets {
  private Targets() {}

  /** Labels as a {@code [N, K]} matrix matching {@code output [N, K]}: class indices become one-hot rows. */
  static INDArray matrix(INDArray output, INDArray labels) {
    if (output.rank() != 2) {
      throw new IllegalArgumentException("a loss needs an output of shape [N, K], got " + Arrays.toString(output.shape()));
    }
    long n = output.size(0);
    long k = output.size(1);
    INDArray l = labels.castTo(DataType.DOUBLE);
    if (l.size(0) != n) {
      throw new IllegalArgumentException("the batch has " + n + " outputs but " + l.size(0) + " labels");
    }
    if (Arrays.equals(l.shape(), output.shape())) {
      return l;
    }
    if (l.rank() == 1 || (l.rank() == 2 && l.size(1) == 1)) {
      if (k == 1) {
        return l.reshape(n, 1);
      }
      double[] idx = l.dup('c').data().asDouble();
      INDArray oneHot = Nd4j.zeros(DataType.DOUBLE, n, k);
      for (int i = 0; i < n; i++) {
        double c = idx[i];
        if (c != Math.rint(c) || c < 0 || c >= k) {
          throw new IllegalArgumentException("label " + c + " at row " + i + " is not a class index in [0, " + k + ")");
        }
        oneHot.putScalar(i, (long) c, 1.0);
      }
      return oneHot;
    }
    throw new IllegalArgumentException("labels of shape " + Arrays.toString(l.shape())
        + " do not fit an output of shape " + Arrays.toString(output.shape())
        + "; expected class indices [N] or targets [N, K]");
  }
}
