package dev.tfe.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tfe.program.Output;
import dev.tfe.program.Party;
import dev.tfe.api.Tfe;
import dev.tfe.launcher.config.Hostmap;
import dev.tfe.launcher.config.KeyFiles;
import dev.tfe.launcher.party.PartyMain;
import dev.tfe.protocol.Tensor;
import dev.tfe.protocol.TestData;
import dev.tfe.protocol.pond.Pond;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Test helpers: a private product checked against plaintext, hostmaps, hand-started parties. */
final class Programs {
  private Programs() {}

  /** Runs a private 3x4 by 4x2 product on {@code cluster} in a new session and checks it. */
  static void checkProduct(Cluster cluster, long seed) {
    try (Tfe tfe = Tfe.local()) {
      tfe.useRuntime(cluster.newRuntime());
      Random rnd = new Random(seed);
      INDArray x = TestData.uniform(rnd, 1, 3, 4);
      INDArray w = TestData.uniform(rnd, 1, 4, 2);
      Pond pond = tfe.pond();
      Party client = tfe.party("client");
      Tensor y = pond.matmul(tfe.definePrivateInput(pond, client, x), tfe.definePrivateInput(pond, client, w));
      Output out = tfe.defineOutput(pond, client, y);
      assertArrayEquals(x.mmul(w).data().asDouble(), tfe.run(out).values(out), 4.0 / 65536);
    }
  }

  /** A hostmap of the three servers on free loopback ports, with keys, in {@code dir}. */
  static Path hostmap(Path dir, Hostmap.Encryption e) throws IOException {
    Map<String, String> a = new LinkedHashMap<>();
    for (String p : new String[] {"server0", "server1", "server2"}) {
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        a.put(p, "127.0.0.1:" + s.getLocalPort());
      }
    }
    Path f = dir.resolve("hosts.json");
    Hostmap.of(a, e).save(f);
    KeyFiles.generate(f, true);
    return f;
  }

  /** Starts {@code ./tfe party --config hosts --name party} (plus {@code extra}) by hand; log in dir. */
  static Process party(Path hosts, String party, String... extra) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.add("--add-modules");
    cmd.add("jdk.incubator.vector");
    cmd.add("-Xmx1g");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(PartyMain.class.getName());
    cmd.addAll(List.of("--config", hosts.toString(), "--name", party));
    cmd.addAll(List.of(extra));
    Path log = hosts.resolveSibling(party + ".log");
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
  }

  /** The text of a file, or "" if it does not exist. */
  static String read(Path f) {
    try {
      return Files.exists(f) ? Files.readString(f) : "";
    } catch (IOException e) {
      return "(cannot read " + f + ": " + e.getMessage() + ")";
    }
  }
}
