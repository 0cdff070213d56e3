package dev.tfe.launcher.net;

import dev.tfe.graph.OpIdentity;
import dev.tfe.graph.OpIdentityCodec;
import dev.tfe.graph.ValueKind;
import dev.tfe.profile.OpStats;
import dev.tfe.profile.PartyRunStats;
import dev.tfe.profile.SeenStats;
import dev.tfe.ring.RingTensor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Payloads of the control messages between the coordinator and party processes: a run order
 * (plan, or the id of a plan sent before, and the feeds meant for that party alone), a party's
 * statistics (per op, and what it saw), and short texts (errors, reasons).
 *
 * <p>Decoding never allocates more than the message holds: every count or length read from the
 * bytes is checked against the bytes left before anything is allocated for it, so a message that
 * claims a 2 GiB plan or a billion-element tensor is refused with an
 * {@link IllegalArgumentException} ("malformed control message: ...") that its receiver logs.
 */
public final class Payloads {
  private Payloads() {}

  /**
   * A run order.
   *
   * @param planId the coordinator's id for the plan
   * @param plan the encoded plan, or null if the party received it in an earlier run
   * @param feeds the values fed to this party alone, by input key
   * @param timeoutMillis how long a receive may wait for a peer
   */
  public record RunOrder(int planId, byte[] plan, Map<String, RingTensor> feeds, long timeoutMillis) {}

  public static byte[] runOrder(RunOrder o) {
    return write(out -> {
      out.writeInt(o.planId());
      out.writeLong(o.timeoutMillis());
      out.writeInt(o.plan() == null ? -1 : o.plan().length);
      if (o.plan() != null) {
        out.write(o.plan());
      }
      out.writeInt(o.feeds().size());
      for (Map.Entry<String, RingTensor> e : o.feeds().entrySet()) {
        out.writeUTF(e.getKey());
        writeTensor(out, e.getValue());
      }
    });
  }

  public static RunOrder runOrder(byte[] bytes) {
    return read(bytes, in -> {
      int id = in.readInt();
      long timeout = in.readLong();
      int n = in.readInt();
      byte[] plan = null;
      if (n >= 0) {
        plan = new byte[claim(in, n, 1, "plan")];
        in.readFully(plan);
      }
      int k = in.readInt();
      Map<String, RingTensor> feeds = new LinkedHashMap<>();
      for (int i = 0; i < k; i++) {
        String key = in.readUTF();
        feeds.put(key, readTensor(in));
      }
      return new RunOrder(id, plan, feeds, timeout);
    });
  }

  public static byte[] stats(PartyRunStats s) {
    return write(out -> {
      out.writeUTF(s.party());
      out.writeLong(s.wallNanos());
      out.writeInt(s.rounds());
      List<OpStats> ops = s.ops();
      out.writeInt(ops.size());
      for (OpStats o : ops) {
        OpIdentityCodec.write(out, o.identity());
        out.writeLong(o.nanos());
        out.writeLong(o.waitNanos());
        out.writeLong(o.bytesSent());
        out.writeLong(o.bytesReceived());
        out.writeInt(o.rounds());
        out.writeInt(o.nodes());
        long[] steps = o.sendSteps().toLongArray();
        out.writeInt(steps.length);
        for (long w : steps) {
          out.writeLong(w);
        }
      }
      List<SeenStats> seen = s.seen();
      out.writeInt(seen.size());
      for (SeenStats v : seen) {
        out.writeUTF(v.kind().name());
        out.writeUTF(v.from());
        out.writeLong(v.values());
        out.writeLong(v.messages());
        out.writeLong(v.bytes());
      }
    });
  }

