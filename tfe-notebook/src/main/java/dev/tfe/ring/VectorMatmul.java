package dev.tfe.ring;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector-API matmul kernel over Z_2^64: {@code c += a * b} on a block of {@code c}, with
 * lane-wise 64-bit multiplication that wraps exactly like Java's {@code long *}.
 *
 * <p>The structure follows Goto and van de Geijn, "Anatomy of high-performance matrix
 * multiplication" (ACM TOMS 34(3), 2008), as later restated by BLIS (Van Zee and van de Geijn,
 * ACM TOMS 41(3), 2015): the {@code k} dimension is cut into blocks of {@link #KC}, the {@code n}
 * dimension into blocks of {@link #NC}; each {@code KC x NC} block of {@code b} is packed into
 * contiguous panels {@link #NR} columns wide (zero-padded), each {@code MC x KC} block of {@code a}
 * into panels {@link #MR} rows tall; a micro-kernel keeps an {@code MR x NR} tile of {@code c} in
 * vector registers and streams one packed panel of each operand. For very few rows (a
 * vector-matrix product) packing costs as much as the product, so those rows are multiplied
 * straight from the row-major operands.
 *
 * <p>Only this class touches {@code jdk.incubator.vector}; {@link RingMatmul} loads it only after
 * checking that the module is present.
 */
final class VectorMatmul {
  static final VectorSpecies<Long> SPECIES = LongVector.SPECIES_PREFERRED;
  /** Lanes per vector (8 with AVX-512, 4 with AVX2, 2 with NEON or SSE). */
  static final int L = SPECIES.length();
  /** Rows of the register tile. */
  static final int MR = 4;
  /** Vectors per row of the register tile. */
  static final int NV = 3;
  /** Columns of the register tile. */
  static final int NR = NV * L;
  /*
   * Block sizes, chosen by measurement on a 2-core AVX-512 Xeon (Sapphire Rapids class, 48 KB L1d,
   * 2 MB L2 per core): of the grid KC in {128..512}, MC in {32..256}, NC in {512..2048} these were
   * within noise of the best. The micro-kernel is bound by the throughput of the 64-bit lane
   * multiply (vpmullq), not by the caches, so the choice matters by a few per cent only.
   */
  /** Depth of a packed block: the {@code KC x NR} panel of b (48 KB with AVX-512) is reused by every row panel of a. */
  static final int KC = 256;
  /** Rows of a packed block of a: the {@code MC x KC} block (128 KB) stays in L2. */
  static final int MC = 64;
  /** Columns of a packed block of b. */
  static final int NC = 1024;
  /** Up to this many rows, multiply straight from the operands: packing b would cost as much as the product. */
  static final int UNPACKED_MAX_ROWS = 3;

  /** Per-thread packing buffers, grown on demand. */
  private static final class Buffers {
    long[] bp = new long[0];
    long[] ap = new long[0];
    final long[] tile = new long[MR * NR];
  }

  private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

  private VectorMatmul() {}

  /** {@code c[m x n] += a[m x k] * b[k x n]} over the whole matrix, on the calling thread. */
  static void multiply(long[] a, long[] b, long[] c, int m, int k, int n) {
    multiplyBlock(a, b, c, m, k, n, 0, m, 0, n);
  }

  /**
   * {@code c += a * b} restricted to rows {@code [r0, r1)} and columns {@code [c0, c1)} of
   * {@code c}: the unit of work that {@link RingMatmul} hands to each thread.
   */
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
    Buffers buf = BUFFERS.get();
    int kcMax = Math.min(KC, k);
    int bLen = kcMax * roundUp(Math.min(NC, c1 - c0), NR);
    int aLen = kcMax * roundUp(Math.min(MC, r1 - r0), MR);
    if (buf.bp.length < bLen) {
      buf.bp = new long[bLen];
    }
    if (buf.ap.length < aLen) {
      buf.ap = new long[aLen];
    }
    long[] bp = buf.bp;
    long[] ap = buf.ap;
    long[] tile = buf.tile;
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
            int bOff = (jr / NR) * kc * NR;
            for (int ir = 0; ir < mc; ir += MR) {
              int mr = Math.min(MR, mc - ir);
              int aOff = (ir / MR) * kc * MR;
              int cOff = (ic + ir) * n + jc + jr;
              if (mr == MR && nr == NR) {
                kernel(ap, aOff, bp, bOff, kc, c, cOff, n, null);
              } else {
                kernel(ap, aOff, bp, bOff, kc, tile, 0, NR, tile);
                addTile(tile, c, cOff, n, mr, nr);
              }
            }
          }
        }
      }
    }
  }

  /**
   * Packs {@code b[pc..pc+kc) x [jc..jc+nc)} into panels of {@link #NR} columns: panel {@code q}
   * starts at {@code q*kc*NR}, its row {@code p} at {@code p*NR}; columns past {@code nc} are 0.
   */
  static void packB(long[] b, int n, int pc, int kc, int jc, int nc, long[] bp) {
    int o = 0;
    for (int jr = 0; jr < nc; jr += NR) {
      int nr = Math.min(NR, nc - jr);
      int src = pc * n + jc + jr;
      if (nr == NR) {
        for (int p = 0; p < kc; p++, src += n, o += NR) {
          for (int v = 0; v < NR; v += L) {
            LongVector.fromArray(SPECIES, b, src + v).intoArray(bp, o + v);
          }
        }
      } else {
        for (int p = 0; p < kc; p++, src += n, o += NR) {
          System.arraycopy(b, src, bp, o, nr);
          java.util.Arrays.fill(bp, o + nr, o + NR, 0L);
        }
      }
    }
  }

  /**
   * Packs {@code a[ic..ic+mc) x [pc..pc+kc)} into panels of {@code mr} rows: panel {@code t}
   * starts at {@code t*kc*mr}, its column {@code p} at {@code p*mr}; rows past {@code mc} are 0.
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

  /**
   * The 4 x 3-vector micro-kernel: twelve accumulators, one broadcast of a and three loads of b
   * per step of k. Adds the tile into {@code c} at {@code cOff} (row stride {@code ldc}), or, when
   * {@code tile} is given, stores it there (row stride {@link #NR}) for a partial copy.
   */
  private static void kernel(long[] ap, int aOff, long[] bp, int bOff, int kc, long[] c, int cOff, int ldc, long[] tile) {
    LongVector c00 = LongVector.zero(SPECIES);
    LongVector c01 = c00;
    LongVector c02 = c00;
    LongVector c10 = c00;
    LongVector c11 = c00;
    LongVector c12 = c00;
    LongVector c20 = c00;
    LongVector c21 = c00;
    LongVector c22 = c00;
    LongVector c30 = c00;
    LongVector c31 = c00;
    LongVector c32 = c00;
    int ao = aOff;
    int bo = bOff;
    for (int p = 0; p < kc; p++, ao += MR, bo += NR) {
      LongVector b0 = LongVector.fromArray(SPECIES, bp, bo);
      LongVector b1 = LongVector.fromArray(SPECIES, bp, bo + L);
      LongVector b2 = LongVector.fromArray(SPECIES, bp, bo + 2 * L);
      LongVector x = LongVector.broadcast(SPECIES, ap[ao]);
      c00 = c00.add(x.mul(b0));
      c01 = c01.add(x.mul(b1));
      c02 = c02.add(x.mul(b2));
      x = LongVector.broadcast(SPECIES, ap[ao + 1]);
      c10 = c10.add(x.mul(b0));
      c11 = c11.add(x.mul(b1));
      c12 = c12.add(x.mul(b2));
      x = LongVector.broadcast(SPECIES, ap[ao + 2]);
      c20 = c20.add(x.mul(b0));
      c21 = c21.add(x.mul(b1));
      c22 = c22.add(x.mul(b2));
      x = LongVector.broadcast(SPECIES, ap[ao + 3]);
      c30 = c30.add(x.mul(b0));
      c31 = c31.add(x.mul(b1));
      c32 = c32.add(x.mul(b2));
    }
    long[] d = c;
    int o = cOff;
    int ld = ldc;
    if (tile != null) {
      d = tile;
      o = 0;
      ld = NR;
    } else {
      c00 = c00.add(LongVector.fromArray(SPECIES, c, o));
      c01 = c01.add(LongVector.fromArray(SPECIES, c, o + L));
      c02 = c02.add(LongVector.fromArray(SPECIES, c, o + 2 * L));
      c10 = c10.add(LongVector.fromArray(SPECIES, c, o + ld));
      c11 = c11.add(LongVector.fromArray(SPECIES, c, o + ld + L));
      c12 = c12.add(LongVector.fromArray(SPECIES, c, o + ld + 2 * L));
      c20 = c20.add(LongVector.fromArray(SPECIES, c, o + 2 * ld));
      c21 = c21.add(LongVector.fromArray(SPECIES, c, o + 2 * ld + L));
      c22 = c22.add(LongVector.fromArray(SPECIES, c, o + 2 * ld + 2 * L));
      c30 = c30.add(LongVector.fromArray(SPECIES, c, o + 3 * ld));
      c31 = c31.add(LongVector.fromArray(SPECIES, c, o + 3 * ld + L));
      c32 = c32.add(LongVector.fromArray(SPECIES, c, o + 3 * ld + 2 * L));
    }
    c00.intoArray(d, o);
    c01.intoArray(d, o + L);
    c02.intoArray(d, o + 2 * L);
    c10.intoArray(d, o + ld);
    c11.intoArray(d, o + ld + L);
    c12.intoArray(d, o + ld + 2 * L);
    c20.intoArray(d, o + 2 * ld);
    c21.intoArray(d, o + 2 * ld + L);
    c22.intoArray(d, o + 2 * ld + 2 * L);
    c30.intoArray(d, o + 3 * ld);
    c31.intoArray(d, o + 3 * ld + L);
    c32.intoArray(d, o + 3 * ld + 2 * L);
  }

  private static void addTile(long[] tile, long[] c, int cOff, int ldc, int mr, int nr) {
    for (int r = 0; r < mr; r++) {
      int t = r * NR;
      int o = cOff + r * ldc;
      for (int j = 0; j < nr; j++) {
        c[o + j] += tile[t + j];
      }
    }
  }

  /**
   * {@code c[cRow + j] += sum_p a[aRow + p] * b[p][j]} for {@code j} in {@code [c0, c1)}, reading
   * {@code b} in place: NV vectors of columns at a time, then single vectors, then scalars.
   */
  static void rowTimesMatrix(long[] a, int aRow, long[] b, long[] c, int cRow, int k, int n, int c0, int c1) {
    int j = c0;
    for (; j + NR <= c1; j += NR) {
      LongVector s0 = LongVector.zero(SPECIES);
      LongVector s1 = s0;
      LongVector s2 = s0;
      for (int p = 0, bo = j; p < k; p++, bo += n) {
        LongVector x = LongVector.broadcast(SPECIES, a[aRow + p]);
        s0 = s0.add(x.mul(LongVector.fromArray(SPECIES, b, bo)));
        s1 = s1.add(x.mul(LongVector.fromArray(SPECIES, b, bo + L)));
        s2 = s2.add(x.mul(LongVector.fromArray(SPECIES, b, bo + 2 * L)));
      }
      int o = cRow + j;
      LongVector.fromArray(SPECIES, c, o).add(s0).intoArray(c, o);
      LongVector.fromArray(SPECIES, c, o + L).add(s1).intoArray(c, o + L);
      LongVector.fromArray(SPECIES, c, o + 2 * L).add(s2).intoArray(c, o + 2 * L);
    }
    for (; j + L <= c1; j += L) {
      LongVector s0 = LongVector.zero(SPECIES);
      for (int p = 0, bo = j; p < k; p++, bo += n) {
        s0 = s0.add(LongVector.broadcast(SPECIES, a[aRow + p]).mul(LongVector.fromArray(SPECIES, b, bo)));
      }
      LongVector.fromArray(SPECIES, c, cRow + j).add(s0).intoArray(c, cRow + j);
    }
    if (j < c1) {
      ScalarMatmul.rowTimesMatrix(a, aRow, b, c, cRow, k, n, j, c1);
    }
  }

  static int roundUp(int x, int q) {
    return (x + q - 1) / q * q;
  }
}
