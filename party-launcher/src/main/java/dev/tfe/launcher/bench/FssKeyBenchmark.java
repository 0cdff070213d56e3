package dev.tfe.launcher.bench;

import dev.tfe.launcher.cli.HelpOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import dev.tfe.protocol.fss.kernels.ReluKeys;
import dev.tfe.protocol.fss.kernels.SignKeys;
import dev.tfe.random.SecurePrg;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * Speed of the FSS protocol's keys on one core, beside the JDK's AES on the same machine in the
 * same run: fixed-key AES-128 ({@code AES/ECB/NoPadding} over 1 MiB, the call the keys' PRG
 * makes) in blocks per second; then DReLU key generation and evaluation ({@code SignKeys}, over
 * {@code Dcf}) in batches of {@code 2^16} values, for compared widths of 33 bits (the default
 * for 16 + 15 bit fixed point) and 64 bits, and the ReLU gate ({@code ReluKeys}) at 33 bits. A
 * DReLU evaluation costs {@code 2(k - 1)} AES blocks and a generation {@code 6(k - 1)} (the gate
 * {@code 3(k - 1)} and {@code 8(k - 1)}); the table shows how close each comes to the AES bound.
 *
 * <p>Usage: {@code ./tfe bench fss-keys [reps]}; prints medians and
 * writes {@code bench-results/fss-keys.json}.
 */
@Command(name = "fss-keys",
    header = "FSS comparison keys per second beside the JDK's AES",
    description = {"The FSS protocol's keys on one core beside the JDK's AES in the same run: "
    + "DReLU key generation and evaluation at 33 and 64 compared bits and the ReLU gate at 33, per second. Saves "
    + "bench-results/fss-keys.json."})
public final class FssKeyBenchmark implements Callable<Integer> {
  private static final int BATCH = 1 << 16;

  @Mixin
  HelpOption help;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "REPS", defaultValue = "7",
      description = "timed batches of 2^16 per case (default: ${DEFAULT-VALUE})")
  int reps;

  private FssKeyBenchmark() {}

  @Override
  public Integer call() throws Exception {
    if (reps < 1) {
      throw new ParameterException(spec.commandLine(), "REPS must be at least 1, got " + reps);
    }
    run(reps);
    return 0;
  }

  static void run(int reps) throws Exception {
    double aes = aesBlocksPerSecond(reps);
    System.out.printf(Locale.ROOT, "JDK AES-128 (ECB, fixed key, 1 MiB calls): %.1f M blocks/s (%.0f MB/s) on one core%n",
        aes / 1e6, aes * 16 / 1e6);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int c = 0; c < 3; c++) {
      int k = c == 1 ? 64 : 33;
      boolean gate = c == 2;
      String kind = gate ? "relu gate" : "drelu";
      SecurePrg rnd = SecurePrg.fresh();
      long[] r = rnd.nextLongs(BATCH);
      long[] y = rnd.nextLongs(BATCH);
      long[] rShare = rnd.nextLongs(BATCH);
      long[][] keys = new long[1][];
      double gen = median(reps, () -> keys[0] = gate ? ReluKeys.gen(k, r, rnd) : SignKeys.gen(k, r, rnd));
      long[] key0 = Arrays.copyOf(keys[0], keys[0].length / 2);
      double eval = median(reps, () -> {
        if (gate) {
          ReluKeys.eval(k, 0, key0, y, rShare);
        } else {
          SignKeys.eval(k, 0, key0, y);
        }
      });
      double evalRate = BATCH / eval;
      double genRate = BATCH / gen;
      int evalBlocks = (gate ? 3 : 2) * (k - 1);
      int genBlocks = (gate ? 8 : 6) * (k - 1);
      double evalAes = evalRate * evalBlocks;
      double genAes = genRate * genBlocks;
      int keyBytes = 8 * (gate ? ReluKeys.words(k) : SignKeys.words(k));
      System.out.printf(Locale.ROOT, "%-9s k = %2d: %6.2f M evaluations/s (%.0f%% of AES), %6.2f M key pairs/s (%.0f%% of AES),"
          + " %d bytes per key%n", kind, k, evalRate / 1e6, 100 * evalAes / aes, genRate / 1e6, 100 * genAes / aes, keyBytes);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("key", kind);
      row.put("compare_bits", k);
      row.put("evaluations_per_second", evalRate);
      row.put("key_pairs_per_second", genRate);
      row.put("aes_blocks_per_evaluation", evalBlocks);
      row.put("aes_blocks_per_key_pair", genBlocks);
      row.put("evaluation_fraction_of_aes", evalAes / aes);
      row.put("generation_fraction_of_aes", genAes / aes);
      row.put("key_bytes", keyBytes);
      rows.add(row);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("benchmark", "fss-keys");
    doc.put("java", System.getProperty("java.version"));
    doc.put("cores_used", 1);
    doc.put("batch", BATCH);
    doc.put("repetitions", reps);
    doc.put("aes_blocks_per_second", aes);
    doc.put("rows", rows);
    Path out = Path.of("bench-results", "fss-keys.json");
    Files.createDirectories(out.getParent());
    Files.writeString(out, dev.tfe.json.Json.write(doc));
    System.out.println("saved " + out.toAbsolutePath());
  }

  private static double aesBlocksPerSecond(int reps) throws GeneralSecurityException {
    Cipher c = Cipher.getInstance("AES/ECB/NoPadding");
    c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[16], "AES"));
    byte[] in = new byte[1 << 20];
    byte[] out = new byte[1 << 20];
    int calls = 64;
    double s = median(reps, () -> {
      try {
        for (int i = 0; i < calls; i++) {
          c.doFinal(in, 0, in.length, out, 0);
        }
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    });
    return calls * (in.length / 16.0) / s;
  }

  /** The median seconds of {@code reps} timed runs, after as many warm-up runs. */
  private static double median(int reps, Runnable run) {
    for (int i = 0; i < reps; i++) {
      run.run();
    }
    double[] t = new double[reps];
    for (int i = 0; i < reps; i++) {
      long t0 = System.nanoTime();
      run.run();
      t[i] = (System.nanoTime() - t0) / 1e9;
    }
    Arrays.sort(t);
    return t[reps / 2];
  }
}
