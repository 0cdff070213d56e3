package dev.tfe.model.secure;

import dev.tfe.program.Party;
import dev.tfe.fixedpoint.FixedPointConfig;
import dev.tfe.model.Sequential;
import dev.tfe.model.layers.Layer;
import dev.tfe.protocol.Parties;
import dev.tfe.protocol.share.TruncationMode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A test oracle, written by hand: the analytical communication of private prediction the bytes each party should send for one
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
 * <p>The library itself reads these costs off the planned graph ({@link PrivateModel#plannedCost});
 * {@code CommunicationModelTest} checks that the two agree. Each layer's formula is in
 * {@link LayerFormulas}; a layer without a formula (or that the protocol cannot run, such as ReLU under Pond) throws
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
      PrivateForm<Layer> form = PrivateForms.of(l);
      if (form.role() == PrivateForm.Role.COMPUTED) {
        parts.put(l.type().toLowerCase() + "_" + (i + 1), LayerFormulas.cost(l, costs, batch, s));
      }
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
      long[] sizes = LayerFormulas.weightSizes(l);
      for (long n : sizes) {
        b = b.plus(costs.privateInput(owner, n));
      }
      if (sizes.length > 0) {
        b = b.plus(costs.mask(sizes[0]));
      }
    }
    return b;
  }

  /** Throws, naming the layer, for a layer without a formula or that the protocol cannot run. */
  private void check() {
    List<Layer> layers = model.layers();
    for (int i = 0; i < layers.size(); i++) {
      Layer l = layers.get(i);
      String name = "layer " + (i + 1) + " (" + l.type() + ")";
      PrivateForm<Layer> form = PrivateForms.of(l);
      if (form == null || !LayerFormulas.has(l)) {
        throw new IllegalArgumentException(name + " has no communication formula; there are formulas for "
            + PrivateForms.supported());
      }
      if (form.compares() && !costs.isSecureNn()) {
        throw new IllegalArgumentException(name + ": pond has no exact " + l.type() + ", so no formula; "
            + "use SecureNN (tfe.secureNn()), the default for private prediction");
      }
      if (form.role() == PrivateForm.Role.CLIENT_FINAL && i != layers.size() - 1) {
        throw new IllegalArgumentException(name + " is not the last layer; private prediction supports "
            + l.type() + " only at the end, where the client applies it");
      }
      if (form.role() == PrivateForm.Role.FOLDED && (i == 0 || !PrivateForms.of(layers.get(i - 1)).foldsBatchNorm())) {
        throw new IllegalArgumentException(name + " does not follow a Dense or Conv2D layer, so it is not "
            + "folded into one and has no formula");
      }
    }
  }

  /** Whether a layer needs SecureNN's comparisons (and so its run keys). */
  private static boolean compares(Layer l) {
    return PrivateForms.of(l).compares();
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

  @Override
  public String toString() {
    return "CommunicationModel[" + costs + ", " + model.size() + " layers]";
  }
}
