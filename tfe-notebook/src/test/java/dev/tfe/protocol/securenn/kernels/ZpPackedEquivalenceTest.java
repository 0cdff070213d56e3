package dev.tfe.protocol.securenn.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tfe.random.SecurePrg;
import dev.tfe.random.Seed;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast Z_67 code of {@link ZpPacked} (issue 7) against the code it replaced: the same seeds
 * must give the same bytes, the same field elements and the same PrivateCompare messages, bit for
 * bit, so that the protocol's messages did not change. Each test hashes every output of a fixed
 * sequence of calls; the expected SHA-256 digests were computed with the replaced code (a copy of
 * it ran beside the new one in this test until the digests were recorded).
 */
class ZpPackedEquivalenceTest {
  private static SecurePrg prg(long s) {
    return SecurePrg.fromSeed(Seed.fromLongs(new long[] {s, 0x1234, -s, 99}));
  }

  private static ZpPacked.ByteSource src(long s) {
    return new ZpPacked.ByteSource(prg(s));
  }

  /** SHA-256 over byte and word arrays, words little-endian. */
  private static final class Digest {
    private final MessageDigest md;

    Digest() {
      try {
        md = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    void add(byte[] b, int len) {
      md.update(b, 0, len);
    }

    void add(long[] w) {
      ByteBuffer b = ByteBuffer.allocate(8 * w.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
      b.asLongBuffer().put(w);
      md.update(b.array());
    }

    String hex() {
      return HexFormat.of().formatHex(md.digest());
    }
  }

  @Test
  void mod67IsExactOnItsRange() {
    for (int v = 0; v < 1 << 20; v++) {
      if (ZpPacked.mod67(v) != v % 67) {
        throw new AssertionError("mod67(" + v + ") = " + ZpPacked.mod67(v));
      }
    }
  }

  @Test
  void nextBytesReadsTheStreamOfNextLongs() {
    long[] words = prg(1).nextLongs(70_000);
    SecurePrg p = prg(1);
    byte[] b = new byte[words.length * 8];
    p.nextBytes(b, 0, 13);
    p.nextBytes(b, 13, 200_003);
    p.nextBytes(b, 200_016, b.length - 200_016);
    assertArrayEquals(ZpPacked.toBytes(words), b);
  }

  @Test
  void byteSourcesDrawTheSameStreamForMixedCalls() {
    Random rnd = new Random(3);
    Digest d = new Digest();
    for (long seed = 0; seed < 20; seed++) {
      ZpPacked.ByteSource f = src(seed);
      for (int call = 0; call < 40; call++) {
        int len = switch (rnd.nextInt(4)) {
          case 0 -> rnd.nextInt(9);
          case 1 -> rnd.nextInt(100);
          case 2 -> rnd.nextInt(5000);
          default -> 4096 * (1 + rnd.nextInt(3)) + rnd.nextInt(17) - 8;
        };
        len = Math.max(0, len);
        byte[] a = new byte[len + 8];
        switch (rnd.nextInt(3)) {
          case 0 -> f.bytes(a, len);
          case 1 -> f.uniform(a, len);
          default -> f.nonZero(a, len);
        }
        d.add(a, len);
      }
    }
    assertEquals(MIXED_CALLS, d.hex());
  }

  private static long[] values(Random rnd, int n) {
    long[] x = new long[n];
    for (int i = 0; i < n; i++) {
      x[i] = i < SecureNnMathTest.EDGES.length ? SecureNnMathTest.EDGES[i] : rnd.nextLong();
    }
    return x;
  }

  @Test
  void uniformAndBitSharesAreUnchanged() {
    Random rnd = new Random(4);
    Digest d = new Digest();
    for (int n : new int[] {0, 1, 7, 64, 1000, 5000}) {
      long[] x = values(rnd, n);
      d.add(ZpPacked.uniform(src(n), n));
      d.add(ZpPacked.bitShares(x, src(n + 1)));
    }
    assertEquals(UNIFORM_AND_BIT_SHARES, d.hex());
  }

  @Test
  void privateCompareMessagesAreUnchanged() {
    Random rnd = new Random(5);
    Digest d = new Digest();
    for (int n : new int[] {1, 3, 64, 2000}) {
      long[] x = values(rnd, n);
      long[] r = values(rnd, n);
      long[] beta = new long[n];
      for (int i = 0; i < n; i++) {
        beta[i] = rnd.nextInt(2);
        if (i % 5 == 0) {
          r[i] = -1L; // the beta = 1, r = 2^64 - 1 case, and its beta = 0 twin
        } else if (i % 7 == 0) {
          r[i] = x[i] + rnd.nextInt(3) - 1;
        }
      }
      long[] share1 = ZpPacked.bitShares(x, src(100 + n));
      long[] share0 = ZpPacked.uniform(src(100 + n), n);
      for (int party = 0; party < 2; party++) {
        d.add(ZpPacked.compare(party == 0 ? share0 : share1, r, beta, src(200 + n), party));
      }
      long[] d0 = ZpPacked.compare(share0, r, beta, src(7), 0);
      long[] d1 = ZpPacked.compare(share1, r, beta, src(7), 1);
      d.add(ZpPacked.reveal(d0, d1));
    }
    assertEquals(PRIVATE_COMPARE, d.hex());
  }

  private static final String MIXED_CALLS = "0c9c51451b705f959996f4abb19b782c700b558d5ca6262896199c4f624560bb";
  private static final String UNIFORM_AND_BIT_SHARES =
      "78dbe7d5dd198e8d4b06f9cf50d3bee7c4eba1c93cb284fed14a053febe2e4d9";
  private static final String PRIVATE_COMPARE = "116dfd07f08917c998719b8a83a52900a4af36a5c1789735468ad0abc4cfd5be";
}
