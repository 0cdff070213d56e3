package dev.tfe.ring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RecursiveAction;

/**
 * Matrix multiplication over Z_2^64: {@code c = a * b} with Java {@code long} arithmetic, which
 * wraps mod 2^64, so every share, mask and Beaver-triple product is exact.
 *
 * <p>Two bit-exact kernels sit behind this class, both blocked for the caches after Goto and
 * van de Geijn, "Anatomy of high-performance matrix multiplication" (ACM TOMS 34(3), 2008), the vector one also register-tiled:
 *
 * <ul>
 *   <li>{@code vector}: lane-wise 64-bit multiply-add with the incubating Vector API
 *       ({@code jdk.incubator.vector.LongVector}, preferred species). Chosen when the module is
 *       present ({@code --add-modules jdk.incubator.vector}) and a probe product agrees with the
 *       scalar kernel; the check runs once.
 *   <li>{@code scalar}: plain {@code long} arithmetic, for every other JVM.
 * </ul>
 *
 * <p>The system property {@value #PROPERTY} ({@code scalar} or {@code vector}) forces one kernel;
 * it is read on every call, so tests and benchmarks may switch it. Forcing {@code vector} where
 * the Vector API is missing throws. Products of more than {@value #PARALLEL_THRESHOLD}
 * multiply-adds are split over a shared {@link ForkJoinPool} ({@value #THREADS_PROPERTY} threads,
 * by default one per available processor): by rows of {@code c}, or by columns when {@code c} has
 * few rows, so that no thread re-packs a large operand.
 */
public final class RingMatmul {
  /** System property that forces a kernel: {@code scalar} or {@code vector}. */
  public static final String PROPERTY = "tfe.matmul";
  /** System property with the number of matmul threads (read once, when the pool starts). */
  public static final String THREADS_PROPERTY = "tfe.matmul.threads";
  /** Products with more multiply-adds than this ({@code 2^21}) run on several threads. */
  public static final long PARALLEL_THRESHOLD = 1L << 21;

  /** The two kernels. */
  enum Kernel {
    SCALAR,
    VECTOR
  }

  private RingMatmul() {}

  /**
   * {@code c[m x n] = a[m x k] * b[k x n]} mod 2^64, for row-major arrays; returns a new array.
   *
   * @throws IllegalArgumentException if a dimension is negative or an array has the wrong length
   */
  public static long[] multiply(long[] a, long[] b, int m, int k, int n) {
    check(a, b, m, k, n);
    long[] c = new long[Shapes.size(m, n)];
    run(selected(), true, a, b, c, m, k, n);
    return c;
  }

  /**
   * The kernel that {@link #multiply} uses now, for reports, e.g. {@code "vector (LongVector
   * S_512_BIT, 8 lanes, 4x24 tile), 2 threads"}.
   */
  public static String kernelName() {
    return describe(selected());
  }

  /** Whether the Vector-API kernel works on this JVM. */
  public static boolean vectorAvailable() {
    return VectorProbe.AVAILABLE;
  }

  static String describe(Kernel kernel) {
    String threads = threads() + (threads() == 1 ? " thread" : " threads");
    if (kernel == Kernel.VECTOR) {
      return "vector (LongVector " + VectorProbe.description() + "), " + threads;
    }
    return "scalar (blocked " + ScalarMatmul.KC + "x" + ScalarMatmul.NC + "), " + threads;
  }

  /** The kernel chosen by {@value #PROPERTY}, or the best available one. */
  static Kernel selected() {
    String forced = System.getProperty(PROPERTY);
    if (forced == null || forced.isBlank() || forced.equalsIgnoreCase("auto")) {
      return VectorProbe.AVAILABLE ? Kernel.VECTOR : Kernel.SCALAR;
    }
    switch (forced.trim().toLowerCase(Locale.ROOT)) {
      case "scalar":
        return Kernel.SCALAR;
      case "vector":
        if (!VectorProbe.AVAILABLE) {
          throw new IllegalStateException(
              "-D" + PROPERTY + "=vector, but the Vector API is unavailable (" + VectorProbe.FAILURE
                  + "); start the JVM with --add-modules jdk.incubator.vector or drop the property");
        }
        return Kernel.VECTOR;
      default:
        throw new IllegalArgumentException(
            "-D" + PROPERTY + "=" + forced + " is not a matmul kernel; use scalar, vector or auto");
    }
  }

