package dev.tfe.ring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tfe.random.SecurePrg;
import dev.tfe.random.Seed;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast Z_67 code of {@link ZpPacked} against {@link ZpPackedReference}, the code it replaced
 * (issue 7): the same seeds must give the same bytes, the same field elements and the same
 * PrivateCompare messages, bit for bit, so that the protocol's messages did not change.
 */
class ZpPackedEquivalenceTest {
  private static SecurePrg prg(long s) {
    return SecurePrg.fromSeed(Seed.fromLongs(new long[] {s, 0x1234, -s, 99}));
  }

  private static ZpPacked.ByteSource fast(long s) {
    return new ZpPacked.ByteSource(prg(s));
  }

  private static ZpPackedReference.ByteSource ref(long s) {
    return new ZpPackedReference.ByteSource(prg(s));
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
    for (long seed = 0; seed < 20; seed++) {
      ZpPacked.ByteSource f = fast(seed);
      ZpPackedReference.ByteSource r = ref(seed);
      for (int call = 0; call < 40; call++) {
        int len = switch (rnd.nextInt(4)) {
          case 0 -> rnd.nextInt(9);
          case 1 -> rnd.nextInt(100);
          case 2 -> rnd.nextInt(5000);
          default -> 4096 * (1 + rnd.nextInt(3)) + rnd.nextInt(17) - 8;
        };
        len = Math.max(0, len);
        byte[] a = new byte[len + 8];
        byte[] b = new byte[len + 8];
        switch (rnd.nextInt(3)) {
          case 0 -> {
            f.bytes(a, len);
            r.bytes(b, len);
          }
          case 1 -> {
            f.uniform(a, len);
            r.uniform(b, len);
          }
          default -> {
            f.nonZero(a, len);
            r.nonZero(b, len);
          }
        }
        assertArrayEquals(Arrays.copyOf(b, len), Arrays.copyOf(a, len), "seed " + seed + ", call " + call + ", " + len + " bytes");
      }
    }
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
    for (int n : new int[] {0, 1, 7, 64, 1000, 5000}) {
      long[] x = values(rnd, n);
      assertArrayEquals(ZpPackedReference.uniform(ref(n), n), ZpPacked.uniform(fast(n), n));
      assertArrayEquals(ZpPackedReference.bitShares(x, ref(n + 1)), ZpPacked.bitShares(x, fast(n + 1)));
    }
  }

  @Test
  void privateCompareMessagesAreUnchanged() {
    Random rnd = new Random(5);
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
      long[] share1 = ZpPacked.bitShares(x, fast(100 + n));
      long[] share0 = ZpPacked.uniform(fast(100 + n), n);
      for (int party = 0; party < 2; party++) {
        long[] shares = party == 0 ? share0 : share1;
        long[] want = ZpPackedReference.compare(shares, r, beta, ref(200 + n), party);
        long[] got = ZpPacked.compare(shares, r, beta, fast(200 + n), party);
        assertArrayEquals(want, got, "party " + party + ", n " + n);
      }
      long[] d0 = ZpPacked.compare(share0, r, beta, fast(7), 0);
      long[] d1 = ZpPacked.compare(share1, r, beta, fast(7), 1);
      assertArrayEquals(ZpPackedReference.reveal(d0, d1), ZpPacked.reveal(d0, d1));
    }
  }
}
