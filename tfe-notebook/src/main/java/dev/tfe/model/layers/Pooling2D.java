package dev.tfe.model.layers;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What max and average pooling share: a {@code poolH x poolW} window moving with strides over
 * each channel of NHWC images independently, with {@link Padding} as in TensorFlow (padding
 * cells never take part in a max or an average).
 */
public abstract sealed class Pooling2D implements Layer permits MaxPooling2D, AveragePooling2D {
  private final int poolH;
  private final int poolW;
  private final int strideH;
  private final int strideW;
  private final Padding padding;
  /** Geometry and batch size of the last forward pass. */
  ConvGeometry lastGeometry;
  int lastBatch;

  Pooling2D(int poolH, int poolW, int strideH, int strideW, Padding padding) {
    if (poolH <= 0 || poolW <= 0 || strideH <= 0 || strideW <= 0) {
      throw new IllegalArgumentException(getClass().getSimpleName() + " needs positive sizes, got window "
          + poolH + "x" + poolW + ", strides " + strideH + "x" + strideW);
    }
    this.poolH = poolH;
    this.poolW = poolW;
    this.strideH = strideH;
    this.strideW = strideW;
    this.padding = padding;
  }

  public int poolH() {
    return poolH;
  }

  public int poolW() {
    return poolW;
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

  /** The window geometry for an input of {@code h x w x channels}. */
  public ConvGeometry geometry(int h, int w, int channels) {
    return ConvGeometry.of(h, w, channels, poolH, poolW, strideH, strideW, padding);
  }

  @Override
  public LayerConfig config() {
    return LayerConfig.empty().with("pool", new int[] {poolH, poolW}).with("strides", new int[] {strideH, strideW})
        .with("padding", padding.name());
  }

  @Override
  public int[] expectedInputShape() {
    return new int[] {-1, -1, -1};
  }

  @Override
  public int[] outputShape(int[] s) {
    if (s.length != 3) {
      throw NdArrays.mismatch(this, "[N, H, W, C] (NHWC)", s);
    }
    try {
      return new int[] {padding.outputSize(s[0], poolH, strideH), padding.outputSize(s[1], poolW, strideW), s[2]};
    } catch (IllegalArgumentException e) {
      throw NdArrays.mismatch(this, "at least " + poolH + "x" + poolW + " pixels for VALID padding", s);
    }
  }

  @Override
  public INDArray forward(INDArray input, boolean training) {
    INDArray x = NdArrays.toDoubleC(input);
    outputShape(NdArrays.exampleShape(x));
    int n = (int) x.size(0);
    ConvGeometry g = geometry((int) x.size(1), (int) x.size(2), (int) x.size(3));
    lastGeometry = g;
    lastBatch = n;
    double[] out = pool(g, NdArrays.toDoubles(x), n);
    return Nd4j.create(out, new long[] {n, g.outH, g.outW, g.channels}, DataType.DOUBLE);
  }

  @Override
  public INDArray backward(INDArray gradOutput) {
    if (lastGeometry == null) {
      throw new IllegalStateException(this + ": backward called before forward");
    }
    ConvGeometry g = lastGeometry;
    double[] dx = unpool(g, NdArrays.toDoubles(gradOutput), lastBatch);
    return Nd4j.create(dx, new long[] {lastBatch, g.inH, g.inW, g.channels}, DataType.DOUBLE);
  }

  /** Pools row-major NHWC {@code x} into row-major {@code [n, outH, outW, C]}, caching what {@link #unpool} needs. */
  abstract double[] pool(ConvGeometry g, double[] x, int n);

  /** Gradient with respect to the input, from the gradient {@code [n, outH, outW, C]} of the output. */
  abstract double[] unpool(ConvGeometry g, double[] grad, int n);

  /** First input row of the window at output row {@code oy} (may be negative: padding). */
  static int firstRow(ConvGeometry g, int oy) {
    return oy * g.strideH - g.padTop;
  }

  /** First input column of the window at output column {@code ox} (may be negative: padding). */
  static int firstCol(ConvGeometry g, int ox) {
    return ox * g.strideW - g.padLeft;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "(" + poolH + "x" + poolW + ", strides " + strideH + "x" + strideW + ", "
        + padding + ")";
  }
}
