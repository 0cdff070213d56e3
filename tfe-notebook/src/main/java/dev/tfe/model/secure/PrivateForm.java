package dev.tfe.model.secure;

import dev.tfe.program.Party;
import dev.tfe.program.Program;
import dev.tfe.model.layers.BatchNormalization;
import dev.tfe.model.layers.Layer;
import dev.tfe.protocol.Protocol;

/**
 * How one kind of layer runs privately: {@link LayerTranslator} asks the layer's form (found by
 * {@link PrivateForms#of}) instead of testing the layer's class. What the layer costs follows from
 * what its form builds: {@link PrivateModel#plannedCost} reads it off the planned graph, per layer
 * ({@code OpQuery.layer(name)}), for any protocol.
 *
 * @param <L> the layer class this form belongs to
 */
interface PrivateForm<L extends Layer> {

  /** What a layer of this kind becomes in a private model. */
  enum Role {
    /** A private layer of its own, with a cost. */
    COMPUTED,
    /** Folded into the Dense or Conv2D before it (BatchNormalization): no layer, no cost. */
    FOLDED,
    /** Applied by the client to the revealed logits (a final Softmax): no layer, no cost. */
    CLIENT_FINAL
  }

  /** What building a private layer needs: the session, protocol, weight owner and names. */
  record Build(Program tfe, Protocol protocol, Party owner, String name, BatchNormalization foldedNext) {}

  /** What this kind of layer becomes; {@link Role#COMPUTED} unless said otherwise. */
  default Role role() {
    return Role.COMPUTED;
  }

  /** Whether a BatchNormalization right after a layer of this kind is folded into it. */
  default boolean foldsBatchNorm() {
    return false;
  }

  /** Whether this layer needs exact comparisons (SecureNN's DReLU; Pond has none). */
  default boolean compares() {
    return false;
  }

  /** Said after "needs exact comparisons, which P does not have" when the protocol lacks them. */
  default String withoutComparisonsNote() {
    return "";
  }

  /** The private layer for {@code layer} (only for {@link Role#COMPUTED}). */
  PrivateLayer build(L layer, Build b);

}
