package dev.tfe.bench;

import dev.tfe.ring.RingMatmul;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import dev.tfe.api.Output;
import dev.tfe.api.Party;
import dev.tfe.api.RunResult;
import dev.tfe.api.Tfe;
import dev.tfe.protocol.Tensor;
import dev.tfe.protocol.pond.Pond;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Microbenchmark of ring kernels ({@code ./tfe bench ops}): the Z_2^64 matrix product through
 * {@link RingMatmul}, on the Vector-API path and on the scalar path, next to ND4J's double-precision
 * gemm on the same shapes (the plaintext cost that a private computation is compared with).
 *
 * <p>Cases: {@code 1x784 * 784x128} (one MNIST image through a dense layer), {@code 100x784} and
 * {@code 128x784} by {@code 784x128} (a batch), and {@code 1024x1024 * 1024x1024}. For each case
 * the three implementations are warmed up, then timed interleaved in rounds
 * ({@link BenchHarness#measureInterleaved}) so that they see the same machine load; the table
 * shows medians and the ratio ring / ND4J, and
 * the JSON goes to {@code bench-results/ops.json} (or {@code --out PATH}).
 *
 * <p>Options: {@code --quick} (fewer repetitions), {@code --out PATH}. The JVM flag
 * {@code -Dtfe.matmul.threads=N} sets the ring kernels' thread count. New cases (a Pond private
 * matmul end to end, DReLU, ...) go in as further methods that call {@link BenchHarness#measure}
 * and {@link BenchHarness#add} with their own group and baseline.
 */
public final class OpsBenchmark {
  private static final String USAGE = "usage: ./tfe bench ops [--quick] [--out PATH]";

  /** Command-line options. */
  record Options(boolean quick, Path out) {
    static Options parse(String[] args) {
      boolean quick = false;
      Path out = Path.of("bench-results", "ops.json");
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--quick" -> quick = true;
          case "--out" -> {
            if (i + 1 == args.length) {
              throw new IllegalArgumentException("--out needs a path");
            }
            out = Path.of(args[++i]);
          }
          default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
        }
      }
      return new Options(quick, out);
    }

    /** Scales a repetition count down in quick mode, keeping at least {@code min}. */
    int scale(int full, int min) {
      return quick ? Math.max(min, full / 5) : full;
    }
  }

  private OpsBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      System.out.println(USAGE);
      return;
    }
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("tfe bench ops: " + e.getMessage() + "\n" + USAGE);
      System.exit(2);
      return;
    }
    System.err.println("tfe bench ops: loading ND4J (native libraries; takes a few seconds)...");
    long t0 = System.nanoTime();
    Nd4j.create(DataType.DOUBLE, 1, 1).addi(1);
    System.err.printf("tfe bench ops: ND4J ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);

    BenchHarness harness = new BenchHarness(System.err);
    String oldKernel = System.getProperty(RingMatmul.PROPERTY);
    try {
      for (int[] s : new int[][] {{1, 784, 128}, {100, 784, 128}, {128, 784, 128}, {1024, 1024, 1024}}) {
        matmul(harness, options, s[0], s[1], s[2]);
        pondMatmul(harness, options, s[0], s[1], s[2]);
      }
    } finally {
      restore(oldKernel);
    }

    Map<String, Object> env = environment(options);
    System.out.println();
    System.out.println("Ring matmul mod 2^64 vs ND4J double gemm (medians; ratio = ring / ND4J, lower is better)");
    System.out.println("JVM " + env.get("java.version") + ", " + env.get("cpus") + " CPUs; ring kernel: "
        + env.get("ring.kernel") + "; ND4J: " + env.get("nd4j.blas"));
    System.out.println();
    System.out.print(BenchReport.table(harness.results(), "ring/ND4J"));
    BenchReport.save(options.out(), BenchReport.json("ops", env, harness.results()));
    System.out.println();
    System.out.println("saved " + options.out());
  }

  /** One matmul shape: ND4J double gemm (baseline), then the ring vector and scalar paths. */
  static void matmul(BenchHarness h, Options o, int m, int k, int n) {
    String group = "matmul " + m + "x" + k + " * " + k + "x" + n;
    SplittableRandom rnd = new SplittableRandom(42L + m);
    long[] a = rnd.longs((long) m * k).toArray();
    long[] b = rnd.longs((long) k * n).toArray();
    INDArray da = Nd4j.rand(DataType.DOUBLE, m, k);
    INDArray db = Nd4j.rand(DataType.DOUBLE, k, n);
    INDArray dc = Nd4j.create(DataType.DOUBLE, m, n);

    long work = (long) m * k * n;
    int reps;
    int warmups;
    if (work <= 1 << 20) {
      warmups = 2000;
      reps = 1000;
    } else if (work <= 1 << 24) {
      warmups = 100;
      reps = 100;
    } else {
      warmups = 3;
      reps = 15;
    }
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("m", m);
    params.put("k", k);
    params.put("n", n);
    params.put("multiply_adds", work);

    List<String> kernels = new ArrayList<>();
    if (RingMatmul.vectorAvailable()) {
      kernels.add("vector");
    } else {
      System.err.println("  (Vector API unavailable: start the JVM with --add-modules jdk.incubator.vector)");
    }
    kernels.add("scalar");
    List<BenchHarness.Timed> bodies = new ArrayList<>();
    bodies.add(new BenchHarness.Timed(group + ", ND4J gemm", o.scale(warmups, 1), o.scale(reps, 3),
        () -> BenchHarness.sink(Nd4j.gemm(da, db, dc, false, false, 1.0, 0.0))));
    long[] first = null;
    for (String kernel : kernels) {
      System.setProperty(RingMatmul.PROPERTY, kernel);
      long[] c = RingMatmul.multiply(a, b, m, k, n);
      if (first == null) {
        first = c;
      } else if (!Arrays.equals(first, c)) {
        throw new AssertionError(group + ": the " + kernel + " kernel disagrees with the " + kernels.get(0) + " kernel");
      }
      boolean slow = kernel.equals("scalar") && work > 1 << 24;
      // the property is read on every call, so setting it inside the body costs ~0.1 us
      bodies.add(new BenchHarness.Timed(group + ", ring " + kernel, o.scale(slow ? 1 : warmups, 1), o.scale(slow ? 5 : reps, 3), () -> {
        System.setProperty(RingMatmul.PROPERTY, kernel);
        BenchHarness.sink(RingMatmul.multiply(a, b, m, k, n));
      }));
    }
    List<Measurement> ms = h.measureInterleaved(bodies, o.quick() ? 3 : 5);
    h.add(group, "ND4J double gemm", true, ms.get(0), params);
    for (int i = 0; i < kernels.size(); i++) {
      System.setProperty(RingMatmul.PROPERTY, kernels.get(i));
      Map<String, Object> p = new LinkedHashMap<>(params);
      p.put("kernel", RingMatmul.kernelName());
      h.add(group, "ring " + kernels.get(i), false, ms.get(i + 1), p);
    }
  }

  /**
   * Pond's private matmul end to end on the in-process runtime: the client's private input is
   * shared, multiplied by the owner's masked private weights (masked once, before timing), truncated
   * interactively and revealed to the client. Bytes and rounds come from the run's profile.
   */
  static void pondMatmul(BenchHarness h, Options o, int m, int k, int n) {
    String group = "matmul " + m + "x" + k + " * " + k + "x" + n;
    try (Tfe tfe = Tfe.local()) {
      Party client = tfe.party("client");
      Pond pond = tfe.pond();
      INDArray x = Nd4j.rand(DataType.DOUBLE, m, k);
      INDArray w = Nd4j.rand(DataType.DOUBLE, k, n).subi(0.5).divi(k);
      Tensor px = tfe.definePrivateInput(pond, client, "x", m, k);
      Tensor pw = pond.mask(tfe.definePrivateVariable(pond, tfe.party("owner"), w));
      Output out = tfe.defineOutput(pond, client, pond.matmul(px, pw));
      Map<Party, Map<String, INDArray>> feed = Map.of(client, Map.of("x", x));
      RunResult first = tfe.run(feed, out);
      long work = (long) m * k * n;
      int warmups = work > 1 << 24 ? 1 : 20;
      int reps = work > 1 << 24 ? 5 : 50;
      Measurement ms = h.measure(group + ", pond private matmul", o.scale(warmups, 1), o.scale(reps, 3),
          () -> BenchHarness.sink(tfe.run(feed, out)));
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("m", m);
      params.put("k", k);
      params.put("n", n);
      params.put("bytes", first.profile().totalBytesSent());
      params.put("rounds", first.profile().rounds());
      params.put("truncation", pond.truncationMode().name().toLowerCase());
      h.add(group, "pond private matmul (in-process, masked weights)", false, ms, params);
    }
  }

  private static void restore(String oldKernel) {
    if (oldKernel == null) {
      System.clearProperty(RingMatmul.PROPERTY);
    } else {
      System.setProperty(RingMatmul.PROPERTY, oldKernel);
    }
  }

  private static Map<String, Object> environment(Options o) {
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("timestamp", Instant.now().toString());
    env.put("java.version", System.getProperty("java.version"));
    env.put("java.vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
    env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    env.put("cpus", Runtime.getRuntime().availableProcessors());
    env.put("ring.kernel", RingMatmul.kernelName());
    env.put("vector.available", RingMatmul.vectorAvailable());
    Properties nd = Nd4j.getExecutioner().getEnvironmentInformation();
    env.put("nd4j.blas", nd.getOrDefault("blas.vendor", "?") + ", " + nd.getOrDefault("blas.threads", "?") + " BLAS threads");
    env.put("quick", o.quick());
    return env;
  }
}
