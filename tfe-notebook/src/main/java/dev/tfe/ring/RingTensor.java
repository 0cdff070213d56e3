package dev.tfe.ring;

import java.util.Arrays;

/**
 * An immutable-by-convention dense tensor over the ring Z_2^64: Java {@code long}s with
 * wrap-around arithmetic, row-major. Every share, mask and opened value in tfe-java is one of
 * these; the fixed-point encoding on top of it lives in {@code dev.tfe.fixedpoint}.
 *
 * <p>Operations return new tensors and never modify their operands. Matrix products go through
 * {@link RingMatmul}, the blocked kernel that uses the incubating Vector API when the JVM has it.
 */
public final class RingTensor {
  private final long[] data;
  private final int[] shape;

  private RingTensor(long[] data, int[] shape) {
    this.data = data;
    this.shape = shape;
  }

  /** Wraps {@code data} (not copied) as a tensor of the given shape. */
  public static RingTensor of(long[] data, int... shape) {
    if (Shapes.size(shape) != data.length) {
      throw new IllegalArgumentException(
          "shape " + Shapes.str(shape) + " needs " + Shapes.size(shape) + " elements, got " + data.length);
    }
    return new RingTensor(data, shape.clone());
  }

  /** A tensor of zeros. */
  public static RingTensor zeros(int... shape) {
    return new RingTensor(new long[Shapes.size(shape)], shape.clone());
  }

  /** A tensor with every element equal to {@code value}. */
  public static RingTensor fill(long value, int... shape) {
    long[] d = new long[Shapes.size(shape)];
    Arrays.fill(d, value);
    return new RingTensor(d, shape.clone());
  }

  /** A scalar, shape {@code []}. */
  public static RingTensor scalar(long value) {
    return new RingTensor(new long[] {value}, new int[0]);
  }

  /** The backing array; callers must not modify it. */
  public long[] data() {
    return data;
  }

  public int[] shape() {
    return shape.clone();
  }

  public int rank() {
    return shape.length;
  }

  public int dim(int axis) {
    return shape[axis < 0 ? shape.length + axis : axis];
  }

  public int size() {
    return data.length;
  }

  public long get(int i) {
    return data[i];
  }

  // ---- element-wise ring arithmetic -------------------------------------------------------

  public RingTensor add(RingTensor o) {
    requireSame("add", o);
    long[] r = new long[data.length];
    long[] b = o.data;
    for (int i = 0; i < r.length; i++) {
      r[i] = data[i] + b[i];
    }
    return new RingTensor(r, shape);
  }

  public RingTensor sub(RingTensor o) {
    requireSame("sub", o);
    long[] r = new long[data.length];
    long[] b = o.data;
    for (int i = 0; i < r.length; i++) {
      r[i] = data[i] - b[i];
    }
    return new RingTensor(r, shape);
  }

  public RingTensor neg() {
    long[] r = new long[data.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = -data[i];
    }
    return new RingTensor(r, shape);
  }

  /** Element-wise product mod 2^64. */
  public RingTensor mul(RingTensor o) {
    requireSame("mul", o);
    long[] r = new long[data.length];
    long[] b = o.data;
    for (int i = 0; i < r.length; i++) {
      r[i] = data[i] * b[i];
    }
    return new RingTensor(r, shape);
  }

  /** Multiplies every element by the ring constant {@code k}. */
  public RingTensor scale(long k) {
    long[] r = new long[data.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = data[i] * k;
    }
    return new RingTensor(r, shape);
  }

  /** Arithmetic (sign-extending) right shift of every element by {@code bits}. */
  public RingTensor shiftRight(int bits) {
    long[] r = new long[data.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = data[i] >> bits;
    }
    return new RingTensor(r, shape);
  }

  /** Logical (zero-filling) right shift of every element by {@code bits}. */
  public RingTensor shiftRightUnsigned(int bits) {
    long[] r = new long[data.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = data[i] >>> bits;
    }
    return new RingTensor(r, shape);
  }

  /** Left shift of every element by {@code bits}, i.e. multiplication by 2^bits mod 2^64. */
  public RingTensor shiftLeft(int bits) {
    long[] r = new long[data.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = data[i] << bits;
    }
    return new RingTensor(r, shape);
  }

  /**
   * Adds a tensor whose shape, less leading 1s, is the trailing part of this one's (e.g. a bias
   * row of shape {@code [n]} or {@code [1, n]}).
   */
  public RingTensor addBroadcast(RingTensor row) {
    int n = row.size();
    if (n == 0 || data.length % n != 0 || !trailingMatches(row.shape)) {
      throw new IllegalArgumentException(
          "broadcast add: " + Shapes.str(row.shape) + " is not a trailing shape of " + Shapes.str(shape));
    }
    long[] r = new long[data.length];
    long[] b = row.data;
    for (int i = 0; i < r.length; i++) {
      r[i] = data[i] + b[i % n];
    }
    return new RingTensor(r, shape);
  }

