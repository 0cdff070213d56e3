package dev.tfe.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.launcher.config.Hostmap;
import dev.tfe.launcher.config.KeyFiles;
import dev.tfe.launcher.party.PartyLog;
import dev.tfe.launcher.party.PartyServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every hostmap problem gets an error that names the file, the field and the fix, never a raw
 * {@code ClassCastException}, {@code No enum constant} or {@code scalar must not be null}.
 */
class HostmapErrorsTest {
  private static final String KEY = "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7"; // a valid Z85 key
  private static final String S = "\"server0\": \"127.0.0.1:4440\"";

  @TempDir
  Path dir;

  /** The hostmap's text, then what the error must say: the field, then the fix. */
  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("[\"server0\"]", "not a JSON object", "write it as"),
        Arguments.of("{}", "lists no party", "write it as"),
        Arguments.of("{\"server0\": ", "malformed JSON", "fix the JSON syntax"),
        Arguments.of("{\"parties\": [\"server0\", \"server1\"]}", "field \"parties\"", "must be an object"),
        Arguments.of("{\"parties\": {}}", "field \"parties\" lists no party", "write it as"),
        Arguments.of("{\"encryption\": \"bogus\", \"parties\": {\"server0\": \"127.0.0.1:4440\"}}",
            "field \"encryption\" is \"bogus\"", "use \"auto\""),
        Arguments.of("{\"encryption\": true, " + S + "}", "field \"encryption\"", "use \"auto\""),
        Arguments.of("{\"server0\": 4440}", "field \"server0\"", "\"host:port\""),
        Arguments.of("{\"server0\": null}", "field \"server0\" holds null", "\"host:port\""),
        Arguments.of("{\"server0\": \"nohostport\"}", "field \"server0\"", "write it as \"10.0.0.1:4440\""),
        Arguments.of("{\"server0\": \"127.0.0.1:http\"}", "field \"server0\": bad port", "with a port number"),
        Arguments.of("{\"server0\": \"127.0.0.1:99999\"}", "field \"server0\": port 99999", "use 1 to 65535"),
        Arguments.of("{\"parties\": {\"server0\": {\"address\": 4440}}}", "field \"parties.server0.address\"",
            "must be a string"),
        Arguments.of("{\"parties\": {\"server0\": {\"adress\": \"127.0.0.1:4440\"}}}",
            "unknown field \"parties.server0.adress\"", "\"address\" and \"publicKey\""),
        Arguments.of("{\"parties\": {" + S + "}, \"server1\": \"127.0.0.1:4441\"}", "unknown field \"server1\"",
            "party names go inside \"parties\""),
        Arguments.of("{\"parties\": {\"server0\": {\"address\": \"127.0.0.1:4440\", \"publicKey\": \"garbage\"}}}",
            "field \"parties.server0.publicKey\"", "./tfe keys --renew"),
        Arguments.of("{\"parties\": {\"server0\": {\"address\": \"127.0.0.1:4440\", \"publicKey\": \""
            + KEY.replace('r', ' ') + "\"}}}", "not in the Z85 alphabet", "./tfe keys --renew"),
        Arguments.of("{\"parties\": {\"server0\": {\"address\": \"127.0.0.1:4440\", \"publicKey\": 7}}}",
            "field \"parties.server0.publicKey\"", "must be a string"),
        Arguments.of("{\"parties\": {\"coordinator\": {\"address\": \"127.0.0.1:4440\"}}}",
            "field \"parties.coordinator.address\"", "remove its address"),
        Arguments.of("{\"inProcess\": \"server2\", " + S + "}", "field \"inProcess\"", "[\"server2\"]"),
        Arguments.of("{\"inProcess\": [\"server0\"], " + S + "}", "field \"inProcess\" names server0",
            "remove one of the two"),
        Arguments.of("{\"encryption\": \"off\", \"server0\": \"10.0.0.1:4440\"}", "not a loopback address",
            "\"encryption\": \"auto\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void eachProblemNamesTheFileTheFieldAndTheFix(String json, String field, String fix) throws Exception {
    Path f = dir.resolve("hosts.json");
    Files.writeString(f, json);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Hostmap.load(f));
    String m = e.getMessage();
    assertTrue(m.startsWith("hostmap " + f + ": "), m);
    assertTrue(m.contains(field), "names the field: " + m);
    assertTrue(m.contains(fix), "says how to fix it: " + m);
  }

  @Test
  void aMissingFileSaysHowToWriteOne() {
    Path f = dir.resolve("nowhere.json");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Hostmap.load(f));
    assertTrue(e.getMessage().contains(f + " does not exist") && e.getMessage().contains("./tfe keys"), e.getMessage());
  }

  @Test
  void aGarbageSecretKeyFileIsNamed() throws Exception {
    Path f = dir.resolve("hosts.json");
    Hostmap.of(Map.of("server0", "127.0.0.1:4440"), Hostmap.Encryption.ON).save(f);
    KeyFiles.generate(f, true);
    Path key = KeyFiles.dirFor(f).resolve("server0.key");
    Files.writeString(key, "not a key\n");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> KeyFiles.load(f, Hostmap.load(f), "server0"));
    assertTrue(e.getMessage().contains(key.toString()) && e.getMessage().contains("./tfe keys --renew"), e.getMessage());
  }

  @Test
  void aServerWithoutAnAddressIsAnErrorUnlessListedAsInProcess() throws Exception {
    Path f = dir.resolve("hosts.json");
    Files.writeString(f, "{\"server0\": \"127.0.0.1:4440\", \"server1\": \"127.0.0.1:4441\"}");
    Set<String> servers = Set.of("server0", "server1", "server2");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Hostmap.load(f).checkServers(servers, "hostmap " + f));
    assertTrue(e.getMessage().contains("no address to server2") && e.getMessage().contains("\"inProcess\": [\"server2\"]"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Cluster.connect(f));
    assertTrue(e.getMessage().contains("hostmap " + f) && e.getMessage().contains("server2"), e.getMessage());
    Files.writeString(f, "{\"server0\": \"127.0.0.1:4440\", \"server1\": \"127.0.0.1:4441\", \"inProcess\": [\"server2\"]}");
    Hostmap m = Hostmap.load(f);
    m.checkServers(servers, "hostmap " + f);
    assertEquals(Set.of("server2"), m.inProcess());
    assertEquals(m.toJson(), Hostmap.load(saved(m)).toJson(), "inProcess survives a save");
    e = assertThrows(IllegalArgumentException.class,
        () -> Cluster.launchLocal(LaunchOptions.defaults().parties(java.util.List.of("server0", "server1"))));
    assertTrue(e.getMessage().contains("server2") && e.getMessage().contains("inProcess"), e.getMessage());
  }

  private Path saved(Hostmap m) {
    Path g = dir.resolve("saved.json");
    m.save(g);
    return g;
  }

  @Test
  void aBusyPortGivesOneClearLine() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Path f = dir.resolve("hosts.json");
      Hostmap.of(Map.of("server0", "127.0.0.1:" + busy.getLocalPort(), "server1", "127.0.0.1:1"),
          Hostmap.Encryption.OFF).save(f);
      Hostmap map = KeyFiles.generate(f, true);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      PrintStream err = System.err;
      IllegalStateException e;
      try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
        System.setErr(capture);
        e = assertThrows(IllegalStateException.class, () -> new PartyServer(map, KeyFiles.load(f, map, "server0"),
            Duration.ofSeconds(10), false, new PartyLog("server0", capture)));
        Thread.sleep(500); // a stray line from a dying thread would come now
      } finally {
        System.setErr(err);
      }
      assertTrue(e.getMessage().contains("cannot listen on 127.0.0.1:" + busy.getLocalPort())
          && e.getMessage().contains("is another process using the port?"), e.getMessage());
      String out = bytes.toString(StandardCharsets.UTF_8);
      assertTrue(!out.contains("Exception"), "nothing else is printed: " + out);
    }
  }
}
