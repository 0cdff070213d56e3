package dev.tfe.launcher.net;

import java.util.Locale;

/**
 * How much memory a peer may make this process hold, before and after authentication.
 *
 * <ul>
 *   <li>{@link #WIRE_FRAME_BYTES}: the largest ZeroMQ frame a socket accepts ({@code ZMQ_MAXMSGSIZE}),
 *       8 MiB and 1 KiB.
 *       This is all that a connection can make JeroMQ allocate before it has authenticated
 *       (handshake commands are a few hundred bytes); a larger size claim closes the connection.
 *       Larger messages travel as several frames of at most this size.
 *   <li>{@link #maxMessageBytes()}: the largest message (all its frames) this process sends or
 *       accepts. The largest honest message measured is 218,225,699 bytes (SecureNN, network C of
 *       the SecureNN paper, batch 128; network B at batch 128: 148,266,019 bytes), so the default,
 *       512 MiB, leaves room for about 2.4 times that. Set {@code TFE_MAX_MESSAGE_MB} (or the
 *       system property {@code tfe.maxMessageMb}) on every host to change it.
 *   <li>{@link #maxPendingBytesPerPeer()}: how many bytes of data one peer may have queued here
 *       for runs this process has not reached yet (each batch counted with
 *       {@link #BATCH_OVERHEAD} bytes on top, so a flood of tiny batches is bounded too). Default
 *       256 MiB, more than the largest honest message; {@code TFE_MAX_PENDING_MB} or
 *       {@code tfe.maxPendingMb} change it.
 * </ul>
 *
 * @param maxMessageBytes the largest message sent or accepted, in bytes
 * @param maxPendingBytesPerPeer the bytes one peer may have queued for runs not reached yet
 */
public record WireLimits(long maxMessageBytes, long maxPendingBytesPerPeer) {
  /** The largest payload frame this process sends, 8 MiB. */
  public static final int FRAME_BYTES = 8 << 20;

  /**
   * The largest frame a socket accepts from the wire: {@link #FRAME_BYTES} and 1 KiB for CURVE's
   * envelope around an encrypted frame (33 bytes).
   */
  public static final int WIRE_FRAME_BYTES = FRAME_BYTES + 1024;

  /** What a queued batch costs beyond its bytes (queue node, key, array header), roughly. */
  public static final int BATCH_OVERHEAD = 256;

  private static final long MIB = 1L << 20;

  public WireLimits {
    if (maxMessageBytes < 1 || maxMessageBytes > Integer.MAX_VALUE - 64) {
      throw new IllegalArgumentException("the maximum message size must be between 1 byte and 2047 MiB, not "
          + maxMessageBytes + " bytes (TFE_MAX_MESSAGE_MB)");
    }
    if (maxPendingBytesPerPeer < 0) {
      throw new IllegalArgumentException("the pending data per peer cannot be negative (TFE_MAX_PENDING_MB)");
    }
  }

  /** The defaults: 512 MiB per message, 256 MiB pending per peer. */
  public static WireLimits defaults() {
    return new WireLimits(512 * MIB, 256 * MIB);
  }

  /** The defaults, overridden by the environment or system properties (see the class comment). */
  public static WireLimits fromEnvironment() {
    WireLimits d = defaults();
    return new WireLimits(mib("TFE_MAX_MESSAGE_MB", "tfe.maxMessageMb", d.maxMessageBytes()),
        mib("TFE_MAX_PENDING_MB", "tfe.maxPendingMb", d.maxPendingBytesPerPeer()));
  }

  private static long mib(String env, String property, long fallback) {
    String v = System.getProperty(property);
    String source = "-D" + property;
    if (v == null) {
      v = System.getenv(env);
      source = env;
    }
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      long mb = Long.parseLong(v.trim());
      if (mb < 0 || mb > 2047) {
        throw new NumberFormatException();
      }
      return mb * MIB;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(source + "=" + v + " is not a size in MiB between 0 and 2047; set it to e.g. 512");
    }
  }

  /** A size for messages: bytes, KiB or MiB. */
  static String size(long bytes) {
    if (bytes >= MIB) {
      return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) MIB);
    }
    return bytes >= 1024 ? String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0) : bytes + " bytes";
  }
}
