package dev.tfe.model.secure;

import dev.tfe.program.Output;
import dev.tfe.program.Party;
import dev.tfe.program.RunResult;
import dev.tfe.program.Program;
import dev.tfe.graph.Graph;
import dev.tfe.model.Sequential;
import dev.tfe.graph.OpIdentity;
import dev.tfe.profile.PlannedCost;
import dev.tfe.profile.Profile;
import dev.tfe.progress.Progress;
import dev.tfe.progress.ProgressTask;
import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.Tensor;
import dev.tfe.render.GraphView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained model whose weights are secret-shared by their owner, for private prediction: made
 * by {@link dev.tfe.api.Tfe#privateModel}. {@link #predict} lets a client share its input; the servers
 * compute on shares; the logits are revealed to the client alone. The owner's weights are
 * shared and masked once, in the first run, and reused by every later prediction.
 *
 * <p>The graph for a batch shape is built once and reused: each call only feeds the new input.
 */
public final class PrivateModel {
  private static int counter;
  private final Program tfe;
  private final Sequential model;
  private final Party owner;
  private final Protocol protocol;
  private final List<PrivateLayer> layers;
  private final boolean softmax;
  private final String id;
  private final ComparisonRange range;
  private final Map<List<Integer>, Built> built = new HashMap<>();

  private record Built(Party client, String key, Output logits, int firstNode, int endNode) {}

  /** The last prediction's profile and batches, for {@link #graph()}. */
  private volatile LastCall last;

  private record LastCall(Profile profile, Map<Built, Integer> runs) {}

  public PrivateModel(Program tfe, Sequential model, Party owner, Protocol protocol) {
    this.tfe = tfe;
    this.model = model;
    this.owner = tfe.requireParty(owner.name());
    this.protocol = protocol;
    synchronized (PrivateModel.class) {
      this.id = "model" + (++counter);
    }
    this.range = ComparisonRange.of(model, protocol.exactComparisonLimit(), tfe.fixedPoint().config());
    range.requirePositive(protocol.name());
    try (Graph.Scope s = tfe.graph().layerScope(id, "weights")) {
      LayerTranslator.Translation t = new LayerTranslator(tfe, protocol, owner).translate(model);
      this.layers = t.layers();
      this.softmax = t.softmax();
    }
  }

  public Protocol protocol() {
    return protocol;
  }

  /**
   * The largest input magnitude for which every comparison of this model is exact under its
   * protocol (infinite when the protocol compares every ring value exactly); {@link #predict}
   * refuses larger inputs. Derived from the weights by interval arithmetic ({@code ComparisonRange}).
   */
  public double maxExactInput() {
    return range.maxInput();
  }

  public Sequential model() {
    return model;
  }

  public Party owner() {
    return owner;
  }

  /** The private layers, in order. */
  public List<String> layerNames() {
    return layers.stream().map(PrivateLayer::name).toList();
  }

  /**
   * This model's part of the graph, to draw ({@link GraphView#toSvg()}): one box per layer (the
   * shared weights, the input, each private layer, the logits), shaded by the parties involved,
   * with the costs of the last prediction on them; the layers of the batch shape run most often
   * in the last prediction are drawn once, with the number of batch runs. Open a layer with
   * {@code graph().expand("dense_1")} (its protocol ops) or
   * {@code expand("dense_1", GraphView.Level.PARTY_OPS)} (its ops per party). Before the first
   * prediction it holds only the weights.
   */
  public GraphView graph() {
    LastCall l = last;
    List<GraphView.Batch> batches = new ArrayList<>();
    synchronized (this) {
      for (Built b : built.values()) {
        // every batch shape built so far is a batch; those the last call did not run count 0
        batches.add(new GraphView.Batch(b.firstNode(), b.endNode(), l == null ? 0 : l.runs().getOrDefault(b, 0)));
      }
    }
    batches.sort(java.util.Comparator.comparingInt(GraphView.Batch::firstNode));
    return new GraphView(tfe.graph(), List.of(id), "PrivateModel " + id + " (" + protocol.name() + ")",
        l == null ? null : l.profile(), batches, GraphView.Level.LAYERS, Map.of());
  }

  /** Predicts privately for {@code client}, in batches of 128. */
  public Prediction predict(Party client, INDArray x) {
    return predict(client, x, 128);
  }

  /**
   * Predicts privately for {@code client}; {@code x}'s first axis is the batch. A prediction that
   * runs for long shows its progress over the batches ({@link Progress}).
   */
  public Prediction predict(Party client, INDArray x, int batchSize) {
    tfe.requireParty(client.name());
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
    }
    var first = model.layers().get(0);
    int[] expected = first instanceof dev.tfe.model.layers.Reshape ? null : first.expectedInputShape();
    int[] shape = Arrays.stream(x.shape()).mapToInt(Math::toIntExact).toArray();
    if (expected != null && !fits(shape, expected)) {
      throw new IllegalArgumentException("predict: the model expects input " + shapeText(expected)
          + " but got " + Arrays.toString(shape) + (shape.length == 2 && expected.length == 3
              ? "; reshape images to [N, H, W, C] (e.g. dataset.reshaped(28, 28, 1))" : ""));
    }
    // every value checked before any batch runs, so an error names the row of x itself
    tfe.fixedPoint().encode(x, "prediction input of " + client.name());
    range.check(x.amaxNumber().doubleValue(), "prediction input of " + client.name(), protocol.name());
    int n = shape[0];
    List<INDArray> parts = new ArrayList<>();
    List<Profile> profiles = new ArrayList<>();
    Map<Built, Integer> runs = new java.util.LinkedHashMap<>();
    long t0 = System.nanoTime();
    ProgressTask progress = Progress.start("private prediction (" + protocol.name() + ")", (n + batchSize - 1) / batchSize, "batches");
    for (int from = 0; from < n; from += batchSize) {
      int to = Math.min(n, from + batchSize);
      INDArray batch = x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to)).dup('c');
      int[] bs = shape.clone();
      bs[0] = to - from;
      Built b = build(client, bs);
      runs.merge(b, 1, Integer::sum);
      RunResult r = tfe.run(Map.of(client, Map.of(b.key(), batch)), b.logits());
      parts.add(r.get(b.logits()));
      profiles.add(r.profile());
      progress.advance();
    }
    progress.close();
    long wall = System.nanoTime() - t0;
    INDArray logits = parts.size() == 1 ? parts.get(0) : Nd4j.concat(0, parts.toArray(new INDArray[0]));
    Profile profile = Profile.combine(profiles).withWallNanos(wall);
    last = new LastCall(profile, Map.copyOf(runs));
    return new Prediction(x, logits.castTo(DataType.DOUBLE), softmax, profile, wall, model, protocol.name());
  }

  /**
   * Makes ahead, before the client's input exists, the input-independent material of the next
   * {@code runs} predictions on batches of shape {@code batchShape} ({@code [N, ...]}): the
   * dealer's masks, keys and triples, computed and sent to the servers now (the offline phase,
   * {@link dev.tfe.graph.Preprocessing}). Each of the next {@code runs} batches of that shape that
   * {@link #predict} runs on this runtime uses one set and runs only its online part: the dealer
   * neither computes nor sends during it. Returns the offline profile (bytes, rounds, time).
   */
  public Profile preprocess(Party client, int runs, int... batchShape) {
    tfe.requireParty(client.name());
    Built b = build(client, batchShape.clone());
    return tfe.session().preprocess(List.of(b.logits().node()), runs);
  }

  /**
   * The analytical communication of {@code predict(client, x, batchSize)}, read off the planned
   * graph ({@link PlannedCost}) before anything runs: one run per batch of {@code batchSize} rows
   * of {@code x} (the last one smaller), added as the prediction's combined profile adds them.
   * Builds the graph of each batch shape, as the prediction would.
   */
  public PlannedCost plannedCost(Party client, INDArray x, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
    }
    int[] shape = Arrays.stream(x.shape()).mapToInt(Math::toIntExact).toArray();
    int n = shape[0];
    shape[0] = Math.min(batchSize, n);
    PlannedCost c = n >= batchSize ? plannedCost(client, shape).times(n / batchSize) : PlannedCost.NONE;
    if (n % batchSize != 0) {
      shape[0] = n % batchSize;
      c = c.plus(plannedCost(client, shape));
    }
    return c;
  }

  /**
   * The analytical communication of one prediction run on a batch of shape {@code batchShape}
   * ({@code [N, ...]}): bytes by party and by identity (e.g. {@code OpQuery.layer("dense_1")}),
   * and rounds. Builds the graph of that shape, as a prediction would.
   */
  public PlannedCost plannedCost(Party client, int... batchShape) {
    tfe.requireParty(client.name());
    Built b = build(client, batchShape.clone());
    return PlannedCost.of(tfe.graph(), List.of(b.logits().node().id()));
  }

  /**
   * The analytical communication of sharing and masking this model's weights: the initialisation
   * run before its first prediction (whose profile is {@code tfe.session().lastInitProfile()}
   * when no other initialiser was pending).
   */
  public PlannedCost plannedInitialisation() {
    OpIdentity mine = new OpIdentity(List.of(new OpIdentity.Layer(id)));
    List<Integer> init = tfe.graph().initialisers().stream()
        .filter(i -> tfe.graph().node(i).identity().isWithin(mine)).toList();
    return PlannedCost.of(tfe.graph(), init);
  }

  private synchronized Built build(Party client, int[] shape) {
    List<Integer> k = new ArrayList<>();
    k.add(client.name().hashCode());
    for (int d : shape) {
      k.add(d);
    }
    return built.computeIfAbsent(k, unused -> {
      int first = tfe.graph().size();
      String key = id + ".x." + String.join("x", Arrays.stream(shape).mapToObj(Integer::toString).toList());
      Tensor h;
      try (Graph.Scope s = tfe.graph().layerScope(id, "input")) {
        h = tfe.definePrivateInput(protocol, client, key, shape);
      }
      for (PrivateLayer l : layers) {
        try (Graph.Scope s = tfe.graph().layerScope(id, l.name())) {
          h = l.forward(protocol, h);
        }
      }
      Output out;
      try (Graph.Scope s = tfe.graph().layerScope(id, "logits")) {
        out = tfe.defineOutput(protocol, client, h);
      }
      return new Built(client, key, out, first, tfe.graph().size());
    });
  }

  /** Whether a batch shape {@code [N, ...]} fits a per-example shape with -1 for free dimensions. */
  private static boolean fits(int[] shape, int[] perExample) {
    if (shape.length != perExample.length + 1) {
      return false;
    }
    for (int i = 0; i < perExample.length; i++) {
      if (perExample[i] != -1 && perExample[i] != shape[i + 1]) {
        return false;
      }
    }
    return true;
  }

  private static String shapeText(int[] perExample) {
    StringBuilder sb = new StringBuilder("[N");
    for (int d : perExample) {
      sb.append(", ").append(d == -1 ? "?" : String.valueOf(d));
    }
    return sb.append(']').toString();
  }

  @Override
  public String toString() {
    return "PrivateModel " + id + " (" + protocol.name() + ", weights owned by " + owner + "): " + layerNames();
  }
}
