package dev.tfe.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SecurePrgTest {
  @Test
  void theSameSeedExpandsTheSameStream() {
    Seed s = Seed.random();
    long[] a = SecurePrg.fromSeed(s).nextLongs(100_000);
    long[] b = SecurePrg.fromSeed(Seed.fromLongs(s.toLongs())).nextLongs(100_000);
    assertArrayEquals(a, b);
    assertFalse(Arrays.equals(a, SecurePrg.fromSeed(Seed.random()).nextLongs(100_000)));
  }

  @Test
  void chunkedReadsContinueTheStream() {
    Seed s = Seed.random();
    long[] whole = SecurePrg.fromSeed(s).nextLongs(20_000);
    SecurePrg p = SecurePrg.fromSeed(s);
    long[] first = p.nextLongs(12_345);
    long[] rest = p.nextLongs(20_000 - 12_345);
    assertArrayEquals(Arrays.copyOfRange(whole, 0, 12_345), first);
    assertArrayEquals(Arrays.copyOfRange(whole, 12_345, 20_000), rest);
  }

  @Test
  void freshGeneratorsDiffer() {
    assertNotEquals(SecurePrg.fresh().nextLongs(4)[0], SecurePrg.fresh().nextLongs(4)[0]);
  }

  @Test
  void bitsAreBalanced() {
    long[] v = SecurePrg.fresh().nextLongs(50_000);
    double sigma = Math.sqrt(v.length) / 2;
    for (int bit = 0; bit < 64; bit++) {
      int b = bit;
      long ones = Arrays.stream(v).filter(x -> ((x >>> b) & 1) == 1).count();
      assertTrue(Math.abs(ones - v.length / 2.0) < 6 * sigma, "bit " + bit + ": " + ones);
    }
  }

  @Test
  void boundedSamplesAreInRangeAndUniform() {
    long[] v = SecurePrg.fresh().nextBounded(67_000, 67);
    long[] h = new long[67];
    for (long x : v) {
      assertTrue(x >= 0 && x < 67);
      h[(int) x]++;
    }
    double chi = 0;
    for (long c : h) {
      chi += (c - 1000.0) * (c - 1000.0) / 1000.0;
    }
    assertTrue(chi < 150, "chi-square " + chi + " with 66 degrees of freedom");
    for (long x : SecurePrg.fresh().nextOddRing(1000)) {
      assertNotEquals(-1L, x);
    }
  }

  @Test
  void seedsDoNotPrintTheirBytes() {
    assertEquals("Seed[hidden]", Seed.random().toString());
  }
}
