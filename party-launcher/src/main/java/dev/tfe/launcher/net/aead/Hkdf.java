package dev.tfe.launcher.net.aead;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA256 (RFC 5869): extract a pseudorandom key from key material and a salt,
 * expand it into keys bound to a context. Also SHA-256 of concatenated parts, for transcripts.
 */
final class Hkdf {
  static final int HASH_LEN = 32;

  private Hkdf() {}

  /** RFC 5869 section 2.2: PRK = HMAC-SHA256(salt, ikm). */
  static byte[] extract(byte[] salt, byte[]... ikm) {
    Mac mac = hmac(salt);
    for (byte[] p : ikm) {
      mac.update(p);
    }
    return mac.doFinal();
  }

  /** RFC 5869 section 2.3: the first {@code length} bytes of T(1) | T(2) | ... */
  static byte[] expand(byte[] prk, byte[] info, int length) {
    if (length > 255 * HASH_LEN) {
      throw new IllegalArgumentException("HKDF cannot expand to " + length + " bytes");
    }
    Mac mac = hmac(prk);
    byte[] out = new byte[length];
    byte[] t = new byte[0];
    for (int i = 1, at = 0; at < length; i++) {
      mac.update(t);
      mac.update(info);
      mac.update((byte) i);
      t = mac.doFinal();
      int n = Math.min(HASH_LEN, length - at);
      System.arraycopy(t, 0, out, at, n);
      at += n;
    }
    return out;
  }

  /** SHA-256 of the parts, in order. */
  static byte[] hash(byte[]... parts) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      for (byte[] p : parts) {
        d.update(p);
      }
      return d.digest();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no SHA-256", e);
    }
  }

  private static Mac hmac(byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.length == 0 ? new byte[HASH_LEN] : key, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no HMAC-SHA256", e);
    }
  }
}
