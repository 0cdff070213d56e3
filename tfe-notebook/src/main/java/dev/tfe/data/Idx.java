package dev.tfe.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * A reader of IDX files, the format of the MNIST database (LeCun, Cortes and Burges,
 * "The MNIST database of handwritten digits"): a 4-byte magic number (two zero bytes, an element
 * type code, the number of dimensions), one big-endian 32-bit size per dimension, then the
 * elements in row-major order, big-endian. MNIST images have magic 0x00000803 (unsigned bytes,
 * 3 dimensions: count, rows, columns) and labels 0x00000801 (unsigned bytes, 1 dimension).
 *
 * <p>Gzip-compressed files are recognised by their first two bytes and decompressed on the fly,
 * whatever their name. Malformed input is an {@link IdxFormatException} saying what is wrong:
 * a bad magic number, an unknown type, missing or extra data.
 */
public final class Idx {
  static final int UBYTE = 0x08;
  static final int BYTE = 0x09;
  static final int SHORT = 0x0B;
  static final int INT = 0x0C;
  static final int FLOAT = 0x0D;
  static final int DOUBLE = 0x0E;
  /** Magic number of MNIST image files: unsigned bytes, 3 dimensions. */
  public static final int IMAGES_MAGIC = 0x803;
  /** Magic number of MNIST label files: unsigned bytes, 1 dimension. */
  public static final int LABELS_MAGIC = 0x801;

  private Idx() {}

  /** Reads an IDX file, gzip-compressed or not. */
  public static IdxArray read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  /** Reads an IDX stream, gzip-compressed or not; {@code source} names it in error messages. */
  public static IdxArray read(InputStream stream, String source) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(stream, 1 << 16);
    buffered.mark(2);
    int b0 = buffered.read();
    int b1 = buffered.read();
    buffered.reset();
    InputStream in = (b0 == 0x1f && b1 == 0x8b) ? new BufferedInputStream(new GZIPInputStream(buffered), 1 << 16) : buffered;
    try {
      return parse(in, source);
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      throw new IdxFormatException(source + ": corrupt gzip data (" + e.getMessage() + ")");
    }
  }

  /** Reads an IDX file and checks that its magic number is {@code expectedMagic} (e.g. {@link #IMAGES_MAGIC}). */
  public static IdxArray read(Path file, int expectedMagic) throws IOException {
    IdxArray a = read(file);
    if (a.magic() != expectedMagic) {
      throw new IdxFormatException(file + ": magic number 0x" + hex(a.magic()) + " where 0x" + hex(expectedMagic)
          + " was expected (" + describe(expectedMagic) + ")");
    }
    return a;
  }

  private static IdxArray parse(InputStream in, String source) throws IOException {
    byte[] header = in.readNBytes(4);
    if (header.length < 4) {
      throw new IdxFormatException(source + ": file too short for an IDX header (" + header.length + " bytes)");
    }
    int magic = (header[0] & 0xff) << 24 | (header[1] & 0xff) << 16 | (header[2] & 0xff) << 8 | (header[3] & 0xff);
    if (header[0] != 0 || header[1] != 0) {
      throw new IdxFormatException(source + ": not an IDX file: magic number 0x" + hex(magic)
          + " should start with two zero bytes (MNIST images are 0x00000803, labels 0x00000801)");
    }
    int type = header[2] & 0xff;
    int rank = header[3] & 0xff;
    int width = elementWidth(type);
    if (width == 0) {
      throw new IdxFormatException(source + ": unknown IDX element type 0x" + Integer.toHexString(type)
          + " in magic number 0x" + hex(magic) + " (known: 08 ubyte, 09 byte, 0B short, 0C int, 0D float, 0E double)");
    }
    if (rank == 0) {
      throw new IdxFormatException(source + ": IDX header declares 0 dimensions");
    }
    byte[] dimBytes = in.readNBytes(4 * rank);
    if (dimBytes.length < 4 * rank) {
      throw new IdxFormatException(source + ": truncated header: " + rank + " dimensions declared, "
          + dimBytes.length / 4 + " present");
    }
    int[] dims = new int[rank];
    for (int i = 0; i < rank; i++) {
      dims[i] = (dimBytes[4 * i] & 0xff) << 24 | (dimBytes[4 * i + 1] & 0xff) << 16 | (dimBytes[4 * i + 2] & 0xff) << 8
          | (dimBytes[4 * i + 3] & 0xff);
      if (dims[i] < 0) {
        throw new IdxFormatException(source + ": dimension " + i + " has a negative size " + dims[i]);
      }
    }
    long bytes = (long) width * Arrays.stream(dims).asLongStream().reduce(1, (a, b) -> a * b);
    if (bytes > Integer.MAX_VALUE - 16) {
      throw new IdxFormatException(source + ": dimensions " + Arrays.toString(dims) + " need " + bytes
          + " bytes, more than this reader supports");
    }
    byte[] data = in.readNBytes((int) bytes);
    if (data.length < bytes) {
      throw new IdxFormatException(source + ": truncated: dimensions " + Arrays.toString(dims) + " need " + bytes
          + " bytes of data, found " + data.length);
    }
    if (in.read() != -1) {
      long extra = 1 + in.transferTo(java.io.OutputStream.nullOutputStream());
      throw new IdxFormatException(source + ": " + extra + " bytes after the data that dimensions "
          + Arrays.toString(dims) + " declare");
    }
    return new IdxArray(type, dims, data);
  }

  static int elementCount(int[] dims) {
    long n = 1;
    for (int d : dims) {
      n *= d;
    }
    return Math.toIntExact(n);
  }

  private static int elementWidth(int type) {
    return switch (type) {
      case UBYTE, BYTE -> 1;
      case SHORT -> 2;
      case INT, FLOAT -> 4;
      case DOUBLE -> 8;
      default -> 0;
    };
  }

  private static String hex(int magic) {
    return String.format("%08x", magic);
  }

  private static String describe(int magic) {
    return magic == IMAGES_MAGIC ? "images: unsigned bytes, 3 dimensions"
        : magic == LABELS_MAGIC ? "labels: unsigned bytes, 1 dimension" : "element type and rank";
  }
}
