package dev.tfe.model.privatetrain;

import dev.tfe.graph.NodeRef;
import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.Tensor;
import java.util.List;

/**
 * A private tensor the servers keep across runs (a weight, a bias, a velocity): each server
 * holds its shares in party-local variables ({@link Protocol#assignVariable}); {@code like} is a
 * tensor of the same structure (the one that initialised it).
 *
 * @param name the variables' name prefix
 * @param like the initial tensor, whose structure reads follow
 */
record PrivateVariable(String name, Tensor like) {
  /** The current value, as a tensor of the step graph being built. */
  Tensor read(Protocol p) {
    return p.readVariable(name, like);
  }

  /** Stores {@code value} when a run targets the returned nodes. */
  List<NodeRef> write(Protocol p, Tensor value) {
    return p.assignVariable(name, value);
  }

  int[] shape() {
    return like.shape();
  }
}