  /** Repeats this tensor, whose shape is a trailing part of {@code target}, to that shape. */
  public RingTensor broadcastTo(int... target) {
    RingTensor t = zeros(target);
    return t.addBroadcast(this);
  }

  private boolean trailingMatches(int[] row) {
    int[] tail = Shapes.withoutLeadingOnes(row);
    if (tail.length > shape.length) {
      return false;
    }
    for (int i = 1; i <= tail.length; i++) {
      if (tail[tail.length - i] != shape[shape.length - i]) {
        return false;
      }
    }
    return true;
  }

  // ---- shape operations -------------------------------------------------------------------

  /** The same elements under a new shape; one dimension may be -1 and is inferred. */
  public RingTensor reshape(int... newShape) {
    int[] s = newShape.clone();
    int infer = -1;
    long known = 1;
    for (int i = 0; i < s.length; i++) {
      if (s[i] == -1) {
        if (infer >= 0) {
          throw new IllegalArgumentException("reshape: only one dimension may be -1 in " + Shapes.str(newShape));
        }
        infer = i;
      } else {
        known *= s[i];
      }
    }
    if (infer >= 0) {
      if (known == 0 || data.length % known != 0) {
        throw new IllegalArgumentException("reshape: cannot reshape " + Shapes.str(shape) + " to " + Shapes.str(newShape));
      }
      s[infer] = (int) (data.length / known);
    }
    if (Shapes.size(s) != data.length) {
      throw new IllegalArgumentException("reshape: cannot reshape " + Shapes.str(shape) + " to " + Shapes.str(newShape));
    }
    return new RingTensor(data, s);
  }

  /** The transpose of a rank-2 tensor. */
  public RingTensor transpose() {
    if (shape.length != 2) {
      return transpose(reversed(shape.length));
    }
    int m = shape[0];
    int n = shape[1];
    long[] r = new long[data.length];
    final int b = 32;
    for (int i0 = 0; i0 < m; i0 += b) {
      for (int j0 = 0; j0 < n; j0 += b) {
        int i1 = Math.min(m, i0 + b);
        int j1 = Math.min(n, j0 + b);
        for (int i = i0; i < i1; i++) {
          for (int j = j0; j < j1; j++) {
            r[j * m + i] = data[i * n + j];
          }
        }
      }
    }
    return new RingTensor(r, new int[] {n, m});
  }

