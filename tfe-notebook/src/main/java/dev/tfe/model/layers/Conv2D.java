package dev.tfe.model.layers;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A 2-D convolution (cross-correlation, as in every deep-learning library) over NHWC images:
 * input {@code [N, H, W, Cin]}, kernel {@code [kh, kw, Cin, Cout]}, bias {@code [Cout]}, output
 * {@code [N, H', W', Cout]}, any kernel size and strides, with TensorFlow's {@code SAME} or
 * {@code VALID} padding ({@link Padding}):
 * {@code y[n, oy, ox, co] = b[co] + sum_{i, j, ci} x[n, oy*sh - pt + i, ox*sw - pl + j, ci] * k[i, j, ci, co]}.
 *
 * <p>Computed as im2col followed by one matrix product ({@link ConvGeometry}), the same lowering
 * tf-encrypted's Pond uses for private convolutions. Backward:
 * {@code dK = cols^T g}, {@code db = sum of g}, {@code dx = col2im(g K^T)}.
 */
public final class Conv2D implements Layer {
  private final int kernelH;
  private final int kernelW;
  private final int inChannels;
  private final int filters;
  private final int strideH;
  private final int strideW;
  private final Padding padding;
  private final Initializer initializer;
  private final Parameter kernel;
  private final Parameter bias;
  private ConvGeometry lastGeometry;
  private INDArray lastCols;
  private int lastBatch;

  /**
   * A convolution from {@code inChannels} to {@code filters} channels with a
   * {@code kernelH x kernelW} window and these strides; weights not drawn yet (a model draws them).
   */
  public Conv2D(int inChannels, int filters, int kernelH, int kernelW, int strideH, int strideW, Padding padding,
      Initializer initializer) {
    if (inChannels <= 0 || filters <= 0 || kernelH <= 0 || kernelW <= 0 || strideH <= 0 || strideW <= 0) {
      throw new IllegalArgumentException("Conv2D needs positive sizes, got inChannels=" + inChannels + ", filters="
          + filters + ", kernel=" + kernelH + "x" + kernelW + ", strides=" + strideH + "x" + strideW);
    }
    this.kernelH = kernelH;
    this.kernelW = kernelW;
    this.inChannels = inChannels;
    this.filters = filters;
    this.strideH = strideH;
    this.strideW = strideW;
    this.padding = padding;
    this.initializer = initializer;
    this.kernel = Parameter.trainable("kernel", Nd4j.zeros(DataType.DOUBLE, kernelH, kernelW, inChannels, filters));
    this.bias = Parameter.trainable("bias", Nd4j.zeros(DataType.DOUBLE, filters));
  }

  /** A convolution with the given kernel {@code [kh, kw, Cin, Cout]} and bias {@code [Cout]} (copied). */
  public static Conv2D withWeights(INDArray kernel, INDArray bias, int strideH, int strideW, Padding padding) {
    if (kernel.rank() != 4 || bias.rank() != 1 || bias.length() != kernel.size(3)) {
      throw new ShapeMismatchException("Conv2D kernel must be [kh, kw, Cin, Cout] and bias [Cout], got "
          + Arrays.toString(kernel.shape()) + " and " + Arrays.toString(bias.shape()));
    }
    Conv2D c = new Conv2D((int) kernel.size(2), (int) kernel.size(3), (int) kernel.size(0), (int) kernel.size(1),
        strideH, strideW, padding, Initializer.HE_UNIFORM);
    c.kernel.set(kernel);
    c.bias.set(bias);
    return c;
  }

  /** Rebuilds a layer from its {@link #config()}. */
  public static Conv2D fromConfig(LayerConfig c) {
    int[] k = c.getIntArray("kernel");
    int[] s = c.getIntArray("strides");
    return new Conv2D(c.getInt("inChannels"), c.getInt("filters"), k[0], k[1], s[0], s[1],
        Padding.parse(c.getString("padding")), Initializer.parse(c.getString("initializer")));
  }

  public int kernelH() {
    return kernelH;
  }

  public int kernelW() {
    return kernelW;
  }

  public int inChannels() {
    return inChannels;
  }

  public int filters() {
    return filters;
  }

  public int strideH() {
    return strideH;
  }

  public int strideW() {
    return strideW;
  }

  public Padding padding() {
    return padding;
  }

  public Initializer initializer() {
    return initializer;
  }

