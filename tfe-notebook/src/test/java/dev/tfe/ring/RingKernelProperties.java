package dev.tfe.ring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the ring kernels against scalar references written here, over arbitrary shapes
 * (including the block edges of the matmul kernels) and arbitrary 64-bit elements: products,
 * sums and transposes mod 2^64 are exact, whichever kernel and threading {@link RingMatmul} uses.
 */
class RingKernelProperties {
  /** A matrix product problem: shapes and elements. */
  record Product(int m, int k, int n, long[] a, long[] b) {
    @Override
    public String toString() {
      return m + "x" + k + " * " + k + "x" + n;
    }
  }

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

  /** Elements of every kind: small, extreme, and uniform 64-bit. */
  static Arbitrary<Long> elements() {
    return Arbitraries.oneOf(Arbitraries.longs().between(-3, 3), Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, -1L),
        Arbitraries.longs());
  }

  static Arbitrary<long[]> array(int size) {
    return elements().array(long[].class).ofSize(size);
  }

  @Provide
  Arbitrary<Product> products() {
    // dimensions up to 70, k sometimes past the 256-wide k-block of both kernels
    Arbitrary<Integer> dim = Arbitraries.integers().between(1, 70);
    Arbitrary<Integer> inner = Arbitraries.oneOf(dim, Arbitraries.integers().between(250, 300));
    return Combinators.combine(dim, inner, dim)
        .flatAs((m, k, n) -> Combinators.combine(array(m * k), array(k * n)).as((a, b) -> new Product(m, k, n, a, b)));
  }

  @Property(tries = 60)
  void everyKernelMultipliesExactly(@ForAll("products") Product p) {
    long[] want = naive(p.a(), p.b(), p.m(), p.k(), p.n());
    assertArrayEquals(want, RingMatmul.multiply(p.a(), p.b(), p.m(), p.k(), p.n()), "selected kernel");
    for (RingMatmul.Kernel kernel : RingMatmul.Kernel.values()) {
      if (kernel == RingMatmul.Kernel.VECTOR && !RingMatmul.vectorAvailable()) {
        continue;
      }
      for (boolean parallel : new boolean[] {false, true}) {
        long[] c = new long[p.m() * p.n()];
        RingMatmul.run(kernel, parallel, p.a(), p.b(), c, p.m(), p.k(), p.n());
        assertArrayEquals(want, c, kernel + (parallel ? " parallel" : " single-threaded"));
      }
    }
  }

  @Property(tries = 100)
  void transposeMovesEveryElementToItsMirror(@ForAll @IntRange(min = 1, max = 40) int rows,
      @ForAll @IntRange(min = 1, max = 40) int cols, @ForAll long seed) {
    long[] d = new long[rows * cols];
    for (int i = 0; i < d.length; i++) {
      d[i] = seed * (i + 1) ^ (seed >>> 7);
    }
    RingTensor t = RingTensor.of(d, rows, cols).transpose();
    assertArrayEquals(new int[] {cols, rows}, t.shape());
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        if (t.get(j * rows + i) != d[i * cols + j]) {
          throw new AssertionError("element (" + i + ", " + j + ") moved wrong");
        }
      }
    }
    assertArrayEquals(d, t.transpose().data(), "transposing twice is the identity");
  }

  @Property(tries = 100)
  void sumAlongAnAxisWrapsLikeTheRing(@ForAll @IntRange(min = 1, max = 30) int rows,
      @ForAll @IntRange(min = 1, max = 30) int cols, @ForAll long seed) {
    long[] d = new long[rows * cols];
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
    for (int i = 0; i < d.length; i++) {
      d[i] = rnd.nextLong();
    }
    RingTensor t = RingTensor.of(d, rows, cols);
    long[] byCol = new long[cols];
    long[] byRow = new long[rows];
    long all = 0;
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        byCol[j] += d[i * cols + j];
        byRow[i] += d[i * cols + j];
        all += d[i * cols + j];
      }
    }
    assertArrayEquals(byCol, t.sum(0).data(), "sum over rows");
    assertArrayEquals(byRow, t.sum(1).data(), "sum over columns");
    assertArrayEquals(new long[] {all}, t.sumAll().data(), "sum of all");
  }
}