  public static PartyRunStats stats(byte[] bytes) {
    return read(bytes, in -> {
      String party = in.readUTF();
      long wall = in.readLong();
      int rounds = in.readInt();
      int n = in.readInt();
      List<OpStats> ops = new ArrayList<>(claim(in, n, MIN_OP_BYTES, "operation statistics"));
      for (int i = 0; i < n; i++) {
        OpIdentity op = OpIdentityCodec.read(in);
        long nanos = in.readLong();
        long wait = in.readLong();
        long sent = in.readLong();
        long received = in.readLong();
        int opRounds = in.readInt();
        int nodes = in.readInt();
        long[] steps = new long[claim(in, in.readInt(), 8, "step words")];
        for (int w = 0; w < steps.length; w++) {
          steps[w] = in.readLong();
        }
        ops.add(new OpStats(op, party, nanos, sent, received, opRounds, nodes, java.util.BitSet.valueOf(steps), wait));
      }
      int k = in.readInt();
      List<SeenStats> seen = new ArrayList<>(claim(in, k, MIN_SEEN_BYTES, "records of values seen"));
      for (int i = 0; i < k; i++) {
        String kind = in.readUTF();
        String from = in.readUTF();
        try {
          seen.add(new SeenStats(party, ValueKind.valueOf(kind), from, in.readLong(), in.readLong(), in.readLong()));
        } catch (IllegalArgumentException e) {
          throw new IOException("unknown kind of value " + kind);
        }
      }
      return PartyRunStats.restore(party, wall, rounds, ops, seen);
    });
  }

  public static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  public static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  private static void writeTensor(DataOutputStream out, RingTensor t) throws IOException {
    int[] shape = t.shape();
    out.writeByte(shape.length);
    for (int d : shape) {
      out.writeInt(d);
    }
    long[] data = t.data();
    ByteBuffer b = ByteBuffer.allocate(8 * data.length);
    b.asLongBuffer().put(data);
    out.write(b.array());
  }

  private static RingTensor readTensor(DataInputStream in) throws IOException {
    int rank = in.readByte();
    if (rank < 0) {
      throw new IOException("tensor of rank " + rank);
    }
    int[] shape = new int[rank];
    long n = 1;
    for (int i = 0; i < rank; i++) {
      shape[i] = in.readInt();
      if (shape[i] < 0) {
        throw new IOException("tensor dimension " + shape[i]);
      }
      n *= shape[i];
      if (n > in.available() / 8) {
        throw new IOException("a tensor of shape " + java.util.Arrays.toString(java.util.Arrays.copyOf(shape, i + 1))
            + "... does not fit the " + in.available() + " bytes left in the message");
      }
    }
    byte[] raw = new byte[(int) (8 * n)];
    in.readFully(raw);
    long[] d = new long[(int) n];
    ByteBuffer.wrap(raw).asLongBuffer().get(d);
    return RingTensor.of(d, shape);
  }

  /** The smallest encoding of one operation's statistics: UTF length, 4 longs, 3 ints. */
  private static final int MIN_OP_BYTES = 4 + 4 * 8 + 3 * 4;

  /** The smallest encoding of one record of values seen: two UTF lengths, 3 longs. */
  private static final int MIN_SEEN_BYTES = 2 * 2 + 3 * 8;

  /**
   * Checks a count read from the message against the bytes left, at {@code unit} bytes each.
   *
   * @throws IOException if the message cannot hold that many
   */
  static int claim(DataInputStream in, int count, int unit, String what) throws IOException {
    int left = in.available();
    if (count < 0 || (long) count * unit > left) {
      throw new IOException(count + " " + what + " (" + (long) count * unit + " bytes or more) claimed, but only "
          + left + " bytes are left in the message");
    }
    return count;
  }

  private interface Writer {
    void write(DataOutputStream out) throws IOException;
  }

  private interface Reader<T> {
    T read(DataInputStream in) throws IOException;
  }

  private static byte[] write(Writer w) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      w.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static <T> T read(byte[] bytes, Reader<T> r) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      return r.read(in);
    } catch (IOException e) {
      throw new IllegalArgumentException("malformed control message: " + e.getMessage(), e);
    }
  }
}
