package dev.tfe.protocol.share;

import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.Tensor;
import dev.tfe.ring.ConvGeometry.Padding;

/**
 * A protocol whose comparison ops are the generic functions of {@link PairComparisons}, written
 * once here: DReLU and ReLU (Algorithm 7 of SecureNN: {@code x * DReLU(x)}, or the capability's
 * one-round gate), less, greater, maximum, select, reduceMax, argmax and max pooling. A protocol
 * implements {@link #comparisons()}; SecureNN and FSS through {@link ComparingProtocol}, ABY3 on
 * the additive view of its replicated shares.
 */
public interface PairComparing extends Protocol {
  /** The generic comparison functions over this protocol's comparison capability. */
  PairComparisons comparisons();

  @Override
  default boolean supportsComparisons() {
    return true;
  }

  @Override
  default Tensor drelu(Tensor x) {
    return comparisons().drelu(x);
  }

  @Override
  default Tensor relu(Tensor x) {
    return comparisons().relu(x);
  }

  @Override
  default Tensor less(Tensor x, Tensor y) {
    return comparisons().less(x, y);
  }

  @Override
  default Tensor greater(Tensor x, Tensor y) {
    return comparisons().greater(x, y);
  }

  @Override
  default Tensor maximum(Tensor x, Tensor y) {
    return comparisons().maximum(x, y);
  }

  @Override
  default Tensor select(Tensor cond, Tensor x, Tensor y) {
    return comparisons().select(cond, x, y);
  }

  @Override
  default Tensor reduceMax(Tensor x, int axis) {
    return comparisons().reduceMax(x, axis);
  }

  @Override
  default Tensor argmax(Tensor x, int axis) {
    return comparisons().argmax(x, axis);
  }

  @Override
  default Tensor argmaxOneHot(Tensor x, int axis) {
    return comparisons().argmaxOneHot(x, axis);
  }

  @Override
  default Tensor maxPool2d(Tensor x, int poolH, int poolW, int strideH, int strideW, Padding padding) {
    return comparisons().maxPool2d(x, poolH, poolW, strideH, strideW, padding);
  }
}
