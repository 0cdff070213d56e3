package dev.tfe.model;

import dev.tfe.data.Dataset;
import dev.tfe.model.train.Loss;
import dev.tfe.model.train.Optimizer;
import dev.tfe.progress.Progress;
import dev.tfe.progress.ProgressTask;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Mini-batch training of a {@link Sequential}: each epoch shuffles the examples (Fisher-Yates
 * from the seed of the {@link Fit}), then for every batch runs forward in training mode, takes the
 * loss gradient, backpropagates it through the layers and lets the optimiser step. Each epoch's
 * loss goes to the {@link Progress} reporter (a live loss curve in a notebook).
 *
 * <p>Each step runs inside an ND4J memory workspace, so the temporaries of one step reuse the
 * off-heap memory of the previous one instead of waiting for the garbage collector (without it,
 * off-heap memory grows by gigabytes over a few epochs). Nothing allocated in a step outlives it:
 * parameters and gradients are written in place, optimiser state is on the Java heap.
 */
final class TrainingLoop {
  private static final String WORKSPACE = "tfe-training-step";
  private static final WorkspaceConfiguration STEP_MEMORY = WorkspaceConfiguration.builder()
      .initialSize(0)
      .overallocationLimit(0.05)
      .policyAllocation(AllocationPolicy.OVERALLOCATE)
      .policyLearning(LearningPolicy.FIRST_LOOP)
      .policySpill(SpillPolicy.REALLOCATE)
      .build();
  private final Sequential model;
  private final Fit fit;

  TrainingLoop(Sequential model, Fit fit) {
    this.model = model;
    this.fit = fit;
  }

  TrainingHistory run(Dataset data) {
    if (data.size() == 0) {
      throw new IllegalArgumentException("cannot train on an empty data set");
    }
    model.checkLabels(data);
    if (fit.validation() != null) {
      model.checkLabels(fit.validation());
    }
    Loss loss = fit.loss() != null ? fit.loss() : model.defaultLoss(data);
    int end = model.trainingEnd(loss);
    Optimizer.Updater updater = fit.optimizer().start(model.parameters());
    SplittableRandom rng = new SplittableRandom(fit.seed());
    TrainingHistory history = new TrainingHistory(fit.toString().replace("loss=auto", "loss=" + loss.name()));
    int n = data.size();
    ProgressTask progress = Progress.start("training", fit.epochs(), "epochs");
    for (int epoch = 1; epoch <= fit.epochs(); epoch++) {
      long start = System.nanoTime();
      int[] order = fit.shuffle() ? Dataset.permutation(n, rng) : identity(n);
      double lossSum = 0;
      double learningRate = fit.learningRate(epoch);
      int correct = 0;
      for (int from = 0; from < n; from += fit.batchSize()) {
        int to = Math.min(from + fit.batchSize(), n);
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(STEP_MEMORY, WORKSPACE)) {
          Dataset batch = data.subset(java.util.Arrays.copyOfRange(order, from, to));
          INDArray labels = batch.labels();
          INDArray out = model.forward(batch.features(), true, end);
          double value = loss.value(out, labels);
          if (!Double.isFinite(value)) {
            throw new ArithmeticException("the loss became " + value + " in epoch " + epoch + " at example " + from
                + "; lower the learning rate (" + fit.optimizer() + ")");
          }
          lossSum += value * (to - from);
          if (data.isClassification()) {
            correct += Metrics.correct(out, labels);
          }
          model.backward(loss.gradient(out, labels), end);
          updater.step(learningRate);
        }
      }
      double validationLoss = Double.NaN;
      double validationAccuracy = Double.NaN;
      if (fit.validation() != null) {
        Evaluation v = model.evaluate(fit.validation(), loss);
        validationLoss = v.loss();
        validationAccuracy = v.accuracy();
      }
      TrainingHistory.Epoch e = new TrainingHistory.Epoch(epoch, lossSum / n,
          data.isClassification() ? (double) correct / n : Double.NaN, validationLoss, validationAccuracy,
          (System.nanoTime() - start) / 1e9);
      history.add(e);
      progress.loss("epoch", epoch, e.loss());
      progress.advance();
      if (fit.isVerbose()) {
        System.out.println(TrainingHistory.format(e));
      }
      if (fit.listener() != null) {
        fit.listener().accept(e);
      }
    }
    progress.close();
    return history;
  }

  private static int[] identity(int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    return p;
  }
}
