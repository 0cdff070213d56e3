package dev.tfe.launcher.config;

import dev.tfe.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where each party process listens and which CurveZMQ public key it holds: the JSON file that
 * tf-encrypted called {@code config.json}. Both forms load:
 *
 * <pre>
 * {"server0": "10.0.0.1:4440", "server1": "10.0.0.2:4440", "server2": "10.0.0.3:4440"}
 *
 * {"encryption": "auto",
 *  "parties": {
 *    "server0": {"address": "10.0.0.1:4440", "publicKey": "Z85..."},
 *    ...
 *    "coordinator": {"publicKey": "Z85..."}}}
 * </pre>
 *
 * Every party listed with an address runs in its own process ({@code ./tfe party}); the entry
 * {@value #COORDINATOR} is the notebook or program that builds the graph: it needs a key, no
 * address (it connects to the parties), and it hosts every party not listed (such as a
 * prediction client). Secret keys never go into this file: they are kept beside it, in the
 * directory {@code <name>.keys/} (see {@link KeyFiles}).
 *
 * <p>{@code encryption}: {@code auto} (the default) encrypts (AEAD transport: X25519 handshake,
 * AES-GCM) as soon as one address is not a loopback address; {@code on} always; {@code off} never
 * (only allowed on loopback); {@code curve} always, with JeroMQ's CurveZMQ instead (slow; an option
 * for comparison). Every host must use the same hostmap file, so they agree on it.
 *
 * <p>{@code inProcess}: servers that run inside the coordinator on purpose, such as
 * {@code ["server2"]}. Every one of {@code server0}, {@code server1} and {@code server2} needs an
 * address or a place in this list ({@link #checkServers}): a server left out by mistake would
 * otherwise run silently in the process that also plays the client and the model owner.
 */
public final class Hostmap {
  /** The name of the coordinator's entry. */
  public static final String COORDINATOR = "coordinator";

  /**
   * When and how connections are encrypted and authenticated: {@code AUTO} and {@code ON} with the
   * AEAD transport ({@code dev.tfe.launcher.net.aead}: X25519 handshake, AES-GCM frames);
   * {@code CURVE} with JeroMQ's CurveZMQ (the old default, about 100 times slower, kept as an
   * option); {@code OFF} with none (loopback only).
   */
  public enum Encryption {
    AUTO,
    ON,
    OFF,
    CURVE
  }

  /** One process: its name, host and port (absent for the coordinator), and public key (or null). */
  public record Entry(String name, String host, int port, String publicKey) {
    /** {@code tcp://host:port}. */
    public String endpoint() {
      return "tcp://" + host + ":" + port;
    }

    public boolean hasAddress() {
      return host != null;
    }

    /** {@code host:port}, as written in the file. */
    public String address() {
      return host == null ? null : host + ":" + port;
    }

    Entry withKey(String key) {
      return new Entry(name, host, port, key);
    }
  }

  private final Map<String, Entry> entries;
  private final Encryption encryption;
  private final Set<String> inProcess;

  public Hostmap(Map<String, Entry> entries, Encryption encryption) {
    this(entries, encryption, Set.of());
  }

  /** @param inProcess servers that run inside the coordinator on purpose */
  public Hostmap(Map<String, Entry> entries, Encryption encryption, Set<String> inProcess) {
    this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    this.encryption = encryption;
    this.inProcess = Set.copyOf(inProcess);
    if (encryption == Encryption.OFF) {
      for (Entry e : entries.values()) {
        if (e.hasAddress() && !isLoopback(e.host())) {
          throw new IllegalArgumentException("encryption is off but " + e.name() + " listens on " + e.address()
              + ", which is not a loopback address; use \"encryption\": \"auto\" or \"on\" across hosts");
        }
      }
    }
  }

  /** A hostmap from {@code name -> host:port} (no keys yet). */
  public static Hostmap of(Map<String, String> addresses, Encryption encryption) {
    Map<String, Entry> m = new LinkedHashMap<>();
    addresses.forEach((name, addr) -> m.put(name, parseEntry(name, name, addr, null)));
    return new Hostmap(m, encryption);
  }

  /**
   * Loads a hostmap file in either form.
   *
   * @throws IllegalArgumentException naming the file, the field and the fix
   */
  public static Hostmap load(Path file) {
    if (!Files.exists(file)) {
      throw new IllegalArgumentException("hostmap " + file + " does not exist; write one such as {\"server0\":"
          + " \"10.0.0.1:4440\", \"server1\": \"10.0.0.2:4440\", \"server2\": \"10.0.0.3:4440\"} (see"
          + " party-launcher/README.md), then run ./tfe keys --config " + file);
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read hostmap " + file + ": " + e.getMessage(), e);
    }
    Object json;
    try {
      json = Json.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("hostmap " + file + ": " + e.getMessage() + "; fix the JSON syntax there", e);
    }
    try {
      return HostmapParser.parse(json);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("hostmap " + file + ": " + e.getMessage(), e);
    }
  }

  /** Parses one party's entry; {@code field} names it in errors ({@code parties.server0}). */
  static Entry parseEntry(String name, String field, String addr, String key) {
    if (key != null) {
      String bad = CurveKeys.problem(key);
      if (bad != null) {
        throw new IllegalArgumentException("field \"" + field + ".publicKey\" is not a CurveZMQ public key: " + bad
            + "; regenerate the keys with ./tfe keys --renew --config <this file>");
      }
    }
    if (addr == null) {
      return new Entry(name, null, 0, key);
    }
    String where = "field \"" + field + (field.startsWith("parties.") ? ".address" : "") + "\": ";
    int colon = addr.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException(where + "'" + addr + "' is not host:port; write it as \"10.0.0.1:4440\"");
    }
    int port;
    try {
      port = Integer.parseInt(addr.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(where + "bad port in '" + addr + "'; write host:port with a port number,"
          + " such as \"10.0.0.1:4440\"");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(where + "port " + port + " is out of range; use 1 to 65535");
    }
    return new Entry(name, addr.substring(0, colon), port, key);
  }

  /**
   * Checks that each of {@code servers} has a process (an address) or is listed in
   * {@code inProcess}.
   *
   * @throws IllegalArgumentException naming the missing servers, {@code where} they should be
   *     listed and the two ways to fix it
   */
  public void checkServers(Set<String> servers, String where) {
    Set<String> missing = new TreeSet<>(servers);
    missing.removeAll(processParties());
    missing.removeAll(inProcess);
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(where + " gives no address to " + String.join(", ", missing)
          + ", so it would run inside the coordinator, which also plays the client and the model owner; give it an"
          + " address (\"" + missing.iterator().next() + "\": \"host:port\" and ./tfe party on that host), or, to run"
          + " it in the coordinator on purpose, list it: \"inProcess\": [\"" + String.join("\", \"", missing) + "\"]");
    }
  }

  /** The servers that run inside the coordinator on purpose. */
  public Set<String> inProcess() {
    return inProcess;
  }

  /** The file's JSON (object form), with public keys and no secrets. */
  public String toJson() {
    Map<String, Object> parties = new LinkedHashMap<>();
    for (Entry e : entries.values()) {
      Map<String, Object> o = new LinkedHashMap<>();
      if (e.hasAddress()) {
        o.put("address", e.address());
      }
      if (e.publicKey() != null) {
        o.put("publicKey", e.publicKey());
      }
      parties.put(e.name(), o);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("encryption", encryption.name().toLowerCase(java.util.Locale.ROOT));
    root.put("parties", parties);
    if (!inProcess.isEmpty()) {
      root.put("inProcess", new java.util.ArrayList<>(new TreeSet<>(inProcess)));
    }
    return Json.write(root);
  }

  /** Writes the hostmap to {@code file}. */
  public void save(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, toJson(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write hostmap " + file + ": " + e.getMessage(), e);
    }
  }

  public Map<String, Entry> entries() {
    return entries;
  }

  public Encryption encryption() {
    return encryption;
  }

  /** The entry of {@code name}; the error lists the known names. */
  public Entry entry(String name) {
    Entry e = entries.get(name);
    if (e == null) {
      throw new IllegalArgumentException("party '" + name + "' is not in the hostmap; it lists " + entries.keySet());
    }
    return e;
  }

  /** The parties that run in processes of their own: every entry with an address. */
  public Set<String> processParties() {
    Set<String> s = new TreeSet<>();
    for (Entry e : entries.values()) {
      if (e.hasAddress() && !e.name().equals(COORDINATOR)) {
        s.add(e.name());
      }
    }
    return s;
  }

  /** The process that hosts {@code party}: itself if it has a process, else the coordinator. */
  public String nodeOf(String party) {
    Entry e = entries.get(party);
    return e != null && e.hasAddress() && !party.equals(COORDINATOR) ? party : COORDINATOR;
  }

  /** Whether connections are encrypted and authenticated by per-party keys (AEAD or CURVE). */
  public boolean encrypted() {
    return switch (encryption) {
      case ON, CURVE -> true;
      case OFF -> false;
      case AUTO -> entries.values().stream().anyMatch(e -> e.hasAddress() && !isLoopback(e.host()));
    };
  }

  /** Whether the encryption is JeroMQ's CURVE rather than the AEAD transport. */
  public boolean curve() {
    return encryption == Encryption.CURVE;
  }

  /** "AEAD", "CURVE" or "unencrypted": how connections are protected. */
  public String protection() {
    return !encrypted() ? "unencrypted" : curve() ? "CURVE" : "AEAD";
  }

  /** A copy with {@code name}'s public key set. */
  public Hostmap withKey(String name, String publicKey) {
    Map<String, Entry> m = new LinkedHashMap<>(entries);
    Entry e = m.get(name);
    m.put(name, e == null ? new Entry(name, null, 0, publicKey) : e.withKey(publicKey));
    return new Hostmap(m, encryption, inProcess);
  }

  /** A copy with another encryption setting. */
  public Hostmap withEncryption(Encryption e) {
    return new Hostmap(entries, e, inProcess);
  }

  /** A copy with these servers run inside the coordinator on purpose. */
  public Hostmap withInProcess(Set<String> servers) {
    return new Hostmap(entries, encryption, servers);
  }

  /** The name of the party whose public key is {@code key}, or null. */
  public String partyWithKey(String key) {
    for (Entry e : entries.values()) {
      if (key.equals(e.publicKey())) {
        return e.name();
      }
    }
    return null;
  }

  /** True for 127.0.0.0/8, ::1 and "localhost". */
  public static boolean isLoopback(String host) {
    if (host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]")) {
      return true;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "Hostmap" + entries.keySet() + " (" + protection() + ")";
  }
}
