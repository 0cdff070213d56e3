package dev.tfe.protocol.share;

import dev.tfe.graph.NodeRef;

/**
 * A value dealt by a {@link Dealer}: the value itself, on the dealer, and its additive shares.
 *
 * @param value the value, on the dealer
 * @param shares its shares on server0 and server1
 */
public record Dealt(NodeRef value, Pair shares) {}
