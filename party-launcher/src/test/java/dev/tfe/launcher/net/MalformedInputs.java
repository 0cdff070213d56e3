package dev.tfe.launcher.net;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Malformed inputs for a party's listening port, from a seeded {@link Random}: what an attacker
 * who can reach the port but holds no token or key can send. Each input is the bytes of one
 * connection, of one {@link Kind}.
 */
public final class MalformedInputs {
  /** The kinds of input, each a share of the whole. */
  public enum Kind {
    /** 1 to 300 random bytes. */
    RANDOM_BYTES,
    /** A greeting of any mechanism or version, then a frame header with a hostile size. */
    ANY_GREETING_HOSTILE_SIZE,
    /** A greeting of the party's own mechanism, then a frame header with a hostile size (and some body). */
    VALID_GREETING_HOSTILE_SIZE,
    /** A greeting and a HELLO command cut short anywhere. */
    TRUNCATED_FRAME,
    /** A connection that says nothing or part of a greeting and is then held open. */
    HALF_OPEN,
    /** A greeting and a HELLO with random bytes changed. */
    MUTATED_HELLO,
    /** A greeting, then small message frames before any handshake. */
    FRAMES_BEFORE_HANDSHAKE
  }

  /** One input. {@code holdOpen}: keep the connection open afterwards (half-open). */
  public record Input(Kind kind, byte[] bytes, boolean holdOpen) {}

  private static final long[] HOSTILE = {-1L, Long.MIN_VALUE, 0x800000007fffffffL, 0xffffffff7fffffffL, Integer.MAX_VALUE,
      1L << 29, 1L << 30, 3L << 29, 1L << 31, 1L << 32, 9L << 20, Long.MAX_VALUE, -2L, 0x8000000000000000L + (1 << 20)};
  private static final String[] MECHANISMS = {"NULL", "PLAIN", "CURVE", "GSSAPI", "XYZZY", ""};

  private final Random rnd;
  private final String mechanism;

  /** Inputs against a party that speaks {@code mechanism} ("PLAIN" or "CURVE"). */
  public MalformedInputs(long seed, String mechanism) {
    this.rnd = new Random(seed);
    this.mechanism = mechanism;
  }

  /** The next input; the kinds take turns. */
  public Input next(long i) {
    Kind k = Kind.values()[(int) (i % Kind.values().length)];
    return switch (k) {
      case RANDOM_BYTES -> new Input(k, random(1 + rnd.nextInt(300)), false);
      case ANY_GREETING_HOSTILE_SIZE -> new Input(k, concat(greeting(MECHANISMS[rnd.nextInt(MECHANISMS.length)],
          rnd.nextInt(4)), frame(hostileSize())), false);
      case VALID_GREETING_HOSTILE_SIZE -> new Input(k, concat(greeting(mechanism, 3), frame(hostileSize()),
          random(rnd.nextInt(64))), false);
      case TRUNCATED_FRAME -> {
        byte[] whole = concat(greeting(mechanism, 3), hello());
        yield new Input(k, java.util.Arrays.copyOf(whole, 1 + rnd.nextInt(whole.length - 1)), false);
      }
      case HALF_OPEN -> new Input(k, java.util.Arrays.copyOf(greeting(mechanism, 3), rnd.nextInt(64)), true);
      case MUTATED_HELLO -> {
        byte[] b = concat(greeting(mechanism, 3), hello());
        for (int f = 1 + rnd.nextInt(4); f > 0; f--) {
          b[rnd.nextInt(b.length)] ^= (byte) (1 + rnd.nextInt(255));
        }
        yield new Input(k, b, false);
      }
      case FRAMES_BEFORE_HANDSHAKE -> {
        ByteBuffer b = ByteBuffer.allocate(64 + 20 * 40).put(greeting(mechanism, 3));
        for (int f = 0; f < 20; f++) {
          b.put((byte) (rnd.nextBoolean() ? 0x00 : 0x01)).put((byte) 37).put(random(37));
        }
        yield new Input(k, b.array(), false);
      }
    };
  }

  private long hostileSize() {
    return rnd.nextInt(3) == 0 ? rnd.nextLong() : HOSTILE[rnd.nextInt(HOSTILE.length)];
  }

  /** A long frame header (command or message, more or not) claiming {@code size} bytes. */
  private byte[] frame(long size) {
    return ByteBuffer.allocate(9).put((byte) (0x02 | rnd.nextInt(2) << 2 | rnd.nextInt(2))).putLong(size).array();
  }

  /** A HELLO command of the party's mechanism, with random credentials. */
  private byte[] hello() {
    if (mechanism.equals("PLAIN")) {
      byte[] user = ("server" + rnd.nextInt(4)).getBytes(StandardCharsets.US_ASCII);
      byte[] pass = random(rnd.nextInt(40));
      ByteBuffer body = ByteBuffer.allocate(6 + 1 + user.length + 1 + pass.length);
      body.put((byte) 5).put("HELLO".getBytes(StandardCharsets.US_ASCII));
      body.put((byte) user.length).put(user).put((byte) pass.length).put(pass);
      return concat(new byte[] {0x04, (byte) body.capacity()}, body.array());
    }
    // CURVE HELLO: name, version, 72 bytes padding, client's transient key, nonce, box (200 bytes in all)
    ByteBuffer body = ByteBuffer.allocate(200);
    body.put((byte) 5).put("HELLO".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
    body.put(new byte[72]).put(random(32)).put(random(8)).put(random(80));
    return concat(new byte[] {0x04, (byte) 200}, body.array());
  }

  /** A ZMTP greeting; revision 3 is ZMTP 3.0, 0 to 2 the older framings. */
  static byte[] greeting(String mechanism, int revision) {
    byte[] g = new byte[64];
    g[0] = (byte) 0xff;
    g[9] = 0x7f;
    g[10] = (byte) revision;
    byte[] m = mechanism.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(m, 0, g, 12, m.length);
    return g;
  }

  private byte[] random(int n) {
    byte[] b = new byte[n];
    rnd.nextBytes(b);
    return b;
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    ByteBuffer b = ByteBuffer.allocate(n);
    for (byte[] p : parts) {
      b.put(p);
    }
    return b.array();
  }
}
