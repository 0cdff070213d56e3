package dev.tfe.protocol.share;

import dev.tfe.graph.NodeRef;

/**
 * A source of correlated randomness for two-server additive sharing: a third party (the crypto
 * producer, or SecureNN's third server) deals shares of uniform values and of values it computes
 * from them (Beaver triples, truncation pairs, shared bits), as CrypTen's {@code TupleProvider}.
 * Implementations differ in what travels: {@link SeededDealer} seeds one server or both;
 * SecureNN's run keys derive every share from pairwise keys.
 */
public interface Dealer {
  /** The party that deals (and holds the dealt values in the clear). */
  String party();

  /** A fresh uniform ring value on the dealer, and its shares on server0 and server1. */
  Dealt random(int[] shape);

  /** Shares over Z_2^64 of a value {@code v} the dealer holds. */
  Pair share(NodeRef v);
}
