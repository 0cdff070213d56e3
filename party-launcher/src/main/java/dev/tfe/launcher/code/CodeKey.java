package dev.tfe.launcher.code;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret of one local launch: 256 random bits the launcher hands to the party processes it
 * starts on their standard input (never on the command line or in a file), with which it seals
 * the code it sends them (HMAC-SHA256 over the coordinator's identity, the party, the session and
 * the bundle). Only the launcher that started a party can seal code that party accepts; a seal
 * made for another party or session does not verify.
 */
public final class CodeKey {
  /** Bytes of a seal. */
  public static final int SEAL_BYTES = 32;
  private static final byte[] DOMAIN = "tfe-code-v1".getBytes(StandardCharsets.UTF_8);

  private final byte[] key;

  private CodeKey(byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException("a code key has 32 bytes, not " + key.length);
    }
    this.key = key.clone();
  }

  /** A fresh key from a cryptographically secure generator. */
  public static CodeKey random() {
    byte[] k = new byte[32];
    new SecureRandom().nextBytes(k);
    return new CodeKey(k);
  }

  /** The key in hexadecimal, as written to a party's standard input. */
  public String hex() {
    return HexFormat.of().formatHex(key);
  }

  /**
   * Reads a key in hexadecimal.
   *
   * @throws IllegalArgumentException if it is not 64 hexadecimal digits
   */
  public static CodeKey parse(String hex) {
    String h = hex == null ? "" : hex.trim();
    if (h.length() != 64) {
      throw new IllegalArgumentException("a code key is 64 hexadecimal digits, got " + h.length() + " characters");
    }
    return new CodeKey(HexFormat.of().parseHex(h));
  }

  /** The seal of {@code bundle} sent by {@code coordinator} to {@code party} in {@code session}. */
  public byte[] seal(String coordinator, String party, long session, byte[] bundle) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(DOMAIN);
      for (String s : new String[] {coordinator, party}) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        mac.update(ByteBuffer.allocate(4).putInt(b.length).array());
        mac.update(b);
      }
      mac.update(ByteBuffer.allocate(8).putLong(session).array());
      return mac.doFinal(bundle);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available: " + e.getMessage(), e);
    }
  }

  /** A CODE message's payload: the seal, then the bundle. */
  public byte[] sealed(String coordinator, String party, long session, byte[] bundle) {
    byte[] seal = seal(coordinator, party, session, bundle);
    byte[] out = Arrays.copyOf(seal, SEAL_BYTES + bundle.length);
    System.arraycopy(bundle, 0, out, SEAL_BYTES, bundle.length);
    return out;
  }

  /** Whether {@code seal} is this key's seal of the bundle (compared in constant time). */
  public boolean verifies(byte[] seal, String coordinator, String party, long session, byte[] bundle) {
    return MessageDigest.isEqual(seal, seal(coordinator, party, session, bundle));
  }
}
