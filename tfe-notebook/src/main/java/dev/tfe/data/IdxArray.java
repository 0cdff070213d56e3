package dev.tfe.data;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The contents of one IDX file: its element type, its dimensions and its data, kept as the raw
 * big-endian bytes of the file and decoded on access.
 */
public final class IdxArray {
  private final int typeCode;
  private final int[] dims;
  private final byte[] data;

  IdxArray(int typeCode, int[] dims, byte[] data) {
    this.typeCode = typeCode;
    this.dims = dims;
    this.data = data;
  }

  /** The element type code from the header: 0x08 unsigned byte, 0x09 byte, 0x0B short, 0x0C int, 0x0D float, 0x0E double. */
  public int typeCode() {
    return typeCode;
  }

  /** The magic number: {@code typeCode << 8 | rank}, for example 0x803 for MNIST images. */
  public int magic() {
    return typeCode << 8 | dims.length;
  }

  public int[] dims() {
    return dims.clone();
  }

  public int rank() {
    return dims.length;
  }

  /** The number of elements. */
  public int size() {
    return Idx.elementCount(dims);
  }

  /** Element {@code i} in row-major order, as a double. */
  public double get(int i) {
    return switch (typeCode) {
      case Idx.UBYTE -> data[i] & 0xff;
      case Idx.BYTE -> data[i];
      case Idx.SHORT -> ByteBuffer.wrap(data).getShort(i * 2);
      case Idx.INT -> ByteBuffer.wrap(data).getInt(i * 4);
      case Idx.FLOAT -> ByteBuffer.wrap(data).getFloat(i * 4);
      case Idx.DOUBLE -> ByteBuffer.wrap(data).getDouble(i * 8);
      default -> throw new IllegalStateException("type code " + typeCode);
    };
  }

  /** Every element in row-major order, as doubles. */
  public double[] toDoubles() {
    double[] out = new double[size()];
    if (typeCode == Idx.UBYTE) {
      for (int i = 0; i < out.length; i++) {
        out[i] = data[i] & 0xff;
      }
    } else {
      for (int i = 0; i < out.length; i++) {
        out[i] = get(i);
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "IdxArray(magic 0x" + Integer.toHexString(magic()) + ", dims " + Arrays.toString(dims) + ")";
  }
}