  /** The kernel {@code [kh, kw, Cin, Cout]} (live). */
  public INDArray kernel() {
    return kernel.value();
  }

  /** The bias {@code [Cout]} (live). */
  public INDArray bias() {
    return bias.value();
  }

  /** The window geometry for an input of {@code h x w} pixels. */
  public ConvGeometry geometry(int h, int w) {
    return ConvGeometry.of(h, w, inChannels, kernelH, kernelW, strideH, strideW, padding);
  }

  @Override
  public String type() {
    return "conv2d";
  }

  @Override
  public LayerConfig config() {
    return LayerConfig.empty().with("inChannels", inChannels).with("filters", filters)
        .with("kernel", new int[] {kernelH, kernelW}).with("strides", new int[] {strideH, strideW})
        .with("padding", padding.name()).with("initializer", initializer.name());
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(kernel, bias);
  }

  @Override
  public int[] expectedInputShape() {
    return new int[] {-1, -1, inChannels};
  }

  @Override
  public int[] outputShape(int[] s) {
    if (s.length != 3 || (s[2] >= 0 && s[2] != inChannels)) {
      throw NdArrays.mismatch(this, NdArrays.batchShape(new int[] {-1, -1, inChannels}) + " (NHWC)", s);
    }
    try {
      return new int[] {padding.outputSize(s[0], kernelH, strideH), padding.outputSize(s[1], kernelW, strideW),
          filters};
    } catch (IllegalArgumentException e) {
      throw NdArrays.mismatch(this, "at least " + kernelH + "x" + kernelW + " pixels for VALID padding", s);
    }
  }

  @Override
  public boolean isInitialized() {
    return kernel.isAssigned();
  }

  @Override
  public void initialize(SplittableRandom rng) {
    long fanIn = (long) kernelH * kernelW * inChannels;
    long fanOut = (long) kernelH * kernelW * filters;
    kernel.set(initializer.sample(rng, fanIn, fanOut, kernelH, kernelW, inChannels, filters));
    bias.set(bias.value().mul(0));
  }

  @Override
  public INDArray forward(INDArray input, boolean training) {
    INDArray x = NdArrays.toDoubleC(input);
    int[] out = outputShape(NdArrays.exampleShape(x));
    if (!isInitialized()) {
      initialize(new SplittableRandom(0));
    }
    int n = (int) x.size(0);
    ConvGeometry g = geometry((int) x.size(1), (int) x.size(2));
    INDArray cols = Nd4j.create(g.im2col(NdArrays.toDoubles(x), n), new long[] {(long) n * g.positions(), g.patchSize()},
        DataType.DOUBLE);
    lastGeometry = g;
    lastCols = cols;
    lastBatch = n;
    INDArray y = cols.mmul(kernelMatrix()).addiRowVector(bias.value());
    return y.reshape('c', n, out[0], out[1], filters);
  }

  private INDArray kernelMatrix() {
    return kernel.value().reshape('c', (long) kernelH * kernelW * inChannels, filters);
  }

  @Override
  public void backwardParameters(INDArray gradOutput) {
    parameterGradients(gradOutput);
  }

  private INDArray parameterGradients(INDArray gradOutput) {
    if (lastCols == null) {
      throw new IllegalStateException(this + ": backward called before forward");
    }
    INDArray grad = NdArrays.toDoubleC(gradOutput).reshape('c', (long) lastBatch * lastGeometry.positions(), filters);
    kernel.gradient().assign(lastCols.transpose().mmul(grad).reshape('c', kernelH, kernelW, inChannels, filters));
    bias.gradient().assign(grad.sum(0));
    return grad;
  }

  @Override
  public INDArray backward(INDArray gradOutput) {
    INDArray grad = parameterGradients(gradOutput);
    ConvGeometry g = lastGeometry;
    INDArray dcols = grad.mmul(kernelMatrix().transpose());
    double[] dx = g.col2im(NdArrays.toDoubles(dcols), lastBatch);
    return Nd4j.create(dx, new long[] {lastBatch, g.inH, g.inW, inChannels}, DataType.DOUBLE);
  }

  @Override
  public String toString() {
    return "Conv2D(" + inChannels + " -> " + filters + ", " + kernelH + "x" + kernelW + ", strides " + strideH + "x"
        + strideW + ", " + padding + ")";
  }
}
