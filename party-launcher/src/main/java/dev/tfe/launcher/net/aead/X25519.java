package dev.tfe.launcher.net.aead;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import javax.crypto.KeyAgreement;

/**
 * X25519 (RFC 7748) through the JDK's XDH provider, on the raw 32-byte keys of the key files
 * (the same Curve25519 keys CurveZMQ uses, so existing key files serve both mechanisms).
 */
public final class X25519 {
  static final int KEY_BYTES = 32;

  private X25519() {}

  /** A private key from its 32 raw bytes (the JDK clamps the scalar as RFC 7748 says). */
  public static PrivateKey privateKey(byte[] raw) {
    check(raw, "secret");
    try {
      return KeyFactory.getInstance("XDH").generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, raw.clone()));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an X25519 secret key: " + e.getMessage(), e);
    }
  }

  /** A public key from its 32 raw bytes (little-endian u coordinate). */
  public static PublicKey publicKey(byte[] raw) {
    check(raw, "public");
    byte[] be = new byte[KEY_BYTES];
    for (int i = 0; i < KEY_BYTES; i++) {
      be[i] = raw[KEY_BYTES - 1 - i];
    }
    be[0] &= 0x7f; // RFC 7748 section 5: the top bit is ignored
    try {
      return KeyFactory.getInstance("XDH").generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(1, be)));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an X25519 public key: " + e.getMessage(), e);
    }
  }

  /** The 32 raw bytes of a public key. */
  public static byte[] raw(PublicKey key) {
    byte[] be = ((XECPublicKey) key).getU().toByteArray();
    byte[] out = new byte[KEY_BYTES];
    for (int i = 0; i < KEY_BYTES && i < be.length; i++) {
      out[i] = be[be.length - 1 - i];
    }
    return out;
  }

  /** The public key of a private key given as raw bytes. */
  public static byte[] publicOf(byte[] secret) {
    return dh(privateKey(secret), publicKey(basePoint()));
  }

  /** A fresh ephemeral key pair. */
  static KeyPair generate(SecureRandom random) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("X25519");
      g.initialize(NamedParameterSpec.X25519, random);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no X25519", e);
    }
  }

  /**
   * The shared secret X25519(priv, pub).
   *
   * @throws IllegalArgumentException if {@code pub} is a point of small order (an all-zero
   *     secret, which the JDK refuses)
   */
  static byte[] dh(PrivateKey priv, PublicKey pub) {
    try {
      KeyAgreement ka = KeyAgreement.getInstance("XDH");
      ka.init(priv);
      ka.doPhase(pub, true);
      return ka.generateSecret();
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException("a key of small order was offered: " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("X25519 failed: " + e.getMessage(), e);
    }
  }

  private static byte[] basePoint() {
    byte[] b = new byte[KEY_BYTES];
    b[0] = 9;
    return b;
  }

  private static void check(byte[] raw, String what) {
    if (raw == null || raw.length != KEY_BYTES) {
      throw new IllegalArgumentException("an X25519 " + what + " key has 32 bytes, got " + (raw == null ? "none" : raw.length));
    }
  }
}
