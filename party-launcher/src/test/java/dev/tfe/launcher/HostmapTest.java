package dev.tfe.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.launcher.config.Credentials;
import dev.tfe.launcher.config.Hostmap;
import dev.tfe.launcher.config.KeyFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostmapTest {
  @TempDir
  Path dir;

  @Test
  void loadsTfEncryptedsConfigFormAndRoundTripsWithKeys() throws Exception {
    Path f = dir.resolve("hosts.json");
    Files.writeString(f, "{\"server0\": \"localhost:4440\", \"server1\": \"127.0.0.1:4441\", \"server2\": \"127.0.0.1:4442\"}");
    Hostmap m = Hostmap.load(f);
    assertEquals(Set.of("server0", "server1", "server2"), m.processParties());
    assertEquals("tcp://localhost:4440", m.entry("server0").endpoint());
    assertEquals("server1", m.nodeOf("server1"));
    assertEquals(Hostmap.COORDINATOR, m.nodeOf("prediction-client"));
    Hostmap keyed = KeyFiles.generate(f, false);
    Hostmap reloaded = Hostmap.load(f);
    assertEquals(keyed.toJson(), reloaded.toJson());
    assertNotNull(reloaded.entry(Hostmap.COORDINATOR).publicKey());
    Path secret = KeyFiles.dirFor(f).resolve("server0.key");
    assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(secret));
    Credentials c = KeyFiles.load(f, reloaded.withEncryption(Hostmap.Encryption.ON), "server0");
    assertEquals(reloaded.entry("server0").publicKey(), KeyFiles.publicKeyOf(c.secretKey()));
    assertEquals("server0", reloaded.partyWithKey(c.publicKey()));
  }

  @Test
  void mistakesAreNamed() throws Exception {
    Path f = dir.resolve("bad.json");
    Files.writeString(f, "{\"server0\": \"nohostport\"}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Hostmap.load(f));
    assertTrue(e.getMessage().contains("server0") && e.getMessage().contains("host:port"), e.getMessage());
    Files.writeString(f, "{\"server0\": ");
    e = assertThrows(IllegalArgumentException.class, () -> Hostmap.load(f));
    assertTrue(e.getMessage().contains("malformed JSON"), e.getMessage());
    Path g = dir.resolve("hosts.json");
    Files.writeString(g, "{\"encryption\": \"on\", \"parties\": {\"server0\": {\"address\": \"127.0.0.1:1\"}}}");
    IllegalStateException s = assertThrows(IllegalStateException.class, () -> KeyFiles.load(g, Hostmap.load(g), "server0"));
    assertTrue(s.getMessage().contains("./tfe keys"), s.getMessage());
  }
}
