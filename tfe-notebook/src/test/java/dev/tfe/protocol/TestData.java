package dev.tfe.protocol;

import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Reproducible test tensors (not secrets: java.util.Random is fine here). */
public final class TestData {
  private TestData() {}

  /** Uniform values in [-bound, bound], on the fixed-point grid 2^-16. */
  public static INDArray uniform(Random rnd, double bound, int... shape) {
    long n = 1;
    for (int d : shape) {
      n *= d;
    }
    double[] v = new double[(int) n];
    for (int i = 0; i < v.length; i++) {
      v[i] = Math.round((rnd.nextDouble() * 2 - 1) * bound * 65536) / 65536.0;
    }
    long[] ls = new long[shape.length];
    for (int i = 0; i < shape.length; i++) {
      ls[i] = shape[i];
    }
    return Nd4j.create(v, ls, DataType.DOUBLE);
  }

  public static INDArray of(double[] v, int... shape) {
    long[] ls = new long[shape.length];
    for (int i = 0; i < shape.length; i++) {
      ls[i] = shape[i];
    }
    return Nd4j.create(v.clone(), ls, DataType.DOUBLE);
  }
}