  private static int[] reversed(int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = n - 1 - i;
    }
    return p;
  }

  /** A general axis permutation: result axis {@code i} is this tensor's axis {@code perm[i]}. */
  public RingTensor transpose(int... perm) {
    int rank = shape.length;
    if (perm.length != rank) {
      throw new IllegalArgumentException("transpose: permutation " + Shapes.str(perm) + " does not fit rank " + rank);
    }
    boolean[] seen = new boolean[rank];
    int[] newShape = new int[rank];
    for (int i = 0; i < rank; i++) {
      if (perm[i] < 0 || perm[i] >= rank || seen[perm[i]]) {
        throw new IllegalArgumentException("transpose: " + Shapes.str(perm) + " is not a permutation of 0.." + (rank - 1));
      }
      seen[perm[i]] = true;
      newShape[i] = shape[perm[i]];
    }
    int[] strides = strides(shape);
    int[] permStrides = new int[rank];
    for (int i = 0; i < rank; i++) {
      permStrides[i] = strides[perm[i]];
    }
    long[] r = new long[data.length];
    int[] idx = new int[rank];
    int src = 0;
    for (int k = 0; k < r.length; k++) {
      r[k] = data[src];
      for (int ax = rank - 1; ax >= 0; ax--) {
        idx[ax]++;
        src += permStrides[ax];
        if (idx[ax] < newShape[ax]) {
          break;
        }
        src -= permStrides[ax] * newShape[ax];
        idx[ax] = 0;
      }
    }
    return new RingTensor(r, newShape);
  }

  static int[] strides(int[] shape) {
    int[] s = new int[shape.length];
    int acc = 1;
    for (int i = shape.length - 1; i >= 0; i--) {
      s[i] = acc;
      acc *= shape[i];
    }
    return s;
  }

  /** Rows {@code [from, to)} along axis 0. */
  public RingTensor sliceRows(int from, int to) {
    if (shape.length == 0 || from < 0 || to > shape[0] || from > to) {
      throw new IllegalArgumentException("slice [" + from + ", " + to + ") out of range for shape " + Shapes.str(shape));
    }
    int row = data.length / Math.max(1, shape[0]);
    int[] s = shape.clone();
    s[0] = to - from;
    return new RingTensor(Arrays.copyOfRange(data, from * row, to * row), s);
  }

  /** A general slice: {@code begin[i]} to {@code begin[i] + size[i]} on every axis. */
  public RingTensor slice(int[] begin, int[] size) {
    int rank = shape.length;
    if (begin.length != rank || size.length != rank) {
      throw new IllegalArgumentException("slice: begin and size must have rank " + rank);
    }
    for (int i = 0; i < rank; i++) {
      if (begin[i] < 0 || size[i] < 0 || begin[i] + size[i] > shape[i]) {
        throw new IllegalArgumentException(
            "slice: begin " + Shapes.str(begin) + " size " + Shapes.str(size) + " out of range for " + Shapes.str(shape));
      }
    }
    long[] r = new long[Shapes.size(size)];
    int[] st = strides(shape);
    int[] idx = new int[rank];
    for (int k = 0; k < r.length; k++) {
      int src = 0;
      for (int ax = 0; ax < rank; ax++) {
        src += (begin[ax] + idx[ax]) * st[ax];
      }
      r[k] = data[src];
      for (int ax = rank - 1; ax >= 0; ax--) {
        if (++idx[ax] < size[ax]) {
          break;
        }
        idx[ax] = 0;
      }
    }
    return new RingTensor(r, size.clone());
  }

  /** Concatenates tensors along axis 0; all other dimensions must agree. */
  public static RingTensor concatRows(RingTensor... parts) {
    int[] s = parts[0].shape.clone();
    int total = 0;
    int len = 0;
    for (RingTensor p : parts) {
      if (p.shape.length != s.length || !Arrays.equals(Arrays.copyOfRange(p.shape, 1, s.length), Arrays.copyOfRange(s, 1, s.length))) {
        throw new IllegalArgumentException("concat: shapes " + Shapes.str(p.shape) + " and " + Shapes.str(s) + " differ beyond axis 0");
      }
      total += p.shape[0];
      len += p.data.length;
    }
    long[] r = new long[len];
    int off = 0;
    for (RingTensor p : parts) {
      System.arraycopy(p.data, 0, r, off, p.data.length);
      off += p.data.length;
    }
    s[0] = total;
    return new RingTensor(r, s);
  }

  /** Sum over one axis (negative counts from the end), removing it; mod 2^64. */
  public RingTensor sum(int axis) {
    int rank = shape.length;
    int ax = axis < 0 ? rank + axis : axis;
    if (ax < 0 || ax >= rank) {
      throw new IllegalArgumentException("sum: axis " + axis + " out of range for shape " + Shapes.str(shape));
    }
    int outer = 1;
    for (int i = 0; i < ax; i++) {
      outer *= shape[i];
    }
    int n = shape[ax];
    int inner = 1;
    for (int i = ax + 1; i < rank; i++) {
      inner *= shape[i];
    }
    long[] r = new long[outer * inner];
    for (int o = 0; o < outer; o++) {
      for (int k = 0; k < n; k++) {
        int base = (o * n + k) * inner;
        int rb = o * inner;
        for (int i = 0; i < inner; i++) {
          r[rb + i] += data[base + i];
        }
      }
    }
    int[] s = new int[rank - 1];
    for (int i = 0, j = 0; i < rank; i++) {
      if (i != ax) {
        s[j++] = shape[i];
      }
    }
    return new RingTensor(r, s);
  }

  /** Sum of all elements, as a scalar. */
  public RingTensor sumAll() {
    long s = 0;
    for (long v : data) {
      s += v;
    }
    return scalar(s);
  }

  // ---- products ---------------------------------------------------------------------------

  /** Matrix product mod 2^64 of rank-2 tensors {@code [m, k] x [k, n]}. */
  public RingTensor matmul(RingTensor o) {
    if (shape.length != 2 || o.shape.length != 2 || shape[1] != o.shape[0]) {
      throw new IllegalArgumentException(
          "matmul: cannot multiply " + Shapes.str(shape) + " by " + Shapes.str(o.shape) + "; inner dimensions must agree");
    }
    long[] r = RingMatmul.multiply(data, o.data, shape[0], shape[1], o.shape[1]);
    return new RingTensor(r, new int[] {shape[0], o.shape[1]});
  }

  private void requireSame(String op, RingTensor o) {
    Shapes.requireSame(op, shape, o.shape);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RingTensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "RingTensor" + Shapes.str(shape);
  }
}
