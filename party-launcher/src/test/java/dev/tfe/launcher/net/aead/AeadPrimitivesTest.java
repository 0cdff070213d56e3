package dev.tfe.launcher.net.aead;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Known-answer tests of what the transport builds on: X25519 (RFC 7748 section 6.1), HKDF-SHA256
 * (RFC 5869 appendix A.1), AES-256-GCM (McGrew and Viega, "The Galois/Counter Mode of Operation",
 * test cases 13 and 14, as in NIST's GCM validation), and the frame layout's nonce.
 */
class AeadPrimitivesTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void x25519MatchesRfc7748() {
    byte[] a = HEX.parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
    byte[] b = HEX.parseHex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
    assertEquals("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a", HEX.formatHex(X25519.publicOf(a)));
    assertEquals("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f", HEX.formatHex(X25519.publicOf(b)));
    String shared = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";
    assertEquals(shared, HEX.formatHex(X25519.dh(X25519.privateKey(a), X25519.publicKey(X25519.publicOf(b)))));
    assertEquals(shared, HEX.formatHex(X25519.dh(X25519.privateKey(b), X25519.publicKey(X25519.publicOf(a)))));
  }

  @Test
  void hkdfMatchesRfc5869() {
    byte[] ikm = HEX.parseHex("0b".repeat(22));
    byte[] salt = HEX.parseHex("000102030405060708090a0b0c");
    byte[] info = HEX.parseHex("f0f1f2f3f4f5f6f7f8f9");
    byte[] prk = Hkdf.extract(salt, ikm);
    assertEquals("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5", HEX.formatHex(prk));
    assertEquals("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
        HEX.formatHex(Hkdf.expand(prk, info, 42)));
  }

  @Test
  void aesGcmMatchesTheGcmSpecificationAndFramesUseCounterNonces() throws Exception {
    byte[] key = new byte[32];
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, new byte[12]));
    assertEquals("530f8afbc74536b9a963b4f1c4cb738b", HEX.formatHex(c.doFinal())); // test case 13
    c = Cipher.getInstance("AES/GCM/NoPadding"); // the JDK refuses to encrypt twice under one nonce
    c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, new byte[12]));
    assertEquals("cea7403d4d606b6e074ec5d3baf39d18" + "d0d1c8a799996bf0265b98b5d48ab919", HEX.formatHex(c.doFinal(new byte[16]))); // 14
    // frame 0 of a zero key: nonce 0, so the ciphertext of 16 zero bytes is test case 14's (the
    // tag differs: a frame authenticates its ten header bytes too)
    byte[] frame = new FrameCipher("peer", key).seal(new byte[16], 0, 16, true);
    assertArrayEquals(HEX.parseHex("44010000000000000000"), java.util.Arrays.copyOf(frame, 10));
    assertEquals("cea7403d4d606b6e074ec5d3baf39d18", HEX.formatHex(frame, 10, 26));
    assertEquals(26 + 16, frame.length);
  }
}
