package dev.tfe.protocol;

/**
 * The names of the compute servers: {@code server0} and {@code server1} hold the two additive
 * shares; {@code server2}, the crypto producer, deals correlated randomness and helps with
 * comparisons. Security model: semi-honest, non-colluding servers.
 */
public record Parties(String server0, String server1, String cryptoProducer) {
  public static final Parties DEFAULT = new Parties("server0", "server1", "server2");

  public Parties {
    if (server0.equals(server1) || server0.equals(cryptoProducer) || server1.equals(cryptoProducer)) {
      throw new IllegalArgumentException("the three servers need distinct names: " + server0 + ", " + server1 + ", " + cryptoProducer);
    }
  }

  /** The three names, in role order. */
  public java.util.List<String> names() {
    return java.util.List.of(server0, server1, cryptoProducer);
  }

  /** True for one of the three servers. */
  public boolean isServer(String party) {
    return party.equals(server0) || party.equals(server1) || party.equals(cryptoProducer);
  }
}
