package dev.tfe.bench;


import dev.tfe.program.Party;
import dev.tfe.api.Tfe;
import dev.tfe.data.Dataset;
import dev.tfe.data.Mnist;
import dev.tfe.model.SecureNnNetworks;
import dev.tfe.model.Sequential;
import dev.tfe.model.secure.Prediction;
import dev.tfe.model.secure.PrivateModel;
import dev.tfe.runtime.InProcessRuntime;
import dev.tfe.runtime.Transport;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.SecureRandomSpi;
import java.security.Security;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Private prediction of the SecureNN paper's networks B and C under SecureNN on the in-process
 * runtime (issue 7): times {@code predict(client, x, batch)} after warm-up, or prints a
 * fingerprint of a run for bit-exactness checks across builds.
 *
 * <p>Usage: {@code PredictionSpeed time B|C [batch] [warmups] [reps]} prints one line per timed
 * batch and a median; {@code PredictionSpeed fingerprint B|C [batch]} installs a deterministic
 * (insecure, test-only) {@code SecureRandom} provider before anything draws a seed, runs one
 * batch and prints SHA-256 digests of every message sent between each ordered pair of parties
 * and of the revealed logits. Two builds whose fingerprints agree sent the same bytes and
 * revealed the same results from the same seeds.
 *
 * <p>To compare two builds side by side, copy each build's {@code target/classes} aside and run
 * this class alternately against each (this class and the test dependencies on the class path,
 * {@code --add-modules jdk.incubator.vector}), several JVMs per build, so that a change in load
 * falls on both. The numbers of the commits of issue 7 were measured that way.
 */
public final class PredictionSpeed {
  private PredictionSpeed() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "time";
    String net = args.length > 1 ? args[1] : "B";
    int batch = args.length > 2 ? Integer.parseInt(args[2]) : 128;
    if (mode.equals("fingerprint")) {
      fingerprint(net, batch);
      return;
    }
    int warmups = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    int reps = args.length > 4 ? Integer.parseInt(args[4]) : 5;
    Dataset test = Mnist.load().test().reshaped(28, 28, 1);
    try (Tfe tfe = Tfe.local()) {
      Party client = tfe.party("prediction-client");
      PrivateModel pm = tfe.privateModel(network(net), tfe.party("model-owner"), tfe.secureNn());
      int from = 0;
      for (int i = 0; i < warmups; i++, from += batch) {
        pm.predict(client, test.features(from, from + batch), batch);
      }
      System.gc();
      double[] ms = new double[reps];
      long bytes = 0;
      var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      for (int i = 0; i < reps; i++, from += batch) {
        long cpu0 = os.getProcessCpuTime();
        Prediction p = pm.predict(client, test.features(from, from + batch), batch);
        double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6;
        ms[i] = p.millis();
        bytes = p.profile().totalBytesSent();
        System.out.printf(Locale.ROOT, "  %s b%d rep %d: %.0f ms (process CPU %.0f ms)%n", net, batch, i, ms[i], cpuMs);
      }
      double[] s = ms.clone();
      Arrays.sort(s);
      System.out.printf(Locale.ROOT, "%s b%d: median %.0f ms over %d reps (min %.0f, max %.0f), %d bytes sent%n", net,
          batch, s[s.length / 2], reps, s[0], s[s.length - 1], bytes);
    }
  }

  /** Network B or C of the SecureNN paper, initialised with seed 1. */
  static Sequential network(String name) {
    if (!name.equals("B") && !name.equals("C")) {
      throw new IllegalArgumentException("network B or C, got " + name);
    }
    return SecureNnNetworks.network(name).initialize(1);
  }


  private static void fingerprint(String net, int batch) throws Exception {
    Security.insertProviderAt(new DeterministicProvider(), 1);
    Dataset test = Mnist.load().test().reshaped(28, 28, 1);
    Map<String, MessageDigest> digests = new ConcurrentHashMap<>();
    try (Tfe tfe = Tfe.local()) {
      ((InProcessRuntime) tfe.runtime()).setTransportDecorator(t -> new Transport() {
        @Override
        public String self() {
          return t.self();
        }

        @Override
        public void send(String peer, byte[] message) {
          MessageDigest d = digests.computeIfAbsent(t.self() + "->" + peer, k -> sha256());
          synchronized (d) {
            d.update(ByteBuffer.allocate(4).putInt(message.length).array());
            d.update(message);
          }
          t.send(peer, message);
        }

        @Override
        public byte[] receive(String peer, Duration timeout) {
          return t.receive(peer, timeout);
        }
      });
      Party client = tfe.party("prediction-client");
      PrivateModel pm = tfe.privateModel(network(net), tfe.party("model-owner"), tfe.secureNn());
      Prediction p = pm.predict(client, test.features(0, batch), batch);
      INDArray logits = p.logits();
      MessageDigest all = sha256();
      for (Map.Entry<String, MessageDigest> e : new TreeMap<>(digests).entrySet()) {
        byte[] h = e.getValue().digest();
        all.update(h);
        System.out.println("  " + e.getKey() + " " + HexFormat.of().formatHex(h, 0, 8));
      }
      MessageDigest l = sha256();
      for (double v : logits.dup().reshape(-1).toDoubleVector()) {
        l.update(ByteBuffer.allocate(8).putDouble(v).array());
      }
      System.out.println(net + " b" + batch + " messages " + HexFormat.of().formatHex(all.digest(), 0, 12) + " logits "
          + HexFormat.of().formatHex(l.digest(), 0, 12) + " bytes " + p.profile().totalBytesSent());
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Insecure on purpose: a {@code SecureRandom} whose output depends only on the calling thread and call count. */
  private static final class DeterministicProvider extends Provider {
    DeterministicProvider() {
      super("TfeDeterministicForTests", "1", "deterministic SecureRandom for bit-exactness checks only");
      put("SecureRandom.Deterministic", DeterministicSpi.class.getName());
    }
  }

  /** SHA-256 of (thread name, per-thread counter): reproducible across runs and builds. */
  public static final class DeterministicSpi extends SecureRandomSpi {
    private static final Map<String, long[]> COUNTERS = new ConcurrentHashMap<>();

    @Override
    protected void engineSetSeed(byte[] seed) {}

    @Override
    protected void engineNextBytes(byte[] bytes) {
      String thread = Thread.currentThread().getName();
      long[] c = COUNTERS.computeIfAbsent(thread, k -> new long[1]);
      int done = 0;
      while (done < bytes.length) {
        MessageDigest d = sha256();
        d.update(thread.getBytes(StandardCharsets.UTF_8));
        d.update(ByteBuffer.allocate(8).putLong(c[0]++).array());
        byte[] h = d.digest();
        int n = Math.min(h.length, bytes.length - done);
        System.arraycopy(h, 0, bytes, done, n);
        done += n;
      }
    }

    @Override
    protected byte[] engineGenerateSeed(int numBytes) {
      byte[] b = new byte[numBytes];
      engineNextBytes(b);
      return b;
    }
  }
}
