package dev.tfe.model.layers;

import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Batch normalisation over the last axis (features of {@code [N, F]}, channels of NHWC images),
 * after Ioffe and Szegedy, "Batch Normalization: Accelerating Deep Network Training by Reducing
 * Internal Covariate Shift", ICML 2015: {@code y = gamma * (x - mean) / sqrt(var + epsilon) + beta}.
 *
 * <ul>
 *   <li>Training: {@code mean} and {@code var} are the statistics of the batch (the variance
 *       divided by the count {@code M} of values per channel), and the running statistics move
 *       towards them: {@code running = momentum * running + (1 - momentum) * batch}, the variance
 *       entering with Bessel's correction {@code M / (M - 1)} as in TensorFlow's fused kernel and
 *       PyTorch.</li>
 *   <li>Inference: {@code mean} and {@code var} are the running statistics, so the layer is the
 *       affine map {@code y = x * scale + shift} per channel ({@link #inferenceScale()},
 *       {@link #inferenceShift()}), which is what a private protocol evaluates.</li>
 * </ul>
 *
 * <p>Defaults follow Keras: momentum 0.99, epsilon 0.001; gamma starts at 1, beta at 0, the running
 * mean at 0 and the running variance at 1. Backward in training mode is the full derivative through
 * the batch statistics: {@code dx = (gamma / (M * sigma)) * (M g - sum g - xhat * sum(g * xhat))}.
 */
public final class BatchNormalization implements Layer {
  private final int features;
  private final double momentum;
  private final double epsilon;
  private final Parameter gamma;
  private final Parameter beta;
  private final Parameter runningMean;
  private final Parameter runningVariance;
  private boolean lastTraining;
  private long[] lastShape;
  private INDArray lastXhat;
  private INDArray lastInvStd;

  public BatchNormalization(int features, double momentum, double epsilon) {
    if (features <= 0 || !(momentum >= 0 && momentum < 1) || !(epsilon > 0)) {
      throw new IllegalArgumentException("BatchNormalization needs features > 0, 0 <= momentum < 1 and epsilon > 0, got "
          + features + ", " + momentum + ", " + epsilon);
    }
    this.features = features;
    this.momentum = momentum;
    this.epsilon = epsilon;
    this.gamma = Parameter.trainable("gamma", Nd4j.ones(DataType.DOUBLE, features));
    this.beta = Parameter.trainable("beta", Nd4j.zeros(DataType.DOUBLE, features));
    this.runningMean = Parameter.state("running_mean", Nd4j.zeros(DataType.DOUBLE, features));
    this.runningVariance = Parameter.state("running_variance", Nd4j.ones(DataType.DOUBLE, features));
  }

  /** Rebuilds a layer from its {@link #config()}. */
  public static BatchNormalization fromConfig(LayerConfig c) {
    return new BatchNormalization(c.getInt("features"), c.getDouble("momentum"), c.getDouble("epsilon"));
  }

  public int features() {
    return features;
  }

  public double momentum() {
    return momentum;
  }

  public double epsilon() {
    return epsilon;
  }

  public INDArray gamma() {
    return gamma.value();
  }

  public INDArray beta() {
    return beta.value();
  }

  public INDArray runningMean() {
    return runningMean.value();
  }

  public INDArray runningVariance() {
    return runningVariance.value();
  }

  /** The per-channel factor of the inference-mode affine map: {@code gamma / sqrt(runningVariance + epsilon)}. */
  public INDArray inferenceScale() {
    return gamma.value().div(Transforms.sqrt(runningVariance.value().add(epsilon), false));
  }

  /** The per-channel offset of the inference-mode affine map: {@code beta - runningMean * scale}. */
  public INDArray inferenceShift() {
    return beta.value().sub(runningMean.value().mul(inferenceScale()));
  }

  @Override
  public String type() {
    return "batch_norm";
  }

  @Override
  public LayerConfig config() {
    return LayerConfig.empty().with("features", features).with("momentum", momentum).with("epsilon", epsilon);
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(gamma, beta, runningMean, runningVariance);
  }

  @Override
  public int[] outputShape(int[] s) {
    if (s.length == 0 || (s[s.length - 1] >= 0 && s[s.length - 1] != features)) {
      throw NdArrays.mismatch(this, "[N, ..., " + features + "] (features or channels last)", s);
    }
    return s.clone();
  }

  /** Resets gamma, beta and the running statistics to their starting values. */
  @Override
  public void initialize(SplittableRandom rng) {
    gamma.value().assign(1);
    beta.value().assign(0);
    runningMean.value().assign(0);
    runningVariance.value().assign(1);
  }

  @Override
  public INDArray forward(INDArray input, boolean training) {
    INDArray x = NdArrays.toDoubleC(input);
    outputShape(NdArrays.exampleShape(x));
    lastShape = x.shape();
    lastTraining = training;
    INDArray rows = x.reshape('c', x.length() / features, features);
    long m = rows.size(0);
    INDArray mean;
    INDArray variance;
    if (training) {
      if (m < 2) {
        throw new ShapeMismatchException(this + ": training needs at least 2 values per channel, got " + m
            + " (use a larger batch)");
      }
      mean = rows.mean(0);
      INDArray centered = rows.subRowVector(mean);
      variance = centered.mul(centered).mean(0);
      runningMean.value().muli(momentum).addi(mean.mul(1 - momentum));
      runningVariance.value().muli(momentum).addi(variance.mul((1 - momentum) * m / (m - 1.0)));
    } else {
      mean = runningMean.value();
      variance = runningVariance.value();
    }
    INDArray invStd = Transforms.pow(variance.add(epsilon), -0.5, false);
    INDArray xhat = rows.subRowVector(mean).muliRowVector(invStd);
    lastXhat = xhat;
    lastInvStd = invStd;
    return xhat.mulRowVector(gamma.value()).addiRowVector(beta.value()).reshape('c', lastShape);
  }

  @Override
  public INDArray backward(INDArray gradOutput) {
    if (lastXhat == null) {
      throw new IllegalStateException(this + ": backward called before forward");
    }
    INDArray g = NdArrays.toDoubleC(gradOutput).reshape('c', lastXhat.size(0), features);
    long m = g.size(0);
    gamma.gradient().assign(g.mul(lastXhat).sum(0));
    beta.gradient().assign(g.sum(0));
    INDArray scale = lastInvStd.mul(gamma.value());
    if (!lastTraining) {
      return g.mulRowVector(scale).reshape('c', lastShape);
    }
    INDArray sumG = g.sum(0);
    INDArray sumGx = g.mul(lastXhat).sum(0);
    INDArray dx = g.mul(m).subiRowVector(sumG).subi(lastXhat.mulRowVector(sumGx));
    return dx.muliRowVector(scale.div(m)).reshape('c', lastShape);
  }

  @Override
  public String toString() {
    return "BatchNormalization(" + features + ")";
  }
}
