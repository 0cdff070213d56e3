package dev.tfe.model.secure;

import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.Tensor;
import dev.tfe.ring.ConvGeometry.Padding;

/**
 * A 2-D convolution on private NHWC values, lowered to im2col and one Beaver matmul with the
 * masked kernel (as Pond does), plus a private bias per output channel.
 */
final class PrivateConv2D implements PrivateLayer {
  private final String name;
  private final Tensor kernel;
  private final Tensor bias;
  private final int strideH;
  private final int strideW;
  private final Padding padding;

  PrivateConv2D(String name, Protocol p, Tensor kernel, Tensor bias, int strideH, int strideW, Padding padding) {
    this.name = name;
    this.kernel = p.mask(kernel);
    this.bias = bias;
    this.strideH = strideH;
    this.strideW = strideW;
    this.padding = padding;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Tensor forward(Protocol p, Tensor x) {
    return p.add(p.conv2d(x, kernel, strideH, strideW, padding), bias);
  }
}
