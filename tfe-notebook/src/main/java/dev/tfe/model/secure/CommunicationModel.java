package dev.tfe.model.secure;

import dev.tfe.api.Party;
import dev.tfe.fixedpoint.FixedPointConfig;
import dev.tfe.model.Sequential;
import dev.tfe.model.layers.AveragePooling2D;
import dev.tfe.model.layers.BatchNormalization;
import dev.tfe.model.layers.Conv2D;
import dev.tfe.model.layers.Dense;
import dev.tfe.model.layers.Flatten;
import dev.tfe.model.layers.Layer;
import dev.tfe.model.layers.MaxPooling2D;
import dev.tfe.model.layers.Pooling2D;
import dev.tfe.model.layers.ReLU;
import dev.tfe.model.layers.Reshape;
import dev.tfe.model.layers.Sigmoid;
import dev.tfe.model.layers.Softmax;
import dev.tfe.model.layers.Tanh;
import dev.tfe.protocol.Parties;
import dev.tfe.protocol.share.TruncationMode;
import dev.tfe.ring.ConvGeometry;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The analytical communication of private prediction: the bytes each party should send for one
 * {@link PrivateModel#predict} run, from the per-op formulas of {@link OpCosts} (the SecureNN
 * paper's Tables 1 and 2 and Beaver's products as Pond deals them, with this implementation's
 * deviations stated there), to set beside the bytes the profile measures.
 *
 * <p>Per run of a batch of N, with n the elements of a layer's input (or output, for pooling), all
 * as {@link LayerTranslator} and the private layers build the graph:
 * <ul>
 *   <li>input: the client sends a seed and {@code 8n} ({@code 8 N * example size + 32});
 *   <li>Dense k to v: one Beaver matmul of the fresh {@code [N, k]} by the weights, masked once
 *       and reused ({@link OpCosts#matmul}: SecureNN {@code 16Nk + 8Nv + 64}, Pond
 *       {@code 24Nk + 8Nv + 32}), then its truncation (SecureNN {@code 32Nv + 64}, Pond
 *       {@code 40Nv + 32}, nothing if local); the private bias is added locally;
 *   <li>Conv2D: im2col (local), then the same matmul with {@code m = N outH outW},
 *       {@code k = kh kw Cin}, {@code v = filters};
 *   <li>ReLU (SecureNN): {@code 528n}; MaxPooling2D (SecureNN): {@code 528 (w - 1)} per output,
 *       w the window's cells; AveragePooling2D: a truncation of its outputs; Sigmoid and Tanh
 *       (SecureNN): {@link OpCosts#activation}, four DReLUs, three products by a bit, and
 *       polynomial pieces (sigmoid {@code 2656n + 1088}, tanh {@code 2864n + 1472});
 *   <li>Flatten, Reshape: free; BatchNormalization after Dense or Conv2D: folded into its
 *       weights, free; a final Softmax: applied by the client, free;
 *   <li>SecureNN's run keys, when a ReLU, max pooling, sigmoid or tanh needs them: 96 bytes;
 *   <li>output: server0 and server1 send {@code 8n} each to the client.
 * </ul>
 * Every run of a prediction, the first one included, costs this: the weights are shared and
 * masked in a separate initialisation run before the first ({@link #initialisation}; its profile
 * is {@code tfe.session().lastInitProfile()}, not part of the prediction's).
 *
 * <p>A layer without a formula (or that the protocol cannot run, such as ReLU under Pond) throws
 * an {@link IllegalArgumentException} naming it: never a wrong number.
 */
public final class CommunicationModel {
  private final Sequential model;
  private final OpCosts costs;

  private CommunicationModel(Sequential model, OpCosts costs) {
    this.model = model;
    this.costs = costs;
    check();
  }

  /** The communication of {@code pm}'s predictions: its model, protocol, truncation and servers. */
  public static CommunicationModel of(PrivateModel pm) {
    return new CommunicationModel(pm.model(), OpCosts.of(pm.protocol()));
  }

  /**
   * The communication of {@code model} under {@code protocol} ({@code "securenn"} or
   * {@code "pond"}) with this truncation, the default fixed point and servers.
   */
  public static CommunicationModel of(Sequential model, String protocol, TruncationMode truncation) {
    return new CommunicationModel(model, OpCosts.of(protocol, truncation,
        FixedPointConfig.defaults().fractionalBits(), Parties.DEFAULT));
  }

  /** The per-op formulas used. */
  public OpCosts costs() {
    return costs;
  }

  /**
   * What {@code pm.predict(client, x, batchSize)} sends: one run per batch of {@code batchSize}
   * rows of {@code x} (the last one smaller), as its combined profile counts them.
   */
  public ByteCount predict(Party client, INDArray x, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
    }
    int[] shape = Arrays.stream(x.shape()).mapToInt(Math::toIntExact).toArray();
    int[] example = Arrays.copyOfRange(shape, 1, shape.length);
    int n = shape[0];
    int full = n / batchSize;
    ByteCount b = run(client.name(), batchSize, example).times(full);
    return n % batchSize == 0 ? b : b.plus(run(client.name(), n % batchSize, example));
  }

  /** The bytes of one run on a batch of {@code batch} examples of shape {@code exampleShape}. */
  public ByteCount run(String client, int batch, int... exampleShape) {
    ByteCount total = ByteCount.NONE;
    for (ByteCount b : breakdown(client, batch, exampleShape).values()) {
      total = total.plus(b);
    }
    return total;
  }

  /**
   * The bytes of one run by part, keyed by the names of the graph's scopes: {@code input},
   * {@code securenn.keys} (if needed), each private layer as {@link PrivateModel#layerNames()}
   * names it ({@code dense_1}, {@code relu_2}, ...), and {@code logits}.
   */
  public Map<String, ByteCount> breakdown(String client, int batch, int... exampleShape) {
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be at least 1, got " + batch);
    }
    Map<String, ByteCount> parts = new LinkedHashMap<>();
    int[] s = exampleShape.clone();
    parts.put("input", costs.privateInput(client, batch * size(s)));
    if (costs.isSecureNn() && model.layers().stream().anyMatch(CommunicationModel::compares)) {
      parts.put("securenn.keys", costs.keys());
    }
    List<Layer> layers = model.layers();
    for (int i = 0; i < layers.size(); i++) {
      Layer l = layers.get(i);
      if (l instanceof Softmax || folded(i)) {
        s = l.outputShape(s);
        continue;
      }
      parts.put(l.type().toLowerCase() + "_" + (i + 1), layer(l, batch, s));
      s = l.outputShape(s);
    }
    parts.put("logits", costs.output(batch * size(s)));
    return parts;
  }

  /**
   * The bytes of the initialisation run before the first prediction: {@code owner} shares each
   * weight and bias (a seed and {@code 8n} each), and each weight is masked once
   * ({@link OpCosts#mask}: SecureNN {@code 16n + 64}, Pond {@code 24n + 32}).
   */
  public ByteCount initialisation(String owner) {
    ByteCount b = ByteCount.NONE;
    for (Layer l : model.layers()) {
      long w;
      long bias;
      if (l instanceof Dense d) {
        w = (long) d.inputSize() * d.outputSize();
        bias = d.outputSize();
      } else if (l instanceof Conv2D c) {
        w = (long) c.kernelH() * c.kernelW() * c.inChannels() * c.filters();
        bias = c.filters();
      } else {
        continue;
      }
      b = b.plus(costs.privateInput(owner, w)).plus(costs.privateInput(owner, bias)).plus(costs.mask(w));
    }
    return b;
  }

  private ByteCount layer(Layer l, int batch, int[] s) {
    long n = batch * size(s);
    if (l instanceof Dense d) {
      return costs.matmul(batch, d.inputSize(), d.outputSize(), true);
    } else if (l instanceof Conv2D c) {
      ConvGeometry g = ConvGeometry.of(batchShape(batch, s), c.kernelH(), c.kernelW(), c.strideH(), c.strideW(),
          ConvGeometry.Padding.parse(c.padding().name()));
      return costs.matmul(g.patchRows(), g.patchCols(), c.filters(), true);
    } else if (l instanceof Pooling2D p) {
      ConvGeometry g = ConvGeometry.of(batchShape(batch, s), p.poolH(), p.poolW(), p.strideH(), p.strideW(),
          ConvGeometry.Padding.parse(p.padding().name()));
      long outputs = (long) g.patchRows() * g.channels();
      return p instanceof MaxPooling2D ? costs.maxPool2d(outputs, p.poolH() * p.poolW()) : costs.avgPool2d(outputs);
    } else if (l instanceof ReLU) {
      return costs.relu(n);
    } else if (l instanceof Sigmoid) {
      return costs.sigmoid(n);
    } else if (l instanceof Tanh) {
      return costs.tanh(n);
    } else if (l instanceof Flatten || l instanceof Reshape) {
      return ByteCount.NONE;
    }
    throw new IllegalStateException("unchecked layer " + l.type()); // check() lets no other layer through
  }

  /** Throws, naming the layer, for a layer without a formula or that the protocol cannot run. */
  private void check() {
    List<Layer> layers = model.layers();
    for (int i = 0; i < layers.size(); i++) {
      Layer l = layers.get(i);
      String name = "layer " + (i + 1) + " (" + l.type() + ")";
      if (l instanceof ReLU || l instanceof MaxPooling2D || l instanceof Sigmoid || l instanceof Tanh) {
        if (!costs.isSecureNn()) {
          throw new IllegalArgumentException(name + ": pond has no exact " + l.type() + ", so no formula; "
              + "use SecureNN (tfe.secureNn()), the default for private prediction");
        }
      } else if (l instanceof Softmax) {
        if (i != layers.size() - 1) {
          throw new IllegalArgumentException(name + " is not the last layer; private prediction supports Softmax "
              + "only at the end, where the client applies it");
        }
      } else if (l instanceof BatchNormalization) {
        if (!folded(i)) {
          throw new IllegalArgumentException(name + " does not follow a Dense or Conv2D layer, so it is not "
              + "folded into one and has no formula");
        }
      } else if (!(l instanceof Dense || l instanceof Conv2D || l instanceof AveragePooling2D 
          || l instanceof Flatten || l instanceof Reshape)) {
        throw new IllegalArgumentException(name + " has no communication formula; there are formulas for Dense, "
            + "Conv2D, ReLU, Sigmoid, Tanh, MaxPooling2D, AveragePooling2D, Flatten, Reshape, BatchNormalization (after "
            + "Dense or Conv2D) and a final Softmax");
      }
    }
  }

  /** Whether a layer needs SecureNN's comparisons (and so its run keys). */
  private static boolean compares(Layer l) {
    return l instanceof ReLU || l instanceof MaxPooling2D || l instanceof Sigmoid || l instanceof Tanh;
  }

  /** Whether layer {@code i} is a BatchNormalization folded into the Dense or Conv2D before it. */
  private boolean folded(int i) {
    List<Layer> layers = model.layers();
    return layers.get(i) instanceof BatchNormalization && i > 0
        && (layers.get(i - 1) instanceof Dense || layers.get(i - 1) instanceof Conv2D);
  }

  private static long size(int[] s) {
    long n = 1;
    for (int d : s) {
      if (d < 0) {
        throw new IllegalArgumentException("the example shape " + Arrays.toString(s) + " must be fully known");
      }
      n *= d;
    }
    return n;
  }

  private static int[] batchShape(int batch, int[] s) {
    int[] r = new int[s.length + 1];
    r[0] = batch;
    System.arraycopy(s, 0, r, 1, s.length);
    return r;
  }

  @Override
  public String toString() {
    return "CommunicationModel[" + costs + ", " + model.size() + " layers]";
  }
}
