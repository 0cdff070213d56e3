package dev.tfe.launcher.config;

import dev.tfe.launcher.config.Hostmap.Encryption;
import dev.tfe.launcher.config.Hostmap.Entry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a hostmap's JSON (as parsed by {@code dev.tfe.json.Json}) and checks every field; each
 * problem is an {@link IllegalArgumentException} that names the field (such as
 * {@code parties.server0.address}) and says how to fix it. {@link Hostmap#load} adds the file.
 */
final class HostmapParser {
  private static final Set<String> TOP = Set.of("encryption", "parties", "inProcess");
  private static final Set<String> PARTY = Set.of("address", "publicKey");
  private static final String EXAMPLE = "{\"server0\": \"10.0.0.1:4440\", \"server1\": \"10.0.0.2:4440\","
      + " \"server2\": \"10.0.0.3:4440\"}";

  private HostmapParser() {}

  static Hostmap parse(Object json) {
    if (!(json instanceof Map<?, ?> root)) {
      throw new IllegalArgumentException("the file holds " + kind(json) + ", not a JSON object of parties; write it as "
          + EXAMPLE);
    }
    if (root.isEmpty()) {
      throw new IllegalArgumentException("the file lists no party; write it as " + EXAMPLE);
    }
    boolean objectForm = root.containsKey("parties");
    Encryption enc = Encryption.AUTO;
    if (root.containsKey("encryption")) {
      enc = encryption(root.get("encryption"));
    }
    List<String> inProcess = inProcess(root.get("inProcess"), root.containsKey("inProcess"));
    Map<?, ?> parties;
    String prefix;
    if (objectForm) {
      for (Object k : root.keySet()) {
        if (!TOP.contains(String.valueOf(k))) {
          throw new IllegalArgumentException("unknown field \"" + k + "\"; a hostmap of the object form has the fields "
              + "\"encryption\", \"parties\" and \"inProcess\" (party names go inside \"parties\")");
        }
      }
      if (!(root.get("parties") instanceof Map<?, ?> p)) {
        throw new IllegalArgumentException("field \"parties\" holds " + kind(root.get("parties"))
            + "; it must be an object of party name to {\"address\": \"host:port\", \"publicKey\": \"...\"}, such as"
            + " \"parties\": {\"server0\": {\"address\": \"10.0.0.1:4440\"}}");
      }
      parties = p;
      prefix = "parties.";
    } else {
      Map<Object, Object> p = new LinkedHashMap<>(root);
      p.remove("encryption");
      p.remove("inProcess");
      parties = p;
      prefix = "";
    }
    if (parties.isEmpty()) {
      throw new IllegalArgumentException("field \"" + (objectForm ? "parties" : "") + "\" lists no party; write it as "
          + EXAMPLE);
    }
    Map<String, Entry> m = new LinkedHashMap<>();
    for (Map.Entry<?, ?> p : parties.entrySet()) {
      String name = String.valueOf(p.getKey());
      m.put(name, entry(name, prefix + name, p.getValue()));
    }
    for (String s : inProcess) {
      Entry x = m.get(s);
      if (x != null && x.hasAddress()) {
        throw new IllegalArgumentException("field \"inProcess\" names " + s + ", which also has an address (field \""
            + prefix + s + "\"); remove one of the two");
      }
    }
    return new Hostmap(m, enc, Set.copyOf(inProcess));
  }

  private static Encryption encryption(Object e) {
    if (e instanceof String s) {
      for (Encryption x : Encryption.values()) {
        if (x.name().equalsIgnoreCase(s)) {
          return x;
        }
      }
    }
    throw new IllegalArgumentException("field \"encryption\" is " + show(e) + "; use \"auto\" (encrypted as soon as one"
        + " address is not loopback), \"on\", \"off\" (loopback only) or \"curve\" (JeroMQ's CurveZMQ, slow)");
  }

  private static List<String> inProcess(Object v, boolean present) {
    List<String> out = new ArrayList<>();
    if (!present) {
      return out;
    }
    if (v instanceof List<?> l) {
      for (Object o : l) {
        if (!(o instanceof String s) || s.isBlank()) {
          throw new IllegalArgumentException("field \"inProcess\" holds " + show(o) + "; it must list party names, such"
              + " as \"inProcess\": [\"server2\"]");
        }
        out.add(s);
      }
      return out;
    }
    throw new IllegalArgumentException("field \"inProcess\" holds " + kind(v) + "; it must be an array of party names,"
        + " such as \"inProcess\": [\"server2\"]");
  }

  private static Entry entry(String name, String field, Object v) {
    if (name.isBlank() || name.contains("@")) {
      throw new IllegalArgumentException("field \"" + field + "\": a party name must be non-empty and without '@'");
    }
    if (v instanceof String addr) {
      return Hostmap.parseEntry(name, field, addr, null);
    }
    if (!(v instanceof Map<?, ?> o)) {
      throw new IllegalArgumentException("field \"" + field + "\" holds " + kind(v) + "; give \"host:port\" or an object"
          + " such as {\"address\": \"10.0.0.1:4440\", \"publicKey\": \"...\"}");
    }
    for (Object k : o.keySet()) {
      if (!PARTY.contains(String.valueOf(k))) {
        throw new IllegalArgumentException("unknown field \"" + field + "." + k + "\"; a party has the fields"
            + " \"address\" and \"publicKey\"");
      }
    }
    String addr = text(o, "address", field);
    String key = text(o, "publicKey", field);
    if (name.equals(Hostmap.COORDINATOR) && addr != null) {
      throw new IllegalArgumentException("field \"" + field + ".address\": the coordinator connects to the parties and"
          + " does not listen; remove its address");
    }
    return Hostmap.parseEntry(name, field, addr, key);
  }

  private static String text(Map<?, ?> o, String key, String field) {
    if (!o.containsKey(key)) {
      return null;
    }
    if (o.get(key) instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException("field \"" + field + "." + key + "\" holds " + kind(o.get(key)) + "; it must be"
        + " a string" + (key.equals("address") ? " \"host:port\"" : " (the Z85 key ./tfe keys writes)"));
  }

  private static String show(Object v) {
    return v instanceof String s ? "\"" + s + "\"" : kind(v);
  }

  static String kind(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Map<?, ?>) {
      return "an object";
    }
    if (v instanceof List<?>) {
      return "an array";
    }
    if (v instanceof String s) {
      return "the string \"" + s + "\"";
    }
    if (v instanceof Boolean) {
      return "a boolean";
    }
    return "a number (" + v + ")";
  }
}
