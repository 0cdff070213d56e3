package dev.tfe.ring;

/** The portable scalar matmul kernel over Z_2^64 (placeholder ordering: i-k-j). */
final class ScalarMatmul {
  private ScalarMatmul() {}

  static void multiply(long[] a, long[] b, long[] c, int m, int k, int n) {
    for (int i = 0; i < m; i++) {
      int ci = i * n;
      for (int p = 0; p < k; p++) {
        long av = a[i * k + p];
        int bp = p * n;
        for (int j = 0; j < n; j++) {
          c[ci + j] += av * b[bp + j];
        }
      }
    }
  }
}
