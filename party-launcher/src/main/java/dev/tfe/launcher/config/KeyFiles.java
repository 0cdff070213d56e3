package dev.tfe.launcher.config;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import javax.crypto.KeyAgreement;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.zeromq.ZMQ;

/**
 * Key pairs kept beside a hostmap: {@code hosts.json} lists public keys; the directory
 * {@code hosts.keys/} beside it holds {@code <party>.key} (the Z85 secret key) for each party,
 * and {@code token} (the cluster token for unencrypted loopback runs), all readable by their
 * owner only. Copy to each host only its own party's key file.
 */
public final class KeyFiles {
  private static final String TOKEN = "token";

  private KeyFiles() {}

  /** The secrets directory of {@code hostmapFile}: {@code <stem>.keys} beside it. */
  public static Path dirFor(Path hostmapFile) {
    Path abs = hostmapFile.toAbsolutePath();
    String name = abs.getFileName().toString();
    String stem = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    return abs.resolveSibling(stem + ".keys");
  }

  /**
   * Gives every party of the hostmap (and the coordinator) a key pair if it has none, or a new one
   * for all if {@code renew}; writes the public keys into the hostmap file, the secret keys and a
   * cluster token beside it. Returns the updated hostmap.
   */
  public static Hostmap generate(Path hostmapFile, boolean renew) {
    Hostmap map = Files.exists(hostmapFile) ? Hostmap.load(hostmapFile) : Hostmap.of(java.util.Map.of(), Hostmap.Encryption.AUTO);
    if (!map.entries().containsKey(Hostmap.COORDINATOR)) {
      map = map.withKey(Hostmap.COORDINATOR, null);
    }
    Path dir = dirFor(hostmapFile);
    for (String name : List.copyOf(map.entries().keySet())) {
      Hostmap.Entry e = map.entry(name);
      if (e.publicKey() == null || renew || !Files.exists(dir.resolve(name + ".key"))) {
        // 32 bytes from the JDK's DRBG: an X25519 secret key (RFC 7748 clamps it when used)
        byte[] secret = new byte[32];
        drbg().nextBytes(secret);
        String secretZ85 = ZMQ.Curve.z85Encode(secret);
        writeSecret(dir.resolve(name + ".key"), secretZ85);
        map = map.withKey(name, publicKeyOf(secretZ85));
      }
    }
    if (renew || !Files.exists(dir.resolve(TOKEN))) {
      writeSecret(dir.resolve(TOKEN), newToken());
    }
    map.save(hostmapFile);
    return map;
  }

  /** The credentials of {@code name}, from the hostmap and the key files beside it. */
  public static Credentials load(Path hostmapFile, Hostmap map, String name) {
    Path dir = dirFor(hostmapFile);
    String pub = map.entry(name).publicKey();
    String secret = readIfExists(dir.resolve(name + ".key"));
    String token = readIfExists(dir.resolve(TOKEN));
    if (secret != null) {
      String bad = CurveKeys.problem(secret);
      if (bad != null) {
        throw new IllegalStateException("the secret key file " + dir.resolve(name + ".key") + " does not hold an X25519"
            + " key in Z85 (an old or damaged key file?): " + bad + "; regenerate the keys with ./tfe keys --renew --config " + hostmapFile
            + " and copy each host its key file again");
      }
    }
    if (map.encrypted() && (pub == null || secret == null)) {
      throw new IllegalStateException("party " + name + " has no X25519 key pair (public key in " + hostmapFile
          + ", secret key in " + dir.resolve(name + ".key") + "); generate them with: ./tfe keys --config " + hostmapFile);
    }
    if (!map.encrypted() && token == null) {
      throw new IllegalStateException("unencrypted runs need the cluster token " + dir.resolve(TOKEN)
          + "; generate it with: ./tfe keys --config " + hostmapFile);
    }
    if (secret != null && pub != null && !pub.equals(publicKeyOf(secret))) {
      throw new IllegalStateException("the secret key in " + dir.resolve(name + ".key") + " does not match " + name
          + "'s public key in " + hostmapFile + "; regenerate with ./tfe keys --renew");
    }
    return new Credentials(name, pub, secret, token);
  }

  /** A fresh random cluster token (256 bits, hex). */
  public static String newToken() {
    byte[] b = new byte[32];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  private static SecureRandom drbg() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no DRBG SecureRandom", e);
    }
  }

  /** The Z85 public key of a Z85 secret key (X25519 with the base point). */
  public static String publicKeyOf(String secretKeyZ85) {
    try {
      KeyFactory kf = KeyFactory.getInstance("XDH");
      PrivateKey sk = kf.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, ZMQ.Curve.z85Decode(secretKeyZ85)));
      PublicKey base = kf.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, BigInteger.valueOf(9)));
      KeyAgreement ka = KeyAgreement.getInstance("X25519");
      ka.init(sk);
      ka.doPhase(base, true);
      return ZMQ.Curve.z85Encode(ka.generateSecret());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot derive a public key: " + e.getMessage(), e);
    }
  }

  /** Writes a secret with owner-only permissions where the file system has them. */
  public static void writeSecret(Path file, String value) {
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      Files.createFile(file);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system
      }
      Files.writeString(file, value + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static String readIfExists(Path f) {
    try {
      return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8).trim() : null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
    }
  }
}
