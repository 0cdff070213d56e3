package dev.tfe.model.secure;

import dev.tfe.program.Party;
import dev.tfe.program.Program;
import dev.tfe.model.Sequential;
import dev.tfe.model.layers.BatchNormalization;
import dev.tfe.model.layers.Layer;
import dev.tfe.protocol.Protocol;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a trained {@link Sequential} into private layers, each by its {@link PrivateForm}. Weights
 * become private variables of the model owner (shared once). A BatchNormalization that follows a
 * layer whose form folds it (Dense, Conv2D) is folded into it, so its statistics stay private and
 * cost nothing at prediction time. A final Softmax is left to the client, which applies it to the
 * revealed logits.
 */
final class LayerTranslator {
  private final Program tfe;
  private final Protocol p;
  private final Party owner;

  LayerTranslator(Program tfe, Protocol p, Party owner) {
    this.tfe = tfe;
    this.p = p;
    this.owner = owner;
  }

  /** The private layers, and whether the model ended in a softmax. */
  record Translation(List<PrivateLayer> layers, boolean softmax) {}

  Translation translate(Sequential model) {
    List<Layer> layers = model.layers();
    List<PrivateLayer> out = new ArrayList<>();
    boolean softmax = false;
    for (int i = 0; i < layers.size(); i++) {
      Layer l = layers.get(i);
      PrivateForm<Layer> form = PrivateForms.of(l);
      String label = "layer " + (i + 1) + " (" + l.type() + ")";
      if (form == null) {
        throw new UnsupportedOperationException(label + " has no private version; supported: "
            + PrivateForms.supported());
      }
      switch (form.role()) {
        case CLIENT_FINAL -> {
          if (i != layers.size() - 1) {
            throw new UnsupportedOperationException("layer " + (i + 1) + " (" + l.getClass().getSimpleName()
                + ") is not the last layer; private prediction supports it only at the end, where the client "
                + "applies it to the revealed logits");
          }
          softmax = true;
        }
        case FOLDED -> throw new UnsupportedOperationException("layer " + (i + 1) + " (" + l.getClass().getSimpleName()
            + ") does not follow a Dense or Conv2D layer, so it cannot be folded into one; move it right after a "
            + "Dense or Conv2D layer");
        case COMPUTED -> {
          requireComparisons(label, form);
          PrivateForm<Layer> next = i + 1 < layers.size() ? PrivateForms.of(layers.get(i + 1)) : null;
          BatchNormalization bn = null;
          if (form.foldsBatchNorm() && next != null && next.role() == PrivateForm.Role.FOLDED) {
            bn = (BatchNormalization) layers.get(i + 1);
          }
          String name = l.type().toLowerCase() + "_" + (i + 1);
          out.add(form.build(l, new PrivateForm.Build(tfe, p, owner, name, bn)));
          i += bn == null ? 0 : 1;
        }
        default -> throw new IllegalStateException("unknown role " + form.role());
      }
    }
    return new Translation(out, softmax);
  }

  /**
   * Refuses, when the model is wrapped, a layer that needs exact comparisons under a protocol
   * without them (Pond), instead of failing at the first prediction or, for sigmoid, answering
   * with a polynomial that is wrong outside a small interval.
   */
  private void requireComparisons(String label, PrivateForm<?> form) {
    if (form.compares() && !p.supportsComparisons()) {
      throw new UnsupportedOperationException(label + " needs exact comparisons, which " + p.name()
          + " does not have" + form.withoutComparisonsNote() + "; wrap the model with SecureNN instead: "
          + "tfe.privateModel(model, owner), or tfe.privateModel(model, owner, tfe.secureNn())");
    }
  }
}
