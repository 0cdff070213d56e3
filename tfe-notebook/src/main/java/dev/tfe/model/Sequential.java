package dev.tfe.model;

import dev.tfe.data.Dataset;
import dev.tfe.model.io.WeightsFile;
import dev.tfe.model.layers.Layer;
import dev.tfe.model.layers.NdArrays;
import dev.tfe.model.layers.Parameter;
import dev.tfe.model.layers.ShapeMismatchException;
import dev.tfe.model.layers.Softmax;
import dev.tfe.model.train.CrossEntropy;
import dev.tfe.model.train.Loss;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A stack of layers applied in order, trained in plaintext with ND4J:
 *
 * <pre>{@code
 * var model = Sequential.of(dense(784, 128), relu(), dense(128, 128), relu(), dense(128, 10));
 * var history = model.fit(mnist.train(), Fit.epochs(5).batchSize(64).adam(1e-3));
 * model.evaluate(mnist.test());          // accuracy and loss
 * model.predict(x);                      // outputs (logits, or probabilities after a softmax())
 * }</pre>
 *
 * <p>Building a model checks what it can of the shapes (each layer against the output of the one
 * before) and draws every layer's weights that were not given, from seed 0 unless
 * {@link #initialize(long)} is called: the same code gives the same model. Training is
 * mini-batch backpropagation through each layer's own backward pass (Rumelhart, Hinton and
 * Williams, "Learning representations by back-propagating errors", Nature 1986). With
 * cross-entropy, a final {@link Softmax} is fused with the loss: it is skipped during training
 * and the loss is computed on the logits before it.
 *
 * <p>The layers, their configurations and parameters are open ({@link #layers()}) for the private
 * prediction wrapper. A model is not thread-safe: layers cache their last forward pass.
 */
public final class Sequential {
  /** Inference processes at most this many examples at once, to bound memory. */
  static final int INFERENCE_BATCH = 256;

  private final List<Layer> layers;

  private Sequential(List<Layer> layers) {
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("a Sequential model needs at least one layer");
    }
    this.layers = List.copyOf(layers);
    checkShapes();
  }

  /** A model of these layers; weights not given are drawn from seed 0. */
  public static Sequential of(Layer... layers) {
    return of(Arrays.asList(layers));
  }

  /** A model of these layers; weights not given are drawn from seed 0. */
  public static Sequential of(List<? extends Layer> layers) {
    Sequential model = new Sequential(new ArrayList<>(layers));
    SplittableRandom rng = new SplittableRandom(0);
    for (Layer layer : model.layers) {
      SplittableRandom layerRng = rng.split();
      if (!layer.isInitialized()) {
        layer.initialize(layerRng);
      }
    }
    return model;
  }

  /** Redraws every layer's weights (and resets batch-normalisation state) from {@code seed}; returns this model. */
  public Sequential initialize(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    for (Layer layer : layers) {
      layer.initialize(rng.split());
    }
    return this;
  }

  /** Reads a model saved by {@link #save}: architecture and weights (format: {@link WeightsFile}). */
  public static Sequential load(Path file) throws IOException {
    return new Sequential(WeightsFile.read(file));
  }

  /** Saves the architecture and all parameters to one file (format: {@link WeightsFile}). */
  public void save(Path file) throws IOException {
    WeightsFile.write(layers, file);
  }

  /** The layers, in order (unmodifiable; the layers themselves are live). */
  public List<Layer> layers() {
    return layers;
  }

  /** Layer {@code i} (from 0). */
  public Layer layer(int i) {
    return layers.get(i);
  }

  /** The number of layers. */
  public int size() {
    return layers.size();
  }

  /** Every layer's parameters, in layer order. */
  public List<Parameter> parameters() {
    List<Parameter> all = new ArrayList<>();
    layers.forEach(l -> all.addAll(l.parameters()));
    return all;
  }

  /** The number of scalar parameters (trainable weights and state). */
  public long parameterCount() {
    return layers.stream().mapToLong(Layer::parameterCount).sum();
  }

  /**
   * The per-example output shape for a per-example input shape, for example
   * {@code outputShape(28, 28, 1)}.
   *
   * @throws ShapeMismatchException naming the first layer that does not fit
   */
  public int[] outputShape(int... inputShape) {
    int[] shape = inputShape.clone();
    for (int i = 0; i < layers.size(); i++) {
      shape = layerOutputShape(i, shape);
    }
    return shape;
  }

  /** The outputs for a batch {@code x} in inference mode: logits, or probabilities if the model ends in softmax. */
  public INDArray predict(INDArray x) {
    return inBatches(x, layers.size());
  }

  /** The most likely class of each example: the arg-max output (for a single output, 1 when above 0.5). */
  public int[] predictClasses(INDArray x) {
    return classesOf(predict(x));
  }

  /**
   * The logits for a batch {@code x}: the outputs before a final Softmax, or {@link #predict} when
   * the model does not end in one.
   */
  public INDArray logits(INDArray x) {
    boolean softmax = !layers.isEmpty() && layers.get(layers.size() - 1) instanceof dev.tfe.model.layers.Softmax;
    return inBatches(x, softmax ? layers.size() - 1 : layers.size());
  }

  /** The class of each row of a model's outputs [N, K]: arg-max, or for a single output 1 when above 0.5. */
  public static int[] classesOf(INDArray outputs) {
    return Metrics.classes(outputs);
  }

  /** Trains on {@code data} with default options (see {@link Fit}). */
  public TrainingHistory fit(Dataset data) {
    return fit(data, Fit.defaults());
  }

  /** Trains on {@code data} with mini-batch gradient descent and returns the history of each epoch. */
  public TrainingHistory fit(Dataset data, Fit options) {
    return new TrainingLoop(this, options).run(data);
  }

  /** Loss and (for classification) accuracy on {@code data} in inference mode, with the default loss of the data. */
  public Evaluation evaluate(Dataset data) {
    return evaluate(data, defaultLoss(data));
  }

  /** Loss and (for classification) accuracy on {@code data} in inference mode. */
  public Evaluation evaluate(Dataset data, Loss loss) {
    if (data.size() == 0) {
      throw new IllegalArgumentException("cannot evaluate on an empty data set");
    }
    checkLabels(data);
    int end = trainingEnd(loss);
    double lossSum = 0;
    int correct = 0;
    for (int from = 0; from < data.size(); from += INFERENCE_BATCH) {
      int to = Math.min(from + INFERENCE_BATCH, data.size());
      INDArray out = forward(data.features(from, to), false, end);
      INDArray labels = data.labels(from, to);
      lossSum += loss.value(out, labels) * (to - from);
      if (data.isClassification()) {
        correct += Metrics.correct(out, labels);
      }
    }
    double accuracy = data.isClassification() ? (double) correct / data.size() : Double.NaN;
    return new Evaluation(lossSum / data.size(), accuracy, correct, data.size(), loss.name());
  }

  /** A table of the layers with their output shapes (when known) and parameter counts. */
  public String summary() {
    StringBuilder b = new StringBuilder(String.format("%-4s %-48s %-20s %10s%n", "#", "layer", "output", "params"));
    int[] shape = null;
    for (int i = 0; i < layers.size(); i++) {
      Layer l = layers.get(i);
      if (shape == null) {
        shape = l.expectedInputShape();
      }
      shape = shape == null ? null : l.outputShape(shape);
      b.append(String.format("%-4d %-48s %-20s %10d%n", i + 1, l, shape == null ? "?" : NdArrays.batchShape(shape),
          l.parameterCount()));
    }
    return b.append(String.format("total parameters: %d%n", parameterCount())).toString();
  }

  @Override
  public String toString() {
    return "Sequential" + layers;
  }

  // ---- mechanics shared with TrainingLoop ----

  /**
   * Cross-entropy for classification (binary cross-entropy when the model has one output
   * column, where softmax cross-entropy would always be 0), else mean squared error.
   */
  Loss defaultLoss(Dataset data) {
    if (!data.isClassification()) {
      return Loss.mse();
    }
    int[] out = outputShape(data.exampleShape());
    return out.length == 1 && out[0] == 1 ? Loss.binaryCrossEntropy() : Loss.crossEntropy();
  }

  /** The number of leading layers that training and evaluation run: all, or all but a final softmax fused with cross-entropy. */
  int trainingEnd(Loss loss) {
    boolean fused = loss instanceof CrossEntropy && layers.get(layers.size() - 1) instanceof Softmax;
    return fused ? layers.size() - 1 : layers.size();
  }

  /** Runs layers {@code 0 .. end-1} on {@code x}. */
  INDArray forward(INDArray x, boolean training, int end) {
    INDArray h = NdArrays.toDoubleC(x);
    for (int i = 0; i < end; i++) {
      try {
        h = layers.get(i).forward(h, training);
      } catch (ShapeMismatchException e) {
        throw located(i, e);
      }
    }
    return h;
  }

  /** Backpropagates {@code grad}, the gradient with respect to the output of layer {@code end-1}, down to the input. */
  void backward(INDArray grad, int end) {
    INDArray g = grad;
    for (int i = end - 1; i > 0; i--) {
      g = layers.get(i).backward(g);
    }
    layers.get(0).backwardParameters(g);
  }

  /** Checks that the model's output can take the data set's labels. */
  void checkLabels(Dataset data) {
    int[] out;
    try {
      out = outputShape(data.exampleShape());
    } catch (ShapeMismatchException e) {
      throw new ShapeMismatchException("the data set's examples " + NdArrays.batchShape(data.exampleShape())
          + " do not fit this model: " + e.getMessage(), e);
    }
    if (data.isClassification() && out.length == 1 && out[0] == 1 && data.numClasses() > 2) {
      throw new ShapeMismatchException("the model has one output, which can separate two classes, but the data set has "
          + data.numClasses() + " classes; give the model one output per class and a final softmax");
    }
    if (data.isClassification() && out.length == 1 && out[0] > 1 && data.numClasses() > out[0]) {
      throw new ShapeMismatchException("the model outputs " + out[0] + " values per example but the data set has "
          + data.numClasses() + " classes");
    }
  }

  private INDArray inBatches(INDArray x, int end) {
    if (x.rank() < 1 || x.size(0) <= INFERENCE_BATCH) {
      return forward(x, false, end);
    }
    List<INDArray> parts = new ArrayList<>();
    INDArray flat = x.reshape('c', x.size(0), x.length() / x.size(0));
    long[] shape = x.shape().clone();
    for (long from = 0; from < x.size(0); from += INFERENCE_BATCH) {
      long to = Math.min(from + INFERENCE_BATCH, x.size(0));
      shape[0] = to - from;
      INDArray rows = flat.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to),
          org.nd4j.linalg.indexing.NDArrayIndex.all()).dup('c').reshape('c', shape);
      parts.add(forward(rows, false, end));
    }
    return Nd4j.concat(0, parts.toArray(new INDArray[0]));
  }

  private int[] layerOutputShape(int i, int[] shape) {
    try {
      return layers.get(i).outputShape(shape);
    } catch (ShapeMismatchException e) {
      throw located(i, e);
    }
  }

  private ShapeMismatchException located(int i, ShapeMismatchException e) {
    return new ShapeMismatchException("layer " + (i + 1) + " of " + layers.size() + ", " + e.getMessage(), e);
  }

  /** Checks each layer against the previous layer's output, as far as shapes are known without data. */
  private void checkShapes() {
    int[] shape = null;
    for (int i = 0; i < layers.size(); i++) {
      if (shape == null) {
        shape = layers.get(i).expectedInputShape();
      }
      if (shape != null) {
        shape = layerOutputShape(i, shape);
      }
    }
  }
}
