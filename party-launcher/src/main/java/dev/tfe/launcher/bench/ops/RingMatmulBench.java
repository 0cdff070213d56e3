package dev.tfe.launcher.bench.ops;

import dev.tfe.ring.RingMatmul;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The matrix product {@code m x k} by {@code k x n}: over Z_2^64 through {@link RingMatmul} with
 * its Vector-API kernel and with its scalar kernel, and ND4J's double-precision gemm on the same
 * shapes (the plaintext cost a private product is compared with). Shapes: one MNIST image and a
 * batch of 128 through a 784x128 dense layer, and 1024 cubed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RingMatmulBench {
  /** {@code m x k x n}. */
  @Param({"1x784x128", "128x784x128", "1024x1024x1024"})
  public String shape;

  /** {@code vector} or {@code scalar} (the ring kernels), or {@code nd4j} (double gemm). */
  @Param({"vector", "scalar", "nd4j"})
  public String impl;

  private int m;
  private int k;
  private int n;
  private long[] a;
  private long[] b;
  private INDArray da;
  private INDArray db;
  private INDArray dc;

  @Setup(Level.Trial)
  public void setUp() {
    String[] d = shape.split("x");
    m = Integer.parseInt(d[0]);
    k = Integer.parseInt(d[1]);
    n = Integer.parseInt(d[2]);
    SplittableRandom rnd = new SplittableRandom(42);
    a = rnd.longs((long) m * k).toArray();
    b = rnd.longs((long) k * n).toArray();
    if (impl.equals("nd4j")) {
      da = Nd4j.rand(DataType.DOUBLE, m, k);
      db = Nd4j.rand(DataType.DOUBLE, k, n);
      dc = Nd4j.create(DataType.DOUBLE, m, n);
    } else {
      if (impl.equals("vector") && !RingMatmul.vectorAvailable()) {
        throw new IllegalStateException("the Vector API is unavailable: run with --add-modules jdk.incubator.vector");
      }
      System.setProperty(RingMatmul.PROPERTY, impl);
    }
  }

  @Benchmark
  public Object multiply() {
    if (dc != null) {
      return Nd4j.gemm(da, db, dc, false, false, 1.0, 0.0);
    }
    return RingMatmul.multiply(a, b, m, k, n);
  }
}
