package dev.tfe.graph;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of an {@link OpIdentity}, for plans shipped to party processes and the op
 * statistics they send back: {@code int n | n * frame}, a frame being {@code byte 'L' | str name}
 * or {@code byte 'O' | str protocol | str op | int instance}.
 */
public final class OpIdentityCodec {
  private static final int MAX_FRAMES = 4096;

  private OpIdentityCodec() {}

  public static void write(DataOutput out, OpIdentity id) throws IOException {
    out.writeInt(id.frames().size());
    for (OpIdentity.Frame f : id.frames()) {
      if (f instanceof OpIdentity.Layer l) {
        out.writeByte('L');
        out.writeUTF(l.name());
      } else if (f instanceof OpIdentity.Op o) {
        out.writeByte('O');
        out.writeUTF(o.protocol());
        out.writeUTF(o.op());
        out.writeInt(o.instance());
      }
    }
  }

  /** Reads an identity; throws {@link IOException} on a malformed one. */
  public static OpIdentity read(DataInput in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > MAX_FRAMES) {
      throw new IOException("an op identity of " + n + " frames");
    }
    if (n == 0) {
      return OpIdentity.NONE;
    }
    List<OpIdentity.Frame> frames = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int tag = in.readByte();
      switch (tag) {
        case 'L' -> frames.add(new OpIdentity.Layer(in.readUTF()));
        case 'O' -> {
          String protocol = in.readUTF();
          String op = in.readUTF();
          if (op.isEmpty()) {
            throw new IOException("an op frame without an op name");
          }
          frames.add(new OpIdentity.Op(new OpKind(protocol, op), in.readInt()));
        }
        default -> throw new IOException("unknown op identity frame tag " + tag);
      }
    }
    return new OpIdentity(frames);
  }
}
