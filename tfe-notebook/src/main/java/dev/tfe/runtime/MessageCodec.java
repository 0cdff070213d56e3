package dev.tfe.runtime;

import dev.tfe.ring.RingTensor;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The wire format of one batch: every value one party sends one peer at the end of one step.
 *
 * <pre>
 * int magic 'TFE1' | long run | int step | short len + UTF-8 sender | int count
 * per tensor: int node id | byte width | byte rank | int dims[rank] | elements (little endian, width bytes each)
 * </pre>
 *
 * Values known to be small (bits, elements of Z_67) travel in 1 byte instead of 8.
 */
public final class MessageCodec {
  static final int MAGIC = 0x54464531;
  /** The largest rank a tensor on the wire may have. */
  static final int MAX_RANK = 8;

  private MessageCodec() {}

  /** One tensor of a batch. */
  public record Entry(int nodeId, int width, RingTensor value) {}

  /** A decoded batch. */
  public record Batch(long run, int step, String sender, List<Entry> entries) {}

  public static byte[] encode(long run, int step, String sender, List<Entry> entries) {
    byte[] name = sender.getBytes(StandardCharsets.UTF_8);
    int size = 4 + 8 + 4 + 2 + name.length + 4;
    for (Entry e : entries) {
      size += 4 + 1 + 1 + 4 * e.value().rank() + e.width() * e.value().size();
    }
    ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(MAGIC).putLong(run).putInt(step).putShort((short) name.length).put(name).putInt(entries.size());
    for (Entry e : entries) {
      RingTensor t = e.value();
      b.putInt(e.nodeId()).put((byte) e.width()).put((byte) t.rank());
      for (int d : t.shape()) {
        b.putInt(d);
      }
      long[] d = t.data();
      switch (e.width()) {
        case 8 -> b.asLongBuffer().put(d);
        case 1 -> {
          for (long v : d) {
            b.put((byte) v);
          }
        }
        case 2 -> {
          for (long v : d) {
            b.putShort((short) v);
          }
        }
        case 4 -> {
          for (long v : d) {
            b.putInt((int) v);
          }
        }
        default -> throw new IllegalArgumentException("bad wire width " + e.width());
      }
      if (e.width() == 8) {
        b.position(b.position() + 8 * d.length);
      }
    }
    return b.array();
  }

  /**
   * Decodes a batch, refusing anything malformed (bad magic, a bad width or rank, a negative or
   * oversized dimension, a batch cut short or with bytes left over) with an
   * {@link IllegalStateException} that says what is wrong.
   */
  public static Batch decode(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes.length < 22 || b.getInt() != MAGIC) {
      throw new IllegalStateException("malformed message: bad header (" + bytes.length + " bytes)");
    }
    try {
      long run = b.getLong();
      int step = b.getInt();
      byte[] name = new byte[Short.toUnsignedInt(b.getShort())];
      b.get(name);
      int count = b.getInt();
      if (count < 0 || count > b.remaining() / 6) {
        throw malformed("a count of " + count + " tensors in " + bytes.length + " bytes");
      }
      List<Entry> entries = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        entries.add(decodeEntry(b));
      }
      if (b.hasRemaining()) {
        throw malformed(b.remaining() + " bytes left over after " + count + " tensors");
      }
      return new Batch(run, step, new String(name, StandardCharsets.UTF_8), entries);
    } catch (BufferUnderflowException e) {
      throw malformed("cut short (" + bytes.length + " bytes)");
    }
  }

  private static Entry decodeEntry(ByteBuffer b) {
    int id = b.getInt();
    int width = b.get();
    if (width != 1 && width != 2 && width != 4 && width != 8) {
      throw malformed("bad wire width " + width);
    }
    int rank = b.get();
    if (rank < 0 || rank > MAX_RANK) {
      throw malformed("bad rank " + rank + " of node #" + id);
    }
    int[] shape = new int[rank];
    long n = 1;
    for (int k = 0; k < rank; k++) {
      shape[k] = b.getInt();
      if (shape[k] < 0) {
        throw malformed("negative dimension " + shape[k] + " of node #" + id);
      }
      long cap = 1L << 40; // saturated below overflow; a later zero dimension still empties it
      n = shape[k] == 0 ? 0 : n > cap / shape[k] ? cap : n * shape[k];
    }
    if (n * width > b.remaining()) {
      throw malformed("node #" + id + " claims more elements than the message holds");
    }
    long[] d = new long[(int) n];
    switch (width) {
      case 8 -> {
        b.asLongBuffer().get(d);
        b.position(b.position() + 8 * d.length);
      }
      case 1 -> {
        for (int k = 0; k < d.length; k++) {
          d[k] = b.get() & 0xFFL;
        }
      }
      case 2 -> {
        for (int k = 0; k < d.length; k++) {
          d[k] = b.getShort() & 0xFFFFL;
        }
      }
      default -> {
        for (int k = 0; k < d.length; k++) {
          d[k] = b.getInt() & 0xFFFFFFFFL;
        }
      }
    }
    return new Entry(id, width, RingTensor.of(d, shape));
  }

  private static IllegalStateException malformed(String what) {
    return new IllegalStateException("malformed message: " + what);
  }
}
