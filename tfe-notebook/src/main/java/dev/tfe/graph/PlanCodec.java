package dev.tfe.graph;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A compact binary form of a {@link Plan} (its nodes with their attributes, its steps, outputs
 * and the identities to which its sends are charged), so that a coordinator can ship each party its plan. The graph is data, so
 * the encoding is complete: {@code decode(encode(p))} executes exactly like {@code p}.
 *
 * <pre>
 * int magic 'TFP2' | str party | int n | n * node | int s | s * step | int[] outputs | int m | m * (int id, identity)
 *   | int k | k * str module
 * node: int id | str op | str party | identity | attrs | int[] inputs | int[] shape | byte wireBytes
 * attrs: int k | k * (str name | byte tag (L, D, S, I = int[], J = long[]) | value)
 * identity: see {@link OpIdentityCodec}
 * step: int index | peer map receives | int[] compute | peer map sends
 * </pre>
 */
public final class PlanCodec {
  private static final int MAGIC = 0x54465033;

  private PlanCodec() {}

  /** The plan as bytes. */
  public static byte[] encode(Plan plan) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeUTF(plan.party());
      out.writeInt(plan.nodes().size());
      for (Node n : plan.nodes().values()) {
        writeNode(out, n);
      }
      out.writeInt(plan.steps().size());
      for (Plan.Step s : plan.steps()) {
        out.writeInt(s.index());
        writePeerMap(out, s.receives());
        writeInts(out, s.compute());
        writePeerMap(out, s.sends());
      }
      writeInts(out, plan.outputs().stream().mapToInt(Integer::intValue).toArray());
      out.writeInt(plan.sendIdentities().size());
      for (Map.Entry<Integer, OpIdentity> e : plan.sendIdentities().entrySet()) {
        out.writeInt(e.getKey());
        OpIdentityCodec.write(out, e.getValue() == null ? OpIdentity.NONE : e.getValue());
      }
      out.writeInt(plan.modules().size());
      for (String m : plan.modules()) {
        out.writeUTF(m);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The plan encoded by {@link #encode}; throws {@link IllegalArgumentException} on malformed bytes. */
  public static Plan decode(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (in.readInt() != MAGIC) {
        throw new IllegalArgumentException("not an encoded plan (bad magic)");
      }
      String party = in.readUTF();
      int n = in.readInt();
      Map<Integer, Node> nodes = new TreeMap<>();
      for (int i = 0; i < n; i++) {
        Node node = readNode(in);
        nodes.put(node.id(), node);
      }
      int s = in.readInt();
      List<Plan.Step> steps = new ArrayList<>(s);
      for (int i = 0; i < s; i++) {
        int index = in.readInt();
        Map<String, int[]> receives = readPeerMap(in);
        int[] compute = readInts(in);
        steps.add(new Plan.Step(index, receives, compute, readPeerMap(in)));
      }
      List<Integer> outputs = new ArrayList<>();
      for (int id : readInts(in)) {
        outputs.add(id);
      }
      int m = in.readInt();
      Map<Integer, OpIdentity> sendIdentities = new TreeMap<>();
      for (int i = 0; i < m; i++) {
        sendIdentities.put(in.readInt(), OpIdentityCodec.read(in));
      }
      int k = in.readInt();
      List<String> modules = new ArrayList<>(k);
      for (int i = 0; i < k; i++) {
        modules.add(in.readUTF());
      }
      return new Plan(party, nodes, steps, outputs, sendIdentities, modules);
    } catch (IOException e) {
      throw new IllegalArgumentException("malformed plan: " + e, e);
    }
  }

  private static void writeNode(DataOutputStream out, Node n) throws IOException {
    out.writeInt(n.id());
    out.writeUTF(n.op());
    out.writeUTF(n.party());
    OpIdentityCodec.write(out, n.identity());
    Map<String, Object> attrs = n.attrs().asMap();
    out.writeInt(attrs.size());
    for (Map.Entry<String, Object> e : attrs.entrySet()) {
      out.writeUTF(e.getKey());
      Object v = e.getValue();
      if (v instanceof Long l) {
        out.writeByte('L');
        out.writeLong(l);
      } else if (v instanceof Double d) {
        out.writeByte('D');
        out.writeDouble(d);
      } else if (v instanceof String str) {
        out.writeByte('S');
        writeString(out, str);
      } else if (v instanceof int[] a) {
        out.writeByte('I');
        writeInts(out, a);
      } else if (v instanceof long[] a) {
        out.writeByte('J');
        writeLongs(out, a);
      } else {
        throw new IllegalArgumentException("attribute " + e.getKey() + " of " + n + " cannot be encoded");
      }
    }
    writeInts(out, n.inputs());
    writeInts(out, n.shape());
    out.writeByte(n.wireBytes());
  }

  private static Node readNode(DataInputStream in) throws IOException {
    int id = in.readInt();
    String op = in.readUTF();
    String party = in.readUTF();
    OpIdentity identity = OpIdentityCodec.read(in);
    int k = in.readInt();
    Object[] kv = new Object[2 * k];
    for (int i = 0; i < k; i++) {
      kv[2 * i] = in.readUTF();
      int tag = in.readByte();
      kv[2 * i + 1] = switch (tag) {
        case 'L' -> in.readLong();
        case 'D' -> in.readDouble();
        case 'S' -> readString(in);
        case 'I' -> readInts(in);
        case 'J' -> readLongs(in);
        default -> throw new IOException("unknown attribute tag " + tag);
      };
    }
    int[] inputs = readInts(in);
    int[] shape = readInts(in);
    return new Node(id, op, party, identity, Attrs.of(kv), inputs, shape, in.readByte());
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readString(DataInputStream in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return new String(b, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static void writePeerMap(DataOutputStream out, Map<String, int[]> m) throws IOException {
    out.writeInt(m.size());
    for (Map.Entry<String, int[]> e : m.entrySet()) {
      out.writeUTF(e.getKey());
      writeInts(out, e.getValue());
    }
  }

  private static Map<String, int[]> readPeerMap(DataInputStream in) throws IOException {
    int n = in.readInt();
    Map<String, int[]> m = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      String peer = in.readUTF();
      m.put(peer, readInts(in));
    }
    return m;
  }

  private static void writeInts(DataOutputStream out, int[] a) throws IOException {
    out.writeInt(a.length);
    for (int v : a) {
      out.writeInt(v);
    }
  }

  private static int[] readInts(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available() / 4 + 1) {
      throw new IOException("bad array length " + n);
    }
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = in.readInt();
    }
    return a;
  }

  private static void writeLongs(DataOutputStream out, long[] a) throws IOException {
    out.writeInt(a.length);
    ByteBuffer b = ByteBuffer.allocate(8 * a.length);
    b.asLongBuffer().put(a);
    out.write(b.array());
  }

  private static long[] readLongs(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available() / 8) {
      throw new IOException("bad array length " + n);
    }
    byte[] raw = new byte[8 * n];
    in.readFully(raw);
    long[] a = new long[n];
    ByteBuffer.wrap(raw).asLongBuffer().get(a);
    return a;
  }
}
