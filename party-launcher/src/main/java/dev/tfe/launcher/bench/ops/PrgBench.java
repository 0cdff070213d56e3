package dev.tfe.launcher.bench.ops;

import dev.tfe.random.SecurePrg;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of the parties' secure PRG ({@link SecurePrg}: shares, masks and dealer material
 * are drawn from it) filling {@code size} 64-bit words, beside the JDK's AES-128 in counter mode
 * on the same number of bytes (the AES-NI ceiling a counter-mode PRG can reach on one core).
 * Bytes per second = {@code 8 * size} / the time per call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PrgBench {
  /** 64-bit words per call: 128x128 shares and a 1 MiB block. */
  @Param({"16384", "131072"})
  public int size;

  private SecurePrg prg;
  private long[] words;
  private Cipher aes;
  private byte[] zeros;
  private byte[] out;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    prg = SecurePrg.fresh();
    words = new long[size];
    aes = Cipher.getInstance("AES/CTR/NoPadding");
    aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[16], "AES"), new IvParameterSpec(new byte[16]));
    zeros = new byte[8 * size];
    out = new byte[8 * size];
  }

  @Benchmark
  public long[] securePrg() {
    prg.nextLongs(words);
    return words;
  }

  @Benchmark
  public byte[] jdkAesCtr() throws Exception {
    aes.update(zeros, 0, zeros.length, out, 0);
    return out;
  }
}
