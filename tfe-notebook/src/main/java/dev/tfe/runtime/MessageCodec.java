package dev.tfe.runtime;

import dev.tfe.ring.RingTensor;
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

  public static Batch decode(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes.length < 22 || b.getInt() != MAGIC) {
      throw new IllegalStateException("malformed message: bad header (" + bytes.length + " bytes)");
    }
    long run = b.getLong();
    int step = b.getInt();
    byte[] name = new byte[b.getShort()];
    b.get(name);
    int count = b.getInt();
    List<Entry> entries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int id = b.getInt();
      int width = b.get();
      int rank = b.get();
      int[] shape = new int[rank];
      int n = 1;
      for (int k = 0; k < rank; k++) {
        shape[k] = b.getInt();
        n *= shape[k];
      }
      long[] d = new long[n];
      switch (width) {
        case 8 -> {
          b.asLongBuffer().get(d);
          b.position(b.position() + 8 * n);
        }
        case 1 -> {
          for (int k = 0; k < n; k++) {
            d[k] = b.get() & 0xFFL;
          }
        }
        case 2 -> {
          for (int k = 0; k < n; k++) {
            d[k] = b.getShort() & 0xFFFFL;
          }
        }
        case 4 -> {
          for (int k = 0; k < n; k++) {
            d[k] = b.getInt() & 0xFFFFFFFFL;
          }
        }
        default -> throw new IllegalStateException("malformed message: bad wire width " + width);
      }
      entries.add(new Entry(id, width, RingTensor.of(d, shape)));
    }
    return new Batch(run, step, new String(name, StandardCharsets.UTF_8), entries);
  }
}
