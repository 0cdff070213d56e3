package dev.tfe.graph;

/**
 * What a value that reaches a party is, for that party: the kind every send declares where a
 * protocol op is defined ({@link Ops#move(NodeRef, String, ValueKind)}), so that a run can show
 * each party what it saw (its view, in the sense of the simulation proofs: Goldreich,
 * <i>Foundations of Cryptography</i> vol. 2, section 7.2.2). Only {@link #INPUT} and
 * {@link #OUTPUT} are meant to be known to their party; every other kind is uniformly random on
 * its own, or public.
 */
public enum ValueKind {
  /** The party's own input, fed to it in the clear by the caller (not a message). */
  INPUT("own input"),
  /** A secret share of a value: uniformly random on its own. */
  SHARE("share"),
  /** A value hidden by uniform randomness (e.g. {@code x + r} of a Beaver product), opened so that only the masked value is learnt. */
  MASKED("masked opening"),
  /** Correlated randomness from the dealer (triple or key parts), or a key or seed: independent of every input. */
  DEALT("dealer key or seed"),
  /** A value every party may know (a public input). */
  PUBLIC("public value"),
  /** A result revealed to this party (shares it adds up, or the value): meant for it. */
  OUTPUT("output"),
  /** Another party's value in the clear: only the plaintext reference protocol sends these. */
  CLEAR("value in the clear"),
  /** A value whose send declared no kind (an op that should declare one). */
  UNDECLARED("undeclared");

  /** The attribute of a move node ({@link Ops#IDENTITY}) that holds the kind's name. */
  public static final String ATTR = "sees";

  private final String label;

  ValueKind(String label) {
    this.label = label;
  }

  /** Display text, e.g. {@code masked opening}. */
  public String label() {
    return label;
  }

  /** The kind a node declares for the value it receives: {@link #UNDECLARED} if it declares none. */
  public static ValueKind of(Node reader) {
    Object v = reader.attrs().asMap().get(ATTR);
    return v instanceof String s ? valueOf(s) : UNDECLARED;
  }
}
