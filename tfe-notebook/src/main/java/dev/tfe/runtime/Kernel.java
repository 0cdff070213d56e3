package dev.tfe.runtime;

import dev.tfe.graph.Node;
import dev.tfe.ring.RingTensor;

/** The local computation of one op kind on one party. */
@FunctionalInterface
public interface Kernel {
  RingTensor apply(Node node, RingTensor[] inputs, PartyState party);
}
