package dev.tfe.model.privatetrain;

import dev.tfe.program.Output;
import dev.tfe.program.Party;
import dev.tfe.program.RunResult;
import dev.tfe.program.Program;
import dev.tfe.data.Dataset;
import dev.tfe.fixedpoint.FixedPointConfig;
import dev.tfe.fixedpoint.FixedPointOverflowException;
import dev.tfe.graph.Graph;
import dev.tfe.model.Fit;
import dev.tfe.model.Sequential;
import dev.tfe.model.train.Loss;
import dev.tfe.profile.Profile;
import dev.tfe.progress.Progress;
import dev.tfe.progress.ProgressTask;
import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.Tensor;
import dev.tfe.render.GraphView;
import dev.tfe.runtime.Runtime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Private training, made by {@code tfe.privateTraining(model, modelOwner, owners...)}: every data
 * owner secret-shares its own rows; the model owner shares the initial weights; the servers run
 * mini-batch SGD on the shares ({@link #fit}), as the plaintext {@link Sequential#fit} does with
 * the same {@link Fit} (same shuffling from the seed, same batches, same update rule). The trained
 * weights stay private: {@link #predict} uses them as they are, and {@link #revealWeights} gives
 * them to the model owner alone. Nobody else learns anything but, if asked
 * ({@link #revealingLoss}), the model owner one loss figure per epoch.
 *
 * <p>Fixed point: train with {@link #PRECISION} (20 fractional bits, 11 integral): gradients of
 * a mean over 128 examples are around 1e-3 to 1e-5, which 16 fractional bits (resolution 1.5e-5)
 * would round away. At the end of every epoch the servers count, privately, the weights of
 * magnitude at least {@link #overflowBound} and reveal only that count to the model owner; a
 * non-zero count (training diverged, or a value wrapped around the ring) stops training with a
 * {@link FixedPointOverflowException}, as does a revealed value out of range.
 *
 * <p>The protocol must have exact comparisons (ReLU's derivative, the softmax's maximum and
 * clipping, the overflow count); every protocol with them trains, unchanged.
 */
public final class PrivateTraining {
  /** The recommended fixed point for training: 20 fractional and 11 integral bits. */
  public static final FixedPointConfig PRECISION = FixedPointConfig.of(20, 11);
  private static int counter;

  private final Program tfe;
  private final Sequential model;
  private final Party modelOwner;
  private final Protocol protocol;
  private final List<DataOwner> owners;
  private final String id;
  private boolean revealLoss;
  private Setup setup;
  private Profile lastStepProfile;
  private double lastStepSeconds;
  private final List<Double> stepSeconds = new ArrayList<>();
  private final Map<String, Output> predictions = new HashMap<>();

  /** What the first {@link #fit} fixes: the loss, the optimiser, the variables and the step graphs. */
  private record Setup(Fit fit, PrivateLoss loss, PrivateSgd sgd, PrivateNetwork net, PrivateVariable accumulator,
      Map<Integer, StepGraph> steps, Output lossOut, Output overflowOut, List<dev.tfe.graph.NodeRef> reset,
      Runtime runtime, int outputs) {}

  public PrivateTraining(Program tfe, Sequential model, Party modelOwner, Protocol protocol, List<DataOwner> owners) {
    this.tfe = tfe;
    this.model = model;
    this.modelOwner = tfe.requireParty(modelOwner.name());
    this.protocol = protocol;
    if (owners.isEmpty()) {
      throw new IllegalArgumentException("private training needs at least one data owner");
    }
    if (new HashSet<>(owners.stream().map(DataOwner::party).toList()).size() != owners.size()) {
      throw new IllegalArgumentException("each data owner must be a different party, got " + owners);
    }
    owners.forEach(o -> tfe.requireParty(o.party().name()));
    if (!protocol.supportsComparisons()) {
      throw new UnsupportedOperationException(protocol.name() + " has no exact comparisons, which private training needs "
          + "(the derivative of ReLU, the softmax's maximum); use a protocol that has them, e.g. tfe.secureNn()");
    }
    this.owners = List.copyOf(owners);
    synchronized (PrivateTraining.class) {
      this.id = "training" + (++counter);
    }
  }

  /** Reveals to the model owner, after every epoch, the epoch's mean squared error of the predictions. */
  public PrivateTraining revealingLoss() {
    this.revealLoss = true;
    return this;
  }

  /** The magnitude from which a weight counts as overflowing: {@code 2^(integral bits - 3)}. */
  public double overflowBound() {
    return Math.pow(2, protocol.fixedPoint().config().integralBits() - 3);
  }

  public Protocol protocol() {
    return protocol;
  }

  /** All owners' rows as one plaintext data set, in the pooled order, for the plaintext twin in tests and tutorials. */
  public static Dataset pooled(List<DataOwner> owners) {
    Dataset first = owners.get(0).rows();
    var features = org.nd4j.linalg.factory.Nd4j.concat(0, owners.stream().map(o -> o.rows().features()).toArray(
        org.nd4j.linalg.api.ndarray.INDArray[]::new));
    if (!first.isClassification()) {
      return Dataset.regression(features, org.nd4j.linalg.factory.Nd4j.concat(0, owners.stream().map(o -> o.rows().labels())
          .toArray(org.nd4j.linalg.api.ndarray.INDArray[]::new)));
    }
    int[] classes = owners.stream().flatMapToInt(o -> Arrays.stream(o.rows().classes())).toArray();
    return Dataset.classification(features, classes, first.numClasses());
  }

  /**
   * Trains on the owners' rows with these options: epochs, batch size, SGD with or without
   * momentum, loss (default: binary cross-entropy for one output, cross-entropy for several,
   * mse for regression), seed and shuffling. Calling it again continues from the current weights
   * with the same options. Long training shows its progress over the steps, and the loss curve
   * when the loss is revealed ({@link Progress}).
   */
  public PrivateHistory fit(Fit fit) {
    if (fit.learningRateDecay() != 1 || fit.validation() != null) {
      throw new IllegalArgumentException("private training does not support learning-rate decay or a validation set; "
          + "evaluate after revealWeights(), or predict privately");
    }
    Setup s = setup(fit);
    BatchFeeds feeds = new BatchFeeds(owners, s.outputs(), protocol.fixedPoint());
    int[] example = owners.get(0).rows().exampleShape();
    int n = feeds.size();
    SplittableRandom rng = new SplittableRandom(fit.seed());
    PrivateHistory history = new PrivateHistory(s.loss().metric());
    ProgressTask progress = Progress.start("private training (" + protocol.name() + ")",
        (long) fit.epochs() * ((n + fit.batchSize() - 1) / fit.batchSize()), "steps");
    for (int epoch = 1; epoch <= fit.epochs(); epoch++) {
      long start = System.nanoTime();
      int[] order = fit.shuffle() ? Dataset.permutation(n, rng) : java.util.stream.IntStream.range(0, n).toArray();
      for (int from = 0; from < n; from += fit.batchSize()) {
        int[] rows = Arrays.copyOfRange(order, from, Math.min(n, from + fit.batchSize()));
        StepGraph step = stepGraph(s, rows.length, example);
        long t0 = System.nanoTime();
        var r = tfe.session().run(step.targets(), feeds.feeds(rows, step, example));
        lastStepSeconds = (System.nanoTime() - t0) / 1e9;
        stepSeconds.add(lastStepSeconds);
        lastStepProfile = r.profile();
        progress.advance();
      }
      double loss = endOfEpoch(s, epoch, n, fit.batchSize());
      PrivateHistory.Epoch e = new PrivateHistory.Epoch(epoch, loss, (System.nanoTime() - start) / 1e9);
      history.add(e);
      progress.loss("epoch", epoch, loss);
      if (fit.isVerbose()) {
        System.out.println(e);
      }
    }
    progress.close();
    return history;
  }

  /** Reveals the epoch's figures to the model owner: the overflow count, and the loss if asked; resets the accumulator. */
  private double endOfEpoch(Setup s, int epoch, int n, int batch) {
    List<Output> outs = new ArrayList<>();
    outs.add(s.overflowOut());
    if (revealLoss) {
      outs.add(s.lossOut());
    }
    RunResult r = tfe.run(outs.toArray(new Output[0]));
    tfe.session().run(s.reset(), Map.of());
    long over = Math.round(r.values(s.overflowOut())[0] * 1024);
    if (over > 0) {
      throw new FixedPointOverflowException("after epoch " + epoch + ", " + over + " private weights have magnitude at least "
          + overflowBound() + " (the fixed point holds values below " + protocol.fixedPoint().config().maxValue()
          + "): training diverged or overflowed; lower the learning rate, or use more integral bits");
    }
    return revealLoss ? r.values(s.lossOut())[0] * batch / n : Double.NaN;
  }

  private synchronized Setup setup(Fit fit) {
    if (setup != null) {
      if (tfe.runtime() != setup.runtime()) {
        throw new IllegalStateException("the runtime changed after private training started, and the private weights "
            + "lived on the old parties; call tfe.launchLocal() before the first fit");
      }
      if (!fit.equals(setup.fit()) && (fit.batchSize() != setup.fit().batchSize()
          || !fit.optimizer().equals(setup.fit().optimizer()) || fit.loss() != setup.fit().loss())) {
        throw new IllegalArgumentException("a later fit must keep the batch size, optimiser and loss of the first ("
            + setup.fit() + "); start a new privateTraining for other options");
      }
      return setup;
    }
    Dataset first = owners.get(0).rows();
    int[] out = model.outputShape(first.exampleShape());
    int outputs = out[out.length - 1];
    Loss loss = fit.loss() != null ? fit.loss()
        : !first.isClassification() ? Loss.mse() : outputs == 1 ? Loss.binaryCrossEntropy() : Loss.crossEntropy();
    PrivateLoss pl = PrivateLoss.of(loss, model.layers(), protocol.fixedPoint().config(), outputs);
    PrivateSgd sgd = new PrivateSgd(fit.optimizer());
    PrivateNetwork net;
    PrivateVariable acc;
    Output lossOut;
    Output overflowOut;
    List<dev.tfe.graph.NodeRef> reset;
    try (Graph.Scope sc = tfe.graph().layerScope(id, "weights")) {
      net = new PrivateNetwork(tfe, protocol, id, model, pl.forwardLayers(), modelOwner, sgd.hasMomentum());
      Tensor zero = tfe.definePrivateInput(protocol, modelOwner, org.nd4j.linalg.factory.Nd4j.zeros(1));
      acc = new PrivateVariable(id + ".loss", zero);
      List<dev.tfe.graph.NodeRef> init = new ArrayList<>(net.initialisation());
      init.addAll(acc.write(protocol, zero));
      tfe.session().run(init, Map.of());
    }
    try (Graph.Scope sc = tfe.graph().layerScope(id, "epoch")) {
      Tensor a = acc.read(protocol);
      lossOut = tfe.defineOutput(protocol, modelOwner, a);
      reset = acc.write(protocol, protocol.sub(a, a));
      List<Tensor> weights = net.parameters().stream().map(v -> v.read(protocol)).toList();
      Tensor count = RangeCheck.countAbove(protocol, weights, overflowBound());
      overflowOut = tfe.defineOutput(protocol, modelOwner, Constants.scale(protocol, count, 1.0 / 1024));
    }
    setup = new Setup(fit, pl, sgd, net, acc, new HashMap<>(), lossOut, overflowOut, reset, tfe.runtime(), outputs);
    return setup;
  }

  private StepGraph stepGraph(Setup s, int batch, int[] example) {
    return s.steps().computeIfAbsent(batch, b -> new StepGraph(tfe, protocol, id + "/step" + b, s.net(), s.loss(), s.sgd(),
        s.accumulator(), owners.stream().map(DataOwner::party).toList(), b, example, s.outputs(), s.fit().batchSize()));
  }

  /** The graph of one training step at the first fit's batch size (after a fit), to draw. */
  public GraphView stepGraph() {
    requireFitted();
    int b = setup.fit().batchSize();
    return new GraphView(tfe.graph(), List.of(id, "step" + b), "one private SGD step (" + protocol.name() + ", batch " + b + ")");
  }

  /** The profile of the last training step run (bytes, rounds, time per op). */
  public Profile lastStepProfile() {
    requireFitted();
    return lastStepProfile;
  }

  /** The wall-clock seconds of the last training step run. */
  public double lastStepSeconds() {
    return lastStepSeconds;
  }

  /** The wall-clock seconds of every training step run so far, in order (the first includes planning). */
  public List<Double> stepSeconds() {
    return List.copyOf(stepSeconds);
  }

  /** The bound on the private softmax's error, or 0 when the loss uses none. */
  public double softmaxErrorBound() {
    requireFitted();
    return setup.loss().softmaxBound();
  }

  private void requireFitted() {
    if (setup == null) {
      throw new IllegalStateException("nothing trained yet; call fit first");
    }
  }

  /**
   * Predicts privately with the private trained weights (never revealed): {@code client} shares
   * {@code x}; the outputs (logits, or the sigmoid's probabilities) are revealed to it alone.
   */
  public org.nd4j.linalg.api.ndarray.INDArray predict(Party client, org.nd4j.linalg.api.ndarray.INDArray x) {
    requireFitted();
    tfe.requireParty(client.name());
    int[] shape = Arrays.stream(x.shape()).mapToInt(Math::toIntExact).toArray();
    String key = id + ".predict." + client.name() + "." + Arrays.toString(shape);
    Output out = predictions.computeIfAbsent(key, k -> {
      try (Graph.Scope sc = tfe.graph().layerScope(id, "predict")) {
        Tensor h = tfe.definePrivateInput(protocol, client, k, shape);
        for (TrainableStep st : setup.net().steps()) {
          h = st.forward(protocol, h, false);
        }
        return tfe.defineOutput(protocol, client, h);
      }
    });
    return tfe.run(Map.of(client, Map.of(key, x)), out).get(out);
  }

  /**
   * Reveals the trained weights to the model owner alone: a copy of the model with them (the
   * model given to {@code privateTraining} is left as it was).
   */
  public Sequential revealWeights() {
    requireFitted();
    List<Output> outs = new ArrayList<>();
    for (PrivateVariable v : setup.net().parameters()) {
      outs.add(tfe.defineOutput(protocol, modelOwner, v.read(protocol)));
    }
    RunResult r = tfe.run(outs.toArray(new Output[0]));
    Sequential copy = Copies.of(model);
    int i = 0;
    for (var layer : copy.layers()) {
      if (layer instanceof dev.tfe.model.layers.Dense d) {
        d.parameters().get(0).set(r.get(outs.get(i++)).reshape(d.weights().shape()));
        d.parameters().get(1).set(r.get(outs.get(i++)).reshape(d.bias().shape()));
      }
    }
    return copy;
  }

  @Override
  public String toString() {
    return "PrivateTraining " + id + " (" + protocol.name() + "): model owned by " + modelOwner + ", data owners " + owners;
  }
}