  /** {@code c += a * b} with the given kernel; {@code parallel} allows the shared pool. */
  static void run(Kernel kernel, boolean parallel, long[] a, long[] b, long[] c, int m, int k, int n) {
    long work = (long) m * k * n;
    int threads = threads();
    if (!parallel || threads == 1 || work <= PARALLEL_THRESHOLD || inPool()) {
      block(kernel, a, b, c, m, k, n, 0, m, 0, n);
      return;
    }
    List<RecursiveAction> parts = new ArrayList<>();
    // Each thread packs its own copy of the b block it reads (rows split) or of a (columns split).
    // Measured: splitting rows is faster while each thread gets a few row panels and m is not
    // much smaller than n; otherwise splitting columns avoids re-packing a large b per thread.
    if (m >= 8 * threads && 4L * m >= n) {
      int step = roundUp(ceilDiv(m, threads), 4);
      for (int r = 0; r < m; r += step) {
        int r0 = r;
        int r1 = Math.min(m, r + step);
        parts.add(action(() -> block(kernel, a, b, c, m, k, n, r0, r1, 0, n)));
      }
    } else {
      int align = kernel == Kernel.VECTOR ? VectorProbe.tileColumns() : 8;
      int step = roundUp(ceilDiv(n, threads), align);
      for (int j = 0; j < n; j += step) {
        int c0 = j;
        int c1 = Math.min(n, j + step);
        parts.add(action(() -> block(kernel, a, b, c, m, k, n, 0, m, c0, c1)));
      }
    }
    Pool.POOL.invoke(action(() -> ForkJoinTask.invokeAll(parts)));
  }

  private static void block(Kernel kernel, long[] a, long[] b, long[] c, int m, int k, int n, int r0, int r1, int c0, int c1) {
    if (kernel == Kernel.VECTOR) {
      VectorMatmul.multiplyBlock(a, b, c, m, k, n, r0, r1, c0, c1);
    } else {
      ScalarMatmul.multiplyBlock(a, b, c, m, k, n, r0, r1, c0, c1);
    }
  }

  static void check(long[] a, long[] b, int m, int k, int n) {
    if (m < 0 || k < 0 || n < 0) {
      throw new IllegalArgumentException("matmul: negative dimension in " + m + "x" + k + " * " + k + "x" + n);
    }
    if (a.length != Shapes.size(m, k) || b.length != Shapes.size(k, n)) {
      throw new IllegalArgumentException("matmul: " + m + "x" + k + " * " + k + "x" + n + " needs arrays of "
          + (long) m * k + " and " + (long) k * n + " elements, got " + a.length + " and " + b.length);
    }
  }

  static int threads() {
    return Pool.THREADS;
  }

  private static boolean inPool() {
    return Thread.currentThread() instanceof ForkJoinWorkerThread w && w.getPool() == Pool.POOL;
  }

  private static RecursiveAction action(Runnable r) {
    return new RecursiveAction() {
      @Override
      protected void compute() {
        r.run();
      }
    };
  }

  private static int ceilDiv(int x, int y) {
    return (x + y - 1) / y;
  }

  private static int roundUp(int x, int q) {
    return ceilDiv(x, q) * q;
  }

  /** The shared pool, created on first parallel use; its threads are daemons. */
  private static final class Pool {
    static final int THREADS = Math.max(1, Integer.getInteger(THREADS_PROPERTY, Runtime.getRuntime().availableProcessors()));
    static final ForkJoinPool POOL = new ForkJoinPool(THREADS, p -> {
      ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
      t.setName("tfe-matmul-" + t.getPoolIndex());
      t.setDaemon(true);
      return t;
    }, null, false);
  }

  /**
   * Decides once whether the Vector API is usable: the class must load (the module may be absent,
   * giving {@link NoClassDefFoundError} or {@link IllegalAccessError}) and a probe product with
   * tails and wrap-around values must match the scalar kernel bit for bit.
   */
  private static final class VectorProbe {
    static final boolean AVAILABLE;
    static final String FAILURE;

    static {
      boolean ok = false;
      String why = null;
      try {
        Class.forName("jdk.incubator.vector.LongVector");
        ok = probe();
        if (!ok) {
          why = "probe product differs from the scalar kernel";
        }
      } catch (Throwable t) {
        why = t.toString();
      }
      AVAILABLE = ok;
      FAILURE = why;
    }

    private static boolean probe() {
      int m = 5;
      int k = 7;
      int n = 2 * VectorMatmul.NR + VectorMatmul.L + 3;
      long[] a = new long[m * k];
      long[] b = new long[k * n];
      long x = 0x9E3779B97F4A7C15L;
      for (int i = 0; i < a.length; i++) {
        a[i] = x = x * 6364136223846793005L + 1442695040888963407L;
      }
      for (int i = 0; i < b.length; i++) {
        b[i] = x = x * 6364136223846793005L + 1442695040888963407L;
      }
      a[0] = Long.MIN_VALUE;
      b[0] = -1L;
      long[] v = new long[m * n];
      long[] s = new long[m * n];
      VectorMatmul.multiply(a, b, v, m, k, n);
      ScalarMatmul.multiply(a, b, s, m, k, n);
      for (int r = 1; r <= 3; r++) {
        VectorMatmul.multiplyBlock(a, b, v, r, k, n, 0, r, 0, n);
        ScalarMatmul.multiplyBlock(a, b, s, r, k, n, 0, r, 0, n);
      }
      return java.util.Arrays.equals(v, s);
    }

    static String description() {
      return VectorMatmul.SPECIES + ", " + VectorMatmul.MR + "x" + VectorMatmul.NR + " tile";
    }

    static int tileColumns() {
      return VectorMatmul.NR;
    }
  }
}
