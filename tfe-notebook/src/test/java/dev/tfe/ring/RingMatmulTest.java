package dev.tfe.ring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both matmul kernels, called directly so that each is covered whatever {@code -Dtfe.matmul}
 * says, must agree bit for bit with a naive triple loop over Z_2^64.
 */
class RingMatmulTest {
  /** Values where wrap-around matters: products of these overflow 64 bits. */
  private static final long[] EDGES = {
    Long.MIN_VALUE, Long.MAX_VALUE, -1L, 1L, 0L, Long.MIN_VALUE + 1, Long.MAX_VALUE - 1,
    1L << 62, (1L << 62) + 12345, -(1L << 62), 0xFFFF_FFFFL, 0x1_0000_0001L, 3037000499L, -3037000500L
  };

  static long[] naive(long[] a, long[] b, int m, int k, int n) {
    long[] c = new long[m * n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        long s = 0;
        for (int p = 0; p < k; p++) {
          s += a[i * k + p] * b[p * n + j];
        }
        c[i * n + j] = s;
      }
    }
    return c;
  }

  static long[] random(SplittableRandom r, int len, boolean edges) {
    long[] x = new long[len];
    for (int i = 0; i < len; i++) {
      x[i] = edges && r.nextInt(3) == 0 ? EDGES[r.nextInt(EDGES.length)] : r.nextLong();
    }
    return x;
  }

  static long[] product(RingMatmul.Kernel kernel, boolean parallel, long[] a, long[] b, int m, int k, int n) {
    if (kernel == RingMatmul.Kernel.VECTOR) {
      assumeTrue(RingMatmul.vectorAvailable(), "the Vector API is not available on this JVM");
    }
    long[] c = new long[m * n];
    RingMatmul.run(kernel, parallel, a, b, c, m, k, n);
    return c;
  }

  static Stream<Arguments> smallShapes() {
    int[] dims = {0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 23, 24, 25, 31, 33, 49};
    List<Arguments> out = new ArrayList<>();
    SplittableRandom r = new SplittableRandom(7);
    for (RingMatmul.Kernel kernel : RingMatmul.Kernel.values()) {
      for (int i = 0; i < 60; i++) {
        out.add(Arguments.of(kernel, dims[r.nextInt(dims.length)], dims[r.nextInt(dims.length)], dims[r.nextInt(dims.length)]));
      }
      for (int[] s : new int[][] {{1, 1, 1}, {1, 784, 128}, {4, 784, 10}, {100, 784, 128}, {129, 257, 131}, {5, 300, 1}, {300, 1, 7}, {6, 2, 1025}}) {
        out.add(Arguments.of(kernel, s[0], s[1], s[2]));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}x{2} * {2}x{3}")
  @MethodSource("smallShapes")
  void agreesWithNaiveLoop(RingMatmul.Kernel kernel, int m, int k, int n) {
    SplittableRandom r = new SplittableRandom(31L * m + 17L * k + n);
    long[] a = random(r, m * k, true);
    long[] b = random(r, k * n, true);
    assertArrayEquals(naive(a, b, m, k, n), product(kernel, false, a, b, m, k, n));
  }

  static Stream<Arguments> largeShapes() {
    List<Arguments> out = new ArrayList<>();
    for (RingMatmul.Kernel kernel : RingMatmul.Kernel.values()) {
      // each above RingMatmul.PARALLEL_THRESHOLD: split by rows, by columns, and a single row
      for (int[] s : new int[][] {{301, 100, 90}, {130, 150, 131}, {20, 300, 400}, {5, 600, 801}, {1, 2100, 1100}, {600, 1030, 7}}) {
        out.add(Arguments.of(kernel, s[0], s[1], s[2]));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}x{2} * {2}x{3}")
  @MethodSource("largeShapes")
  void parallelSplitAgreesWithNaiveLoop(RingMatmul.Kernel kernel, int m, int k, int n) {
    assertTrue((long) m * k * n > RingMatmul.PARALLEL_THRESHOLD);
    SplittableRandom r = new SplittableRandom(m + 1000L * n);
    long[] a = random(r, m * k, true);
    long[] b = random(r, k * n, false);
    assertArrayEquals(naive(a, b, m, k, n), product(kernel, true, a, b, m, k, n));
  }

  @ParameterizedTest
  @EnumSource(RingMatmul.Kernel.class)
  void wrapsAroundExactlyOnEdgeValues(RingMatmul.Kernel kernel) {
    int m = EDGES.length;
    int n = EDGES.length + 3;
    int k = 3;
    long[] a = new long[m * k];
    long[] b = new long[k * n];
    for (int i = 0; i < m; i++) {
      for (int p = 0; p < k; p++) {
        a[i * k + p] = EDGES[(i + p) % EDGES.length];
      }
    }
    for (int p = 0; p < k; p++) {
      for (int j = 0; j < n; j++) {
        b[p * n + j] = EDGES[(2 * j + p) % EDGES.length];
      }
    }
    long[] c = product(kernel, false, a, b, m, k, n);
    assertArrayEquals(naive(a, b, m, k, n), c);
    // spot checks against arithmetic done by hand
    long[] one = product(kernel, false, new long[] {Long.MAX_VALUE, Long.MAX_VALUE}, new long[] {2, 1}, 1, 2, 1);
    assertEquals(Long.MAX_VALUE - 2, one[0]); // 3 * (2^63 - 1) = 2^63 - 3 mod 2^64
    long[] min = product(kernel, false, new long[] {Long.MIN_VALUE}, new long[] {-1, 2, 3}, 1, 1, 3);
    assertArrayEquals(new long[] {Long.MIN_VALUE, 0L, Long.MIN_VALUE}, min);
  }

  @ParameterizedTest
  @EnumSource(RingMatmul.Kernel.class)
  void blockTouchesOnlyItsRowsAndColumns(RingMatmul.Kernel kernel) {
    if (kernel == RingMatmul.Kernel.VECTOR) {
      assumeTrue(RingMatmul.vectorAvailable());
    }
    int m = 23;
    int k = 19;
    int n = 41;
    SplittableRandom r = new SplittableRandom(3);
    long[] a = random(r, m * k, true);
    long[] b = random(r, k * n, true);
    long[] full = naive(a, b, m, k, n);
    int r0 = 5;
    int r1 = 18;
    int c0 = 3;
    int c1 = 37;
    long[] c = new long[m * n];
    if (kernel == RingMatmul.Kernel.VECTOR) {
      VectorMatmul.multiplyBlock(a, b, c, m, k, n, r0, r1, c0, c1);
    } else {
      ScalarMatmul.multiplyBlock(a, b, c, m, k, n, r0, r1, c0, c1);
    }
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        boolean inside = i >= r0 && i < r1 && j >= c0 && j < c1;
        assertEquals(inside ? full[i * n + j] : 0L, c[i * n + j], "element " + i + "," + j);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(RingMatmul.Kernel.class)
  void accumulatesIntoC(RingMatmul.Kernel kernel) {
    SplittableRandom r = new SplittableRandom(11);
    int m = 9;
    int k = 700;
    int n = 37;
    long[] a = random(r, m * k, true);
    long[] b = random(r, k * n, true);
    long[] c0 = random(r, m * n, true);
    long[] expected = naive(a, b, m, k, n);
    for (int i = 0; i < expected.length; i++) {
      expected[i] += c0[i];
    }
    if (kernel == RingMatmul.Kernel.VECTOR) {
      assumeTrue(RingMatmul.vectorAvailable());
    }
    long[] c = c0.clone();
    RingMatmul.run(kernel, false, a, b, c, m, k, n);
    assertArrayEquals(expected, c);
  }

  @Test
  void publicMultiplyHonoursTheProperty() {
    SplittableRandom r = new SplittableRandom(5);
    long[] a = random(r, 13 * 29, true);
    long[] b = random(r, 29 * 31, true);
    long[] expected = naive(a, b, 13, 29, 31);
    String old = System.getProperty(RingMatmul.PROPERTY);
    try {
      System.setProperty(RingMatmul.PROPERTY, "scalar");
      assertTrue(RingMatmul.kernelName().startsWith("scalar"), RingMatmul.kernelName());
      assertArrayEquals(expected, RingMatmul.multiply(a, b, 13, 29, 31));
      if (RingMatmul.vectorAvailable()) {
        System.setProperty(RingMatmul.PROPERTY, "vector");
        assertTrue(RingMatmul.kernelName().startsWith("vector"), RingMatmul.kernelName());
        assertArrayEquals(expected, RingMatmul.multiply(a, b, 13, 29, 31));
      } else {
        System.setProperty(RingMatmul.PROPERTY, "vector");
        assertThrows(IllegalStateException.class, () -> RingMatmul.multiply(a, b, 13, 29, 31));
      }
      System.setProperty(RingMatmul.PROPERTY, "simd");
      assertThrows(IllegalArgumentException.class, () -> RingMatmul.multiply(a, b, 13, 29, 31));
      System.clearProperty(RingMatmul.PROPERTY);
      assertArrayEquals(expected, RingMatmul.multiply(a, b, 13, 29, 31));
      assertTrue(RingMatmul.kernelName().startsWith(RingMatmul.vectorAvailable() ? "vector" : "scalar"));
    } finally {
      if (old == null) {
        System.clearProperty(RingMatmul.PROPERTY);
      } else {
        System.setProperty(RingMatmul.PROPERTY, old);
      }
    }
  }

  @Test
  void vectorKernelIsAvailableUnderTheBuildFlags() {
    // surefire passes --add-modules jdk.incubator.vector; if this fails, the fast path is silently off
    assertTrue(RingMatmul.vectorAvailable(), "Vector API probe failed: " + RingMatmul.kernelName());
  }

  @Test
  void rejectsWrongLengthsAndHandlesEmptyShapes() {
    assertThrows(IllegalArgumentException.class, () -> RingMatmul.multiply(new long[5], new long[6], 2, 3, 2));
    assertThrows(IllegalArgumentException.class, () -> RingMatmul.multiply(new long[6], new long[5], 2, 3, 2));
    assertThrows(IllegalArgumentException.class, () -> RingMatmul.multiply(new long[0], new long[0], -1, 0, 0));
    assertArrayEquals(new long[6], RingMatmul.multiply(new long[0], new long[0], 2, 0, 3));
    assertArrayEquals(new long[0], RingMatmul.multiply(new long[0], new long[12], 0, 4, 3));
    assertArrayEquals(new long[0], RingMatmul.multiply(new long[8], new long[0], 2, 4, 0));
  }

  @Test
  void tensorMatmulUsesTheKernel() {
    RingTensor a = RingTensor.of(new long[] {1, 2, 3, 4, 5, 6}, 2, 3);
    RingTensor b = RingTensor.of(new long[] {7, 8, 9, 10, 11, 12}, 3, 2);
    assertEquals(RingTensor.of(new long[] {58, 64, 139, 154}, 2, 2), a.matmul(b));
    assertThrows(IllegalArgumentException.class, () -> a.matmul(a));
  }
}
