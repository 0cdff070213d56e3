package dev.tfe.ring;

/**
 * The portable matmul kernel over Z_2^64, for JVMs without {@code jdk.incubator.vector}:
 * {@code c += a * b} with plain {@code long} arithmetic, which wraps mod 2^64.
 *
 * <p>Blocked as in Goto and van de Geijn, "Anatomy of high-performance matrix multiplication"
 * (ACM TOMS 34(3), 2008): {@code k} is cut into blocks of {@link #KC} and {@code n} into blocks of
 * {@link #NC}; each block of {@code b} is packed into contiguous panels {@link #NR} columns wide,
 * each block of {@code a} into panels {@link #MR} rows tall, and a {@code MR x NR} micro-kernel
 * keeps its tile of {@code c} in eight local variables (registers) across the whole block depth.
 * Vector-matrix products (very few rows) skip the packing.
 */
final class ScalarMatmul {
  static final int MR = 4;
  static final int NR = 2;
  static final int KC = 256;
  static final int MC = 128;
  static final int NC = 512;
  static final int UNPACKED_MAX_ROWS = 3;

  private static final ThreadLocal<long[][]> BUFFERS =
      ThreadLocal.withInitial(() -> new long[][] {new long[KC * NC], new long[MC * KC]});

  private ScalarMatmul() {}

  /** {@code c[m x n] += a[m x k] * b[k x n]} over the whole matrix, on the calling thread. */
  static void multiply(long[] a, long[] b, long[] c, int m, int k, int n) {
    multiplyBlock(a, b, c, m, k, n, 0, m, 0, n);
  }

  /** {@code c += a * b} restricted to rows {@code [r0, r1)} and columns {@code [c0, c1)} of c. */
  static void multiplyBlock(long[] a, long[] b, long[] c, int m, int k, int n, int r0, int r1, int c0, int c1) {
    if (r1 <= r0 || c1 <= c0 || k == 0) {
      return;
    }
    if (r1 - r0 <= UNPACKED_MAX_ROWS) {
      for (int i = r0; i < r1; i++) {
        rowTimesMatrix(a, i * k, b, c, i * n, k, n, c0, c1);
      }
      return;
    }
    long[][] buf = BUFFERS.get();
    long[] bp = buf[0];
    long[] ap = buf[1];
    for (int jc = c0; jc < c1; jc += NC) {
      int nc = Math.min(NC, c1 - jc);
      for (int pc = 0; pc < k; pc += KC) {
        int kc = Math.min(KC, k - pc);
        packB(b, n, pc, kc, jc, nc, bp);
        for (int ic = r0; ic < r1; ic += MC) {
          int mc = Math.min(MC, r1 - ic);
          packA(a, k, ic, mc, pc, kc, ap, MR);
          for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            int bOff = jr * kc;
            for (int ir = 0; ir < mc; ir += MR) {
              int mr = Math.min(MR, mc - ir);
              kernel(ap, ir * kc, bp, bOff, kc, c, (ic + ir) * n + jc + jr, n, mr, nr);
            }
          }
        }
      }
    }
  }

  /** Packs {@code b[pc..pc+kc) x [jc..jc+nc)} into zero-padded panels of {@link #NR} columns. */
  private static void packB(long[] b, int n, int pc, int kc, int jc, int nc, long[] bp) {
    int o = 0;
    for (int jr = 0; jr < nc; jr += NR) {
      int src = pc * n + jc + jr;
      if (jr + NR <= nc) {
        for (int p = 0; p < kc; p++, src += n, o += NR) {
          bp[o] = b[src];
          bp[o + 1] = b[src + 1];
        }
      } else {
        for (int p = 0; p < kc; p++, src += n, o += NR) {
          bp[o] = b[src];
          bp[o + 1] = 0L;
        }
      }
    }
  }

  /**
   * Packs {@code a[ic..ic+mc) x [pc..pc+kc)} into panels of {@code mr} rows: panel {@code t}
   * starts at {@code t*kc*mr}, its column {@code p} at {@code p*mr}; rows past {@code mc} are 0.
   * Shared with {@link VectorMatmul}.
   */
  static void packA(long[] a, int k, int ic, int mc, int pc, int kc, long[] ap, int mr) {
    int o = 0;
    for (int ir = 0; ir < mc; ir += mr, o += kc * mr) {
      for (int r = 0; r < mr; r++) {
        if (ir + r < mc) {
          int src = (ic + ir + r) * k + pc;
          for (int p = 0; p < kc; p++) {
            ap[o + p * mr + r] = a[src + p];
          }
        } else {
          for (int p = 0; p < kc; p++) {
            ap[o + p * mr + r] = 0L;
          }
        }
      }
    }
  }

  /** The 4 x 2 micro-kernel; adds the valid {@code mr x nr} part of the tile into c. */
  private static void kernel(long[] ap, int aOff, long[] bp, int bOff, int kc, long[] c, int cOff, int ldc, int mr, int nr) {
    long c00 = 0;
    long c01 = 0;
    long c10 = 0;
    long c11 = 0;
    long c20 = 0;
    long c21 = 0;
    long c30 = 0;
    long c31 = 0;
    for (int p = 0, ao = aOff, bo = bOff; p < kc; p++, ao += MR, bo += NR) {
      long b0 = bp[bo];
      long b1 = bp[bo + 1];
      long x = ap[ao];
      c00 += x * b0;
      c01 += x * b1;
      x = ap[ao + 1];
      c10 += x * b0;
      c11 += x * b1;
      x = ap[ao + 2];
      c20 += x * b0;
      c21 += x * b1;
      x = ap[ao + 3];
      c30 += x * b0;
      c31 += x * b1;
    }
    if (mr == MR && nr == NR) {
      c[cOff] += c00;
      c[cOff + 1] += c01;
      c[cOff + ldc] += c10;
      c[cOff + ldc + 1] += c11;
      c[cOff + 2 * ldc] += c20;
      c[cOff + 2 * ldc + 1] += c21;
      c[cOff + 3 * ldc] += c30;
      c[cOff + 3 * ldc + 1] += c31;
      return;
    }
    long[] t = {c00, c01, c10, c11, c20, c21, c30, c31};
    for (int r = 0; r < mr; r++) {
      for (int j = 0; j < nr; j++) {
        c[cOff + r * ldc + j] += t[r * NR + j];
      }
    }
  }

  /**
   * {@code c[cRow + j] += sum_p a[aRow + p] * b[p][j]} for {@code j} in {@code [c0, c1)}, reading
   * b in place row by row (an i-k-j loop; the inner loop runs over contiguous columns).
   */
  static void rowTimesMatrix(long[] a, int aRow, long[] b, long[] c, int cRow, int k, int n, int c0, int c1) {
    for (int p = 0; p < k; p++) {
      long x = a[aRow + p];
      int bo = p * n;
      for (int j = c0; j < c1; j++) {
        c[cRow + j] += x * b[bo + j];
      }
    }
  }
}
