package dev.tfe.launcher.net;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The first frame of every message between processes; the second frame is the payload (for
 * {@link Kind#DATA}, one batch of tensors in {@code dev.tfe.runtime.MessageCodec}'s format,
 * which carries each tensor's node id, width and shape).
 *
 * <pre>
 * byte kind | long session | long run | int step | short len + UTF-8 from | short len + UTF-8 to
 * </pre>
 *
 * {@code from} and {@code to} are party names. The receiving process checks that {@code from}
 * is hosted by the process that authenticated on the connection, so no party can speak for
 * another.
 *
 * @param kind what the message is
 * @param session the coordinator's session (one per runtime attached to a cluster)
 * @param run the cluster-wide run id
 * @param step the plan step of a data batch (its round), else 0
 * @param from the sending party
 * @param to the receiving party
 */
public record Header(Kind kind, long session, long run, int step, String from, String to) {

  /** Message kinds: tensors between parties, and the coordinator's control messages. */
  public enum Kind {
    /** One batch of tensors of one step, from one party to another. */
    DATA,
    /** Coordinator to a party process: you are attached; check your peers and answer READY. */
    HELLO,
    /** Party process to coordinator: peers reachable, ready for runs (payload: pid, log file). */
    READY,
    /** Coordinator to a party process: execute a plan (payload: plan or its id, feeds). */
    RUN,
    /** Party process to coordinator: run done (payload: statistics). */
    RESULT,
    /** Party process to coordinator: run or handshake failed (payload: message). */
    FAILED,
    /** Coordinator to party processes: abandon a run (payload: reason). */
    ABORT,
    /** Coordinator heartbeat; answered by PONG. */
    PING,
    /** Party heartbeat answer. */
    PONG,
    /** Coordinator to party process: exit now (payload: reason). */
    STOP,
    /** Coordinator to party process: forget the state of a session. */
    END_SESSION,
    /** Party to party: connectivity check during the handshake; answered by PEER_PONG. */
    PEER_PING,
    /** Answer to PEER_PING. */
    PEER_PONG,
    /**
     * Coordinator to party process: I am leaving; drop my sessions and wait for the next
     * coordinator (a coordinator that did not start the process does not stop it).
     */
    DETACH,
    /**
     * Coordinator to a party process it launched: the class files of an op module the party's
     * build does not contain, sealed with the launch's secret (payload: seal and bundle; see
     * {@code dev.tfe.launcher.code}). Sent before the run whose plan names the module.
     */
    CODE;

    private static final Kind[] ALL = values();
  }

  /** Encodes the header into a fresh array. */
  public byte[] encode() {
    byte[] f = from.getBytes(StandardCharsets.UTF_8);
    byte[] t = to.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(1 + 8 + 8 + 4 + 2 + f.length + 2 + t.length);
    b.put((byte) kind.ordinal()).putLong(session).putLong(run).putInt(step);
    b.putShort((short) f.length).put(f).putShort((short) t.length).put(t);
    return b.array();
  }

  /** A length-prefixed name, checked against the bytes left before it is allocated. */
  private static byte[] name(ByteBuffer b) {
    int n = b.getShort();
    if (n < 0 || n > b.remaining()) {
      throw new IllegalArgumentException("a name of " + n + " bytes does not fit the " + b.remaining() + " bytes left");
    }
    byte[] a = new byte[n];
    b.get(a);
    return a;
  }

  /** Decodes a header; malformed bytes give an {@link IllegalArgumentException}. */
  public static Header decode(byte[] bytes) {
    try {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      int k = b.get();
      if (k < 0 || k >= Kind.ALL.length) {
        throw new IllegalArgumentException("unknown message kind " + k);
      }
      long session = b.getLong();
      long run = b.getLong();
      int step = b.getInt();
      byte[] f = name(b);
      byte[] t = name(b);
      return new Header(Kind.ALL[k], session, run, step, new String(f, StandardCharsets.UTF_8),
          new String(t, StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("malformed message header (" + bytes.length + " bytes): " + e.getMessage(), e);
    }
  }
}
