package dev.tfe.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The compute parties of a session, by role: any number of named roles, each played by a
 * distinct party. A protocol module declares the roles it needs ({@link ProtocolModule#roles()});
 * Pond and SecureNN need three: {@code server0} and {@code server1} hold the two additive shares,
 * {@code server2}, the crypto producer, deals correlated randomness and helps with comparisons.
 * Security model of those two: semi-honest, non-colluding servers.
 */
public final class Parties {
  /** The share holders and the dealer of two-server additive sharing. */
  public static final String SERVER0 = "server0";
  public static final String SERVER1 = "server1";
  public static final String SERVER2 = "server2";
  /** The roles of Pond and SecureNN. */
  public static final List<String> THREE_SERVERS = List.of(SERVER0, SERVER1, SERVER2);
  /** Each of the three roles played by the party of the same name. */
  public static final Parties DEFAULT = new Parties("server0", "server1", "server2");

  private final Map<String, String> byRole;

  /** The three servers of Pond and SecureNN: {@code server0}, {@code server1} and the crypto producer. */
  public Parties(String server0, String server1, String cryptoProducer) {
    this(roles(SERVER0, server0, SERVER1, server1, SERVER2, cryptoProducer));
  }

  private Parties(Map<String, String> byRole) {
    if (byRole.isEmpty()) {
      throw new IllegalArgumentException("a session needs at least one party role");
    }
    if (new HashSet<>(byRole.values()).size() != byRole.size()) {
      throw new IllegalArgumentException("each role needs a distinct party; got " + byRole);
    }
    for (Map.Entry<String, String> e : byRole.entrySet()) {
      if (e.getKey().isBlank() || e.getValue() == null || e.getValue().isBlank()) {
        throw new IllegalArgumentException("role and party names must not be blank; got " + byRole);
      }
    }
    this.byRole = Collections.unmodifiableMap(new LinkedHashMap<>(byRole));
  }

  /** Parties by role, in the order given (e.g. ABY3's three symmetric parties, or four). */
  public static Parties of(Map<String, String> byRole) {
    return new Parties(new LinkedHashMap<>(byRole));
  }

  private static Map<String, String> roles(String... roleAndName) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < roleAndName.length; i += 2) {
      m.put(roleAndName[i], roleAndName[i + 1]);
    }
    return m;
  }

  /** The party that plays {@code role}; the error lists the roles there are. */
  public String party(String role) {
    String p = byRole.get(role);
    if (p == null) {
      throw new IllegalArgumentException("no party plays role '" + role + "'; roles: " + byRole.keySet()
          + " (declare the session's parties with Parties.of(role -> name))");
    }
    return p;
  }

  /** Whether some party plays {@code role}. */
  public boolean hasRole(String role) {
    return byRole.containsKey(role);
  }

  /** The roles, in order. */
  public List<String> roles() {
    return new ArrayList<>(byRole.keySet());
  }

  /** The party names, in role order. */
  public List<String> names() {
    return new ArrayList<>(byRole.values());
  }

  /** The party of role {@code server0}. */
  public String server0() {
    return party(SERVER0);
  }

  /** The party of role {@code server1}. */
  public String server1() {
    return party(SERVER1);
  }

  /** The party of role {@code server2}, the crypto producer of Pond and SecureNN. */
  public String cryptoProducer() {
    return party(SERVER2);
  }

  /** True for a party that plays one of the roles. */
  public boolean isServer(String party) {
    return byRole.containsValue(party);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Parties p && p.byRole.equals(byRole);
  }

  @Override
  public int hashCode() {
    return Objects.hash(byRole);
  }

  @Override
  public String toString() {
    return "Parties" + byRole;
  }
}
