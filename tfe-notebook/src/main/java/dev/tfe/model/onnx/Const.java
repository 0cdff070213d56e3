package dev.tfe.model.onnx;

import com.google.protobuf.ByteString;
import dev.tfe.model.onnx.proto.OnnxProto.TensorProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A constant tensor of the graph (an initializer, a {@code Constant} node or a folded result):
 * row-major values as doubles, which hold every float exactly and the small integers of shape
 * arithmetic. The operations are the ones exporters use to compute shapes and padding amounts.
 */
final class Const {
  /** Stands for the (unknown) batch size in folded shapes: {@code Shape} of the data yields it. */
  static final double BATCH = -(double) (1L << 50);

  final long[] shape;
  final double[] data;

  Const(long[] shape, double[] data) {
    if (size(shape) != data.length) {
      throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold " + data.length + " values");
    }
    this.shape = shape;
    this.data = data;
  }

  static Const vector(double... values) {
    return new Const(new long[] {values.length}, values);
  }

  static long size(long[] shape) {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return n;
  }

  /** Decodes a tensor (float, double or integer types, raw or typed fields). */
  static Const of(TensorProto t, Node where, String what) {
    if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
      throw refusal(where, what + " is stored in an external data file; save the model with its weights inside "
          + "(onnx.save(model, path, save_as_external_data=False))");
    }
    long[] shape = t.getDimsList().stream().mapToLong(Long::longValue).toArray();
    int n = Math.toIntExact(size(shape));
    double[] v = new double[n];
    ByteString raw = t.getRawData();
    ByteBuffer b = raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    boolean isRaw = !raw.isEmpty();
    switch (t.getDataType()) {
      case 1 -> fill(v, isRaw, i -> b.getFloat(4 * i), i -> t.getFloatData(i), raw.size() / 4, t.getFloatDataCount());
      case 11 -> fill(v, isRaw, i -> b.getDouble(8 * i), i -> t.getDoubleData(i), raw.size() / 8, t.getDoubleDataCount());
      case 7 -> fill(v, isRaw, i -> b.getLong(8 * i), i -> t.getInt64Data(i), raw.size() / 8, t.getInt64DataCount());
      case 6 -> fill(v, isRaw, i -> b.getInt(4 * i), i -> t.getInt32Data(i), raw.size() / 4, t.getInt32DataCount());
      case 9 -> fill(v, isRaw, i -> b.get(i), i -> t.getInt32Data(i), raw.size(), t.getInt32DataCount());
      default -> throw refusal(where, what + " has ONNX data type " + t.getDataType() + "; only float, double, int32, "
          + "int64 and bool constants are supported (export the model in float32)");
    }
    return new Const(shape, v);
  }

  private interface Reader {
    double at(int i);
  }

  private static void fill(double[] v, boolean raw, Reader fromRaw, Reader typed, int rawCount, int typedCount) {
    int have = raw ? rawCount : typedCount;
    if (have != v.length) {
      throw new OnnxImportException("a tensor holds " + have + " values where its shape needs " + v.length
          + "; the file is damaged, re-export it");
    }
    for (int i = 0; i < v.length; i++) {
      v[i] = raw ? fromRaw.at(i) : typed.at(i);
    }
  }

  private static OnnxImportException refusal(Node where, String message) {
    return where == null ? new OnnxImportException(message) : where.refuse(message);
  }

  int rank() {
    return shape.length;
  }

  /** The values as longs (shape arithmetic). */
  long[] longs() {
    long[] r = new long[data.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = (long) data[i];
    }
    return r;
  }

  /** The values as a DOUBLE ND4J array of this shape. */
  INDArray array() {
    return Nd4j.create(data.clone(), shape, DataType.DOUBLE);
  }

  private static long[] strides(long[] shape) {
    long[] s = new long[shape.length];
    long acc = 1;
    for (int i = shape.length - 1; i >= 0; i--) {
      s[i] = acc;
      acc *= shape[i];
    }
    return s;
  }

  /** ONNX Reshape: 0 copies the input dimension, one -1 is inferred. */
  Const reshape(long[] target) {
    long[] out = target.clone();
    int free = -1;
    long known = 1;
    for (int i = 0; i < out.length; i++) {
      if (out[i] == 0 && i < shape.length) {
        out[i] = shape[i];
      }
      if (out[i] == -1) {
        free = i;
      } else {
        known *= out[i];
      }
    }
    if (free >= 0) {
      out[free] = known == 0 ? 0 : data.length / known;
    }
    return new Const(out, data);
  }

  Const transpose(int[] perm) {
    long[] out = new long[shape.length];
    for (int i = 0; i < perm.length; i++) {
      out[i] = shape[perm[i]];
    }
    long[] inStrides = strides(shape);
    double[] v = new double[data.length];
    long[] idx = new long[out.length];
    for (int k = 0; k < v.length; k++) {
      long src = 0;
      for (int i = 0; i < out.length; i++) {
        src += idx[i] * inStrides[perm[i]];
      }
      v[k] = data[(int) src];
      increment(idx, out);
    }
    return new Const(out, v);
  }

  private static void increment(long[] idx, long[] shape) {
    for (int i = idx.length - 1; i >= 0; i--) {
      if (++idx[i] < shape[i]) {
        return;
      }
      idx[i] = 0;
    }
  }

  /** ONNX Slice with per-axis starts, ends and steps (clamped as the spec says). */
  Const slice(long[] starts, long[] ends, long[] axes, long[] steps) {
    long[] start = new long[shape.length];
    long[] step = new long[shape.length];
    long[] out = shape.clone();
    Arrays.fill(step, 1);
    for (int k = 0; k < starts.length; k++) {
      int axis = (int) (axes[k] < 0 ? axes[k] + shape.length : axes[k]);
      long dim = shape[axis];
      long st = steps[k];
      long s = starts[k] < 0 ? starts[k] + dim : starts[k];
      long e = ends[k] < 0 ? ends[k] + dim : ends[k];
      if (st > 0) {
        s = Math.max(0, Math.min(s, dim));
        e = Math.max(0, Math.min(e, dim));
        out[axis] = Math.max(0, (e - s + st - 1) / st);
      } else {
        s = Math.max(-1, Math.min(s, dim - 1));
        e = Math.max(-1, Math.min(e, dim - 1));
        out[axis] = Math.max(0, (s - e - st - 1) / -st);
      }
      start[axis] = s;
      step[axis] = st;
    }
    long[] inStrides = strides(shape);
    double[] v = new double[(int) size(out)];
    long[] idx = new long[out.length];
    for (int k = 0; k < v.length; k++) {
      long src = 0;
      for (int i = 0; i < out.length; i++) {
        src += (start[i] + idx[i] * step[i]) * inStrides[i];
      }
      v[k] = data[(int) src];
      increment(idx, out);
    }
    return new Const(out, v);
  }

  static Const concat(List<Const> parts, int axis) {
    long[] out = parts.get(0).shape.clone();
    int ax = axis < 0 ? axis + out.length : axis;
    out[ax] = parts.stream().mapToLong(p -> p.shape[ax]).sum();
    long outer = 1;
    for (int i = 0; i < ax; i++) {
      outer *= out[i];
    }
    double[] v = new double[(int) size(out)];
    int pos = 0;
    for (long o = 0; o < outer; o++) {
      for (Const p : parts) {
        int block = (int) (p.data.length / outer);
        System.arraycopy(p.data, (int) (o * block), v, pos, block);
        pos += block;
      }
    }
    return new Const(out, v);
  }

  /** ONNX Gather along axis 0. */
  Const gather(Const indices) {
    long rowSize = shape.length == 0 ? 1 : data.length / shape[0];
    long[] out = new long[indices.shape.length + shape.length - 1];
    System.arraycopy(indices.shape, 0, out, 0, indices.shape.length);
    System.arraycopy(shape, 1, out, indices.shape.length, shape.length - 1);
    double[] v = new double[(int) size(out)];
    for (int k = 0; k < indices.data.length; k++) {
      long i = (long) indices.data[k];
      i = i < 0 ? i + shape[0] : i;
      System.arraycopy(data, (int) (i * rowSize), v, (int) (k * rowSize), (int) rowSize);
    }
    return new Const(out, v);
  }

  /** ONNX Unsqueeze: inserts size-1 axes at the given output positions. */
  Const unsqueeze(long[] axes) {
    int rank = shape.length + axes.length;
    boolean[] inserted = new boolean[rank];
    for (long a : axes) {
      inserted[(int) (a < 0 ? a + rank : a)] = true;
    }
    long[] out = new long[rank];
    for (int i = 0, j = 0; i < rank; i++) {
      out[i] = inserted[i] ? 1 : shape[j++];
    }
    return new Const(out, data);
  }

  /** ONNX Squeeze: removes the given size-1 axes (all of them if none given). */
  Const squeeze(long[] axes) {
    boolean[] removed = new boolean[shape.length];
    for (int i = 0; i < shape.length; i++) {
      removed[i] = axes == null && shape[i] == 1;
    }
    if (axes != null) {
      for (long a : axes) {
        removed[(int) (a < 0 ? a + shape.length : a)] = true;
      }
    }
    return new Const(java.util.stream.IntStream.range(0, shape.length).filter(i -> !removed[i])
        .mapToLong(i -> shape[i]).toArray(), data);
  }

  @Override
  public String toString() {
    return Arrays.toString(shape) + (data.length <= 8 ? "=" + Arrays.toString(data) : "");
  }
}
