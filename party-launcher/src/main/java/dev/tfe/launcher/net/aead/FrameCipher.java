package dev.tfe.launcher.net.aead;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM (NIST SP 800-38D) on the frames of one direction of a session. Frame {@code n}
 * is {@code 'D' | flags | n (8 bytes, big-endian) | ciphertext | tag (16 bytes)}; the first ten
 * bytes are the associated data, the nonce is 4 zero bytes and {@code n}. The counter starts at
 * 0 for every session key and only grows, so a (key, nonce) pair is never used twice; a receiver
 * accepts frame {@code n} only right after frame {@code n - 1}, so a replayed, reordered or
 * dropped frame is refused; the flag "last frame of its message", authenticated with the rest,
 * lets a receiver refuse a message cut short.
 */
public final class FrameCipher {
  /** Type byte of a data frame. */
  public static final byte DATA = 'D';
  /** Bytes a frame adds to its plaintext: the ten-byte header and the 16-byte tag. */
  public static final int OVERHEAD = 10 + 16;
  static final int HEADER = 10;
  private static final int TAG_BITS = 128;

  private final String peer;
  private final SecretKeySpec key;
  private final Cipher cipher;
  private final byte[] iv = new byte[12];
  private long counter;

  /**
   * @param peer the name of the peer this direction leads to or comes from, for error messages
   * @param key 32 bytes
   */
  FrameCipher(String peer, byte[] key) {
    this.peer = peer;
    this.key = new SecretKeySpec(key, "AES");
    try {
      this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no AES-GCM", e);
    }
  }

  /** A cipher for warming up the JIT (a throwaway key; see the transport's warm-up). */
  public static FrameCipher forWarmUp(byte[] key) {
    return new FrameCipher("warm-up", key);
  }

  /** Frames sealed or opened so far (the next frame's counter). */
  public long counter() {
    return counter;
  }

  /** Seals {@code len} bytes of {@code plain} from {@code off} as the next frame. */
  public byte[] seal(byte[] plain, int off, int len, boolean last) {
    if (counter == Long.MAX_VALUE) {
      throw new IllegalStateException("the session with " + peer + " has sent 2^63 frames; reconnect");
    }
    byte[] out = new byte[HEADER + len + 16];
    out[0] = DATA;
    out[1] = (byte) (last ? 1 : 0);
    putLong(out, 2, counter);
    try {
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce(counter)));
      cipher.updateAAD(out, 0, HEADER);
      cipher.doFinal(plain, off, len, out, HEADER);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM failed: " + e.getMessage(), e);
    }
    counter++;
    return out;
  }

  /** Plaintext bytes of a frame of {@code wireBytes}, or -1 if it is too short to be a frame. */
  public static int plainLength(int wireBytes) {
    return wireBytes < OVERHEAD ? -1 : wireBytes - OVERHEAD;
  }

  /**
   * Opens the next frame into {@code dst} at {@code dstOff}; returns whether it is the last frame
   * of its message. The counter advances only if the frame is authentic.
   *
   * @throws RefusedFrameException naming the peer, if the frame is truncated, out of order
   *     (replayed, reordered, dropped before it), or fails authentication (tampered)
   */
  public boolean open(ByteBuffer frame, byte[] dst, int dstOff) throws RefusedFrameException {
    ByteBuffer f = frame.duplicate();
    int n = f.remaining();
    if (n < OVERHEAD) {
      throw new RefusedFrameException("refused a truncated frame from " + peer + ": " + n + " bytes, an encrypted frame has at"
          + " least " + OVERHEAD);
    }
    byte[] head = new byte[HEADER];
    f.get(head);
    if (head[0] != DATA || (head[1] & ~1) != 0) {
      throw new RefusedFrameException("refused a malformed frame from " + peer + " (type " + head[0] + ", flags " + head[1] + ")");
    }
    long c = getLong(head, 2);
    if (c != counter) {
      throw new RefusedFrameException("refused a " + (c < counter ? "replayed" : "reordered") + " frame from " + peer
          + ": its counter is " + c + ", the next expected is " + counter);
    }
    try {
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce(c)));
      cipher.updateAAD(head);
      cipher.doFinal(f, ByteBuffer.wrap(dst, dstOff, n - OVERHEAD));
    } catch (AEADBadTagException e) {
      throw new RefusedFrameException("refused a tampered frame from " + peer + " (frame " + c
          + "): its AES-GCM tag does not match");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM failed on a frame from " + peer + ": " + e.getMessage(), e);
    }
    counter++;
    return head[1] == 1;
  }

  private byte[] nonce(long c) {
    putLong(iv, 4, c);
    return iv;
  }

  private static void putLong(byte[] b, int at, long v) {
    for (int i = 7; i >= 0; i--) {
      b[at + i] = (byte) v;
      v >>>= 8;
    }
  }

  private static long getLong(byte[] b, int at) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = v << 8 | (b[at + i] & 0xff);
    }
    return v;
  }
}
