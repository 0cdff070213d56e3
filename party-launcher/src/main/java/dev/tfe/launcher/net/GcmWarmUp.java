package dev.tfe.launcher.net;

import dev.tfe.launcher.net.aead.FrameCipher;
import dev.tfe.launcher.net.aead.RefusedFrameException;
import dev.tfe.launcher.net.aead.X25519;
import java.nio.ByteBuffer;

/**
 * Seals and opens 96 MB of throwaway frames on a background thread, once per JVM, as soon as a
 * node uses the AEAD transport: until the JIT has compiled the JDK's AES-GCM (some thousands of
 * calls, see {@link AeadLinks#AEAD_FRAME_BYTES}) it runs at 5-10 MB/s, and a party that met a
 * first message of hundreds of megabytes cold would hold its socket lock for tens of seconds
 * (long enough to miss its coordinator's heartbeats). Runs at the lowest priority; the frames use
 * a random key of their own and go nowhere.
 */
final class GcmWarmUp {
  private static final int FRAMES = 6000;

  private GcmWarmUp() {}

  /** Starts the warm-up (the first call in this JVM; later calls do nothing). */
  static void start() {
    Holder.touch();
  }

  /** Its class initialisation, which the JVM runs once, starts the thread. */
  private static final class Holder {
    static {
      Thread t = new Thread(GcmWarmUp::run, "tfe-gcm-warm-up");
      t.setDaemon(true);
      t.setPriority(Thread.MIN_PRIORITY);
      t.start();
    }

    static void touch() {
      // class initialisation does the work
    }
  }

  private static void run() {
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    FrameCipher out = FrameCipher.forWarmUp(key);
    FrameCipher in = FrameCipher.forWarmUp(key);
    byte[] plain = new byte[AeadLinks.AEAD_FRAME_BYTES];
    byte[] back = new byte[plain.length];
    try {
      for (int i = 0; i < FRAMES; i++) {
        in.open(ByteBuffer.wrap(out.seal(plain, 0, plain.length, true)), back, 0);
      }
    } catch (RefusedFrameException e) {
      throw new IllegalStateException("AES-GCM does not open its own frames: " + e.getMessage(), e);
    }
    X25519.publicOf(key); // and the key exchange's code
  }
}
