package dev.tfe.model.layers;

import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A fully connected layer: {@code y = x W + b} for a batch {@code x} of shape {@code [N, in]},
 * weights {@code W} of shape {@code [in, out]} and bias {@code b} of shape {@code [out]}
 * (the layout of Keras's and tf-encrypted's {@code Dense}).
 *
 * <p>Backward: {@code dW = x^T g}, {@code db = sum over the batch of g}, {@code dx = g W^T}.
 * Weights are drawn with {@link Initializer#HE_UNIFORM} unless another initializer is given; the
 * bias starts at zero.
 */
public final class Dense implements Layer {
  private final int in;
  private final int out;
  private final Initializer initializer;
  private final Parameter weights;
  private final Parameter bias;
  private INDArray lastInput;

  /** A layer from {@code in} to {@code out} features, weights not drawn yet (a model draws them). */
  public Dense(int in, int out, Initializer initializer) {
    if (in <= 0 || out <= 0) {
      throw new IllegalArgumentException("Dense needs positive sizes, got in=" + in + ", out=" + out);
    }
    this.in = in;
    this.out = out;
    this.initializer = initializer;
    this.weights = Parameter.trainable("weights", Nd4j.zeros(DataType.DOUBLE, in, out));
    this.bias = Parameter.trainable("bias", Nd4j.zeros(DataType.DOUBLE, out));
  }

  /** A layer with the given weights {@code [in, out]} and bias {@code [out]} (copied). */
  public static Dense withWeights(INDArray weights, INDArray bias) {
    if (weights.rank() != 2 || bias.rank() != 1 || bias.length() != weights.size(1)) {
      throw new ShapeMismatchException("Dense weights must be [in, out] and bias [out], got "
          + java.util.Arrays.toString(weights.shape()) + " and " + java.util.Arrays.toString(bias.shape()));
    }
    Dense d = new Dense((int) weights.size(0), (int) weights.size(1), Initializer.HE_UNIFORM);
    d.weights.set(weights);
    d.bias.set(bias);
    return d;
  }

  /** Rebuilds a layer from its {@link #config()}. */
  public static Dense fromConfig(LayerConfig c) {
    return new Dense(c.getInt("in"), c.getInt("out"), Initializer.parse(c.getString("initializer")));
  }

  public int inputSize() {
    return in;
  }

  public int outputSize() {
    return out;
  }

  public Initializer initializer() {
    return initializer;
  }

  /** The weight matrix {@code [in, out]} (live). */
  public INDArray weights() {
    return weights.value();
  }

  /** The bias vector {@code [out]} (live). */
  public INDArray bias() {
    return bias.value();
  }

  @Override
  public String type() {
    return "dense";
  }

  @Override
  public LayerConfig config() {
    return LayerConfig.empty().with("in", in).with("out", out).with("initializer", initializer.name());
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(weights, bias);
  }

  @Override
  public int[] expectedInputShape() {
    return new int[] {in};
  }

  @Override
  public int[] outputShape(int[] inputShape) {
    if (inputShape.length != 1 || (inputShape[0] >= 0 && inputShape[0] != in)) {
      throw NdArrays.mismatch(this, NdArrays.batchShape(new int[] {in})
          + (inputShape.length != 1 ? " (add a flatten() layer before it)" : ""), inputShape);
    }
    return new int[] {out};
  }

  @Override
  public boolean isInitialized() {
    return weights.isAssigned();
  }

  @Override
  public void initialize(SplittableRandom rng) {
    weights.set(initializer.sample(rng, in, out, in, out));
    bias.set(bias.value().mul(0));
  }

  @Override
  public INDArray forward(INDArray input, boolean training) {
    INDArray x = NdArrays.toDoubleC(input);
    outputShape(NdArrays.exampleShape(x));
    if (!isInitialized()) {
      initialize(new SplittableRandom(0));
    }
    lastInput = x;
    return x.mmul(weights.value()).addiRowVector(bias.value());
  }

  @Override
  public INDArray backward(INDArray gradOutput) {
    INDArray g = parameterGradients(gradOutput);
    return g.mmul(weights.value().transpose());
  }

  @Override
  public void backwardParameters(INDArray gradOutput) {
    parameterGradients(gradOutput);
  }

  private INDArray parameterGradients(INDArray gradOutput) {
    if (lastInput == null) {
      throw new IllegalStateException(this + ": backward called before forward");
    }
    INDArray g = NdArrays.toDoubleC(gradOutput);
    lastInput.transpose().mmuli(g, weights.gradient());
    bias.gradient().assign(g.sum(0));
    return g;
  }

  @Override
  public String toString() {
    return "Dense(" + in + " -> " + out + ")";
  }
}
