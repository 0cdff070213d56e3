package dev.tfe.model;

import dev.tfe.model.layers.AveragePooling2D;
import dev.tfe.model.layers.BatchNormalization;
import dev.tfe.model.layers.Conv2D;
import dev.tfe.model.layers.Dense;
import dev.tfe.model.layers.Flatten;
import dev.tfe.model.layers.GlobalAveragePooling2D;
import dev.tfe.model.layers.Initializer;
import dev.tfe.model.layers.MaxPooling2D;
import dev.tfe.model.layers.Padding;
import dev.tfe.model.layers.ReLU;
import dev.tfe.model.layers.Reshape;
import dev.tfe.model.layers.Sigmoid;
import dev.tfe.model.layers.Tanh;
import dev.tfe.model.layers.Softmax;

/**
 * Static factories of layers, to import statically and write models the way Keras users do:
 * {@code Sequential.of(dense(784, 128), relu(), dense(128, 10))}. Defaults follow Keras: stride 1
 * and {@code VALID} padding for convolutions, stride equal to the window for pooling.
 */
public final class Layers {
  private Layers() {}

  /** A fully connected layer from {@code in} to {@code out} features (He-uniform weights, zero bias). */
  public static Dense dense(int in, int out) {
    return new Dense(in, out, Initializer.HE_UNIFORM);
  }

  /** A fully connected layer with the given weight initialisation. */
  public static Dense dense(int in, int out, Initializer initializer) {
    return new Dense(in, out, initializer);
  }

  public static ReLU relu() {
    return new ReLU();
  }

  /** The logistic function; private (SecureNN) within 3e-4 over every fixed-point input. */
  public static Sigmoid sigmoid() {
    return new Sigmoid();
  }

  /** The hyperbolic tangent; private (SecureNN) within 4e-4 over every fixed-point input. */
  public static Tanh tanh() {
    return new Tanh();
  }

  /** Softmax over the last axis; as the final layer, it fuses with cross-entropy during training. */
  public static Softmax softmax() {
    return new Softmax();
  }

  /** A square {@code kernel x kernel} convolution, stride 1, {@code VALID} padding. */
  public static Conv2D conv2d(int inChannels, int filters, int kernel) {
    return conv2d(inChannels, filters, kernel, 1, Padding.VALID);
  }

  /** A square {@code kernel x kernel} convolution with equal strides. */
  public static Conv2D conv2d(int inChannels, int filters, int kernel, int stride, Padding padding) {
    return conv2d(inChannels, filters, kernel, kernel, stride, stride, padding);
  }

  /** A {@code kernelH x kernelW} convolution with the given strides and padding. */
  public static Conv2D conv2d(int inChannels, int filters, int kernelH, int kernelW, int strideH, int strideW,
      Padding padding) {
    return new Conv2D(inChannels, filters, kernelH, kernelW, strideH, strideW, padding, Initializer.HE_UNIFORM);
  }

  /** Max pooling over {@code size x size} windows, stride {@code size}, {@code VALID} padding. */
  public static MaxPooling2D maxPool2d(int size) {
    return maxPool2d(size, size, Padding.VALID);
  }

  /** Max pooling over {@code size x size} windows with equal strides. */
  public static MaxPooling2D maxPool2d(int size, int stride, Padding padding) {
    return new MaxPooling2D(size, size, stride, stride, padding);
  }

  /** Max pooling over {@code poolH x poolW} windows with the given strides. */
  public static MaxPooling2D maxPool2d(int poolH, int poolW, int strideH, int strideW, Padding padding) {
    return new MaxPooling2D(poolH, poolW, strideH, strideW, padding);
  }

  /** Average pooling over {@code size x size} windows, stride {@code size}, {@code VALID} padding. */
  public static AveragePooling2D avgPool2d(int size) {
    return avgPool2d(size, size, Padding.VALID);
  }

  /** Average pooling over {@code size x size} windows with equal strides. */
  public static AveragePooling2D avgPool2d(int size, int stride, Padding padding) {
    return new AveragePooling2D(size, size, stride, stride, padding);
  }

  /** Average pooling over {@code poolH x poolW} windows with the given strides. */
  public static AveragePooling2D avgPool2d(int poolH, int poolW, int strideH, int strideW, Padding padding) {
    return new AveragePooling2D(poolH, poolW, strideH, strideW, padding);
  }

  /** Global average pooling: {@code [N, H, W, C]} to the channel means {@code [N, C]}. */
  public static GlobalAveragePooling2D globalAvgPool2d() {
    return new GlobalAveragePooling2D();
  }

  /** Flattens each example to a vector (row-major, channels fastest). */
  public static Flatten flatten() {
    return new Flatten();
  }

  /** Reshapes each example to {@code shape} (one entry may be -1), e.g. {@code reshape(28, 28, 1)}. */
  public static Reshape reshape(int... shape) {
    return new Reshape(shape);
  }

  /** Batch normalisation over the last axis with Keras's defaults (momentum 0.99, epsilon 0.001). */
  public static BatchNormalization batchNorm(int features) {
    return new BatchNormalization(features, 0.99, 1e-3);
  }

  /** Batch normalisation over the last axis with the given momentum and epsilon. */
  public static BatchNormalization batchNorm(int features, double momentum, double epsilon) {
    return new BatchNormalization(features, momentum, epsilon);
  }
}
