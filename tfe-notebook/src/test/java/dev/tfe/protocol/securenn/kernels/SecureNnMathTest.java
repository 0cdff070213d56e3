package dev.tfe.protocol.securenn.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tfe.random.SecurePrg;
import dev.tfe.random.Seed;
import dev.tfe.ring.RingTensor;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The arithmetic under SecureNN, against BigInteger and plain comparisons. */
class SecureNnMathTest {
  static final BigInteger TWO64 = BigInteger.ONE.shiftLeft(64);
  static final BigInteger M = TWO64.subtract(BigInteger.ONE);
  static final long[] EDGES = {0, 1, 2, -1, -2, -3, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, 1L << 62, -(1L << 62)};

  static BigInteger u(long v) {
    return new BigInteger(Long.toUnsignedString(v));
  }

  @Test
  void oddRingMatchesBigInteger() {
    Random rnd = new Random(1);
    long[] vals = new long[200];
    for (int i = 0; i < vals.length; i++) {
      vals[i] = i < EDGES.length ? EDGES[i] : rnd.nextLong();
    }
    for (long a0 : vals) {
      for (long b0 : vals) {
        long a = OddRing.reduce(a0);
        long b = OddRing.reduce(b0);
        assertEquals(u(a).add(u(b)).mod(M), u(OddRing.add(a, b)), "add " + a + " " + b);
        assertEquals(u(a).subtract(u(b)).mod(M), u(OddRing.sub(a, b)), "sub " + a + " " + b);
        assertEquals(u(a).negate().mod(M), u(OddRing.neg(a)));
        assertEquals(u(a0).add(u(b0)).compareTo(TWO64) >= 0 ? 1 : 0, OddRing.wrap(a0, b0));
      }
    }
    RingTensor a = RingTensor.of(vals.clone(), vals.length);
    RingTensor x = RingTensor.of(vals.clone(), vals.length);
    long[] d = OddRing.doublePlus(a, x).data();
    for (int i = 0; i < vals.length; i++) {
      BigInteger v = u(OddRing.reduce(vals[i]));
      assertEquals(v.shiftLeft(1).add(v).mod(M), u(d[i]));
    }
  }

  static ZpPacked.ByteSource stream(long s) {
    return new ZpPacked.ByteSource(SecurePrg.fromSeed(Seed.fromLongs(new long[] {s, 2, 3, 4})));
  }

  @Test
  void bitSharesReconstructTheBits() {
    Random rnd = new Random(2);
    long[] x = new long[100];
    for (int i = 0; i < x.length; i++) {
      x[i] = i < EDGES.length ? EDGES[i] : rnd.nextLong();
    }
    long[] z = ZpPacked.uniform(stream(7), x.length);
    long[] s1 = ZpPacked.bitShares(x, stream(7));
    int[] hist = new int[ZpPacked.P];
    for (int e = 0; e < x.length; e++) {
      for (int i = 0; i < 64; i++) {
        int a = ZpPacked.get(z, e * 8, i);
        int b = ZpPacked.get(s1, e * 8, i);
        hist[a]++;
        assertEquals((x[e] >>> i) & 1, (a + b) % ZpPacked.P, "bit " + i + " of " + x[e]);
      }
    }
    for (int c : hist) {
      assertEquals(6400.0 / 67, c, 45, "uniform shares");
    }
  }

  /** PrivateCompare end to end: the third server's bit is beta XOR (x > r), unsigned, for every case. */
  @Test
  void privateCompareRevealsBetaXorGreater() {
    Random rnd = new Random(3);
    int n = 2000;
    long[] x = new long[n];
    long[] r = new long[n];
    long[] beta = new long[n];
    for (int e = 0; e < n; e++) {
      int kind = e % 6;
      x[e] = rnd.nextLong();
      r[e] = switch (kind) {
        case 0 -> x[e];
        case 1 -> x[e] - 1;
        case 2 -> x[e] + 1;
        case 3 -> -1L;
        case 4 -> 0;
        default -> rnd.nextLong();
      };
      if (e < EDGES.length * EDGES.length) {
        x[e] = EDGES[e % EDGES.length];
        r[e] = EDGES[e / EDGES.length];
      }
      beta[e] = rnd.nextInt(2);
    }
    long[] z = ZpPacked.uniform(stream(11), n);
    long[] s1 = ZpPacked.bitShares(x, stream(11));
    long[] d0 = ZpPacked.compare(z, r, beta, stream(99), 0);
    long[] d1 = ZpPacked.compare(s1, r, beta, stream(99), 1);
    long[] out = ZpPacked.reveal(d0, d1);
    for (int e = 0; e < n; e++) {
      long greater = Long.compareUnsigned(x[e], r[e]) > 0 ? 1 : 0;
      assertEquals(beta[e] ^ greater, out[e], "x = " + x[e] + ", r = " + r[e] + ", beta = " + beta[e]);
    }
  }
}
