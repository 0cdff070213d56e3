package dev.tfe.model.secure;

import dev.tfe.api.Party;
import dev.tfe.api.Tfe;
import dev.tfe.model.Sequential;
import dev.tfe.model.layers.AveragePooling2D;
import dev.tfe.model.layers.BatchNormalization;
import dev.tfe.model.layers.Conv2D;
import dev.tfe.model.layers.Dense;
import dev.tfe.model.layers.Flatten;
import dev.tfe.model.layers.Layer;
import dev.tfe.model.layers.MaxPooling2D;
import dev.tfe.model.layers.Padding;
import dev.tfe.model.layers.ReLU;
import dev.tfe.model.layers.Reshape;
import dev.tfe.model.layers.Sigmoid;
import dev.tfe.model.layers.Softmax;
import dev.tfe.model.layers.Tanh;
import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.Tensor;
import dev.tfe.ring.ConvGeometry;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Turns a trained {@link Sequential} into private layers. Weights become private variables of
 * the model owner (shared once). A BatchNormalization that follows a Dense or Conv2D layer is
 * folded into it ({@code W' = W * scale}, {@code b' = b * scale + shift} per output channel), so
 * its statistics stay private and cost nothing at prediction time. A final Softmax is left to the
 * client, which applies it to the revealed logits.
 */
final class LayerTranslator {
  private final Tfe tfe;
  private final Protocol p;
  private final Party owner;

  LayerTranslator(Tfe tfe, Protocol p, Party owner) {
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
      String name = l.type().toLowerCase() + "_" + (i + 1);
      BatchNormalization bn = i + 1 < layers.size() && layers.get(i + 1) instanceof BatchNormalization b ? b : null;
      if (l instanceof Dense d) {
        out.add(dense(name, d.weights(), d.bias(), bn));
        i += bn == null ? 0 : 1;
      } else if (l instanceof Conv2D c) {
        out.add(conv(name, c, bn));
        i += bn == null ? 0 : 1;
      } else if (l instanceof ReLU) {
        requireComparisons(i, l);
        out.add(new PrivateStatelessLayer(name, Protocol::relu));
      } else if (l instanceof Sigmoid) {
        requireComparisons(i, l);
        out.add(new PrivateStatelessLayer(name, Protocol::sigmoid));
      } else if (l instanceof Tanh) {
        requireComparisons(i, l);
        out.add(new PrivateStatelessLayer(name, Protocol::tanh));
      } else if (l instanceof MaxPooling2D m) {
        requireComparisons(i, l);
        ConvGeometry.Padding pad = padding(m.padding());
        out.add(new PrivateStatelessLayer(name, (q, x) -> q.maxPool2d(x, m.poolH(), m.poolW(), m.strideH(), m.strideW(), pad)));
      } else if (l instanceof AveragePooling2D a) {
        ConvGeometry.Padding pad = padding(a.padding());
        out.add(new PrivateStatelessLayer(name, (q, x) -> q.avgPool2d(x, a.poolH(), a.poolW(), a.strideH(), a.strideW(), pad)));
      } else if (l instanceof Flatten) {
        out.add(new PrivateStatelessLayer(name, (q, x) -> q.reshape(x, x.dim(0), -1)));
      } else if (l instanceof Reshape r) {
        int[] target = r.targetShape();
        out.add(new PrivateStatelessLayer(name, (q, x) -> q.reshape(x, prepend(x.dim(0), target))));
      } else if (l instanceof Softmax) {
        if (i != layers.size() - 1) {
          throw new UnsupportedOperationException("layer " + (i + 1) + " (Softmax) is not the last layer; private "
              + "prediction supports Softmax only at the end, where the client applies it to the revealed logits");
        }
        softmax = true;
      } else if (l instanceof BatchNormalization) {
        throw new UnsupportedOperationException("layer " + (i + 1) + " (BatchNormalization) does not follow a Dense or "
            + "Conv2D layer, so it cannot be folded into one; move it right after a Dense or Conv2D layer");
      } else {
        throw new UnsupportedOperationException("layer " + (i + 1) + " (" + l.type() + ") has no private version; "
            + "supported: Dense, Conv2D, ReLU, Sigmoid, Tanh, MaxPooling2D, AveragePooling2D, Flatten, Reshape, "
            + "BatchNormalization (after Dense or Conv2D) and a final Softmax");
      }
    }
    return new Translation(out, softmax);
  }

  /**
   * Refuses, when the model is wrapped, a layer that needs exact comparisons under a protocol
   * without them (Pond), instead of failing at the first prediction or, for sigmoid, answering
   * with a polynomial that is wrong outside a small interval.
   */
  private void requireComparisons(int i, Layer l) {
    if (!p.supportsComparisons()) {
      throw new UnsupportedOperationException("layer " + (i + 1) + " (" + l.type() + ") needs exact comparisons, which "
          + p.name() + " does not have" + (l instanceof ReLU || l instanceof MaxPooling2D ? ""
          : " (its only sigmoid is a polynomial, wrong by far outside [-4, 4], where trained models' "
          + "pre-activations often lie)") + "; wrap the model with SecureNN instead: tfe.privateModel(model, owner), "
          + "or tfe.privateModel(model, owner, tfe.secureNn())");
    }
  }

  private PrivateLayer dense(String name, INDArray w, INDArray b, BatchNormalization bn) {
    INDArray weights = w;
    INDArray bias = b;
    if (bn != null) {
      INDArray scale = bn.inferenceScale();
      weights = w.mulRowVector(scale);
      bias = b.mul(scale).add(bn.inferenceShift());
    }
    Tensor tw = tfe.definePrivateVariable(p, owner, weights.dup('c'));
    Tensor tb = tfe.definePrivateVariable(p, owner, bias.reshape(bias.length()).dup('c'));
    return new PrivateDense(name, p, tw, tb);
  }

  private PrivateLayer conv(String name, Conv2D c, BatchNormalization bn) {
    INDArray k = c.kernel();
    INDArray b = c.bias();
    if (bn != null) {
      INDArray scale = bn.inferenceScale();
      k = k.dup('c').reshape('c', -1, c.filters()).mulRowVector(scale).reshape('c', k.shape());
      b = b.mul(scale).add(bn.inferenceShift());
    }
    Tensor tk = tfe.definePrivateVariable(p, owner, k.dup('c'));
    Tensor tb = tfe.definePrivateVariable(p, owner, b.reshape(b.length()).dup('c'));
    return new PrivateConv2D(name, p, tk, tb, c.strideH(), c.strideW(), padding(c.padding()));
  }

  private static ConvGeometry.Padding padding(Padding p) {
    return ConvGeometry.Padding.parse(p.name());
  }

  private static int[] prepend(int n, int[] shape) {
    int[] r = new int[shape.length + 1];
    r[0] = n;
    System.arraycopy(shape, 0, r, 1, shape.length);
    return r;
  }
}
