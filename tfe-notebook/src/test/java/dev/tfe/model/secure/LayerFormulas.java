package dev.tfe.model.secure;

import dev.tfe.model.layers.AveragePooling2D;
import dev.tfe.model.layers.BatchNormalization;
import dev.tfe.model.layers.Conv2D;
import dev.tfe.model.layers.Dense;
import dev.tfe.model.layers.Flatten;
import dev.tfe.model.layers.GlobalAveragePooling2D;
import dev.tfe.model.layers.Layer;
import dev.tfe.model.layers.MaxPooling2D;
import dev.tfe.model.layers.Pooling2D;
import dev.tfe.model.layers.ReLU;
import dev.tfe.model.layers.Reshape;
import dev.tfe.model.layers.Sigmoid;
import dev.tfe.model.layers.Softmax;
import dev.tfe.model.layers.Tanh;
import dev.tfe.ring.ConvGeometry;

/**
 * A test oracle: each layer's bytes per run and weight sizes by hand, from the per-op formulas
 * of {@link OpCosts}, as {@link CommunicationModel} adds them up. The library derives the same
 * numbers from the planned graph; this class exists to check it.
 */
final class LayerFormulas {
  private LayerFormulas() {}

  /** Whether there is a formula for this layer's class. */
  static boolean has(Layer l) {
    return l instanceof Dense || l instanceof Conv2D || l instanceof ReLU || l instanceof Sigmoid || l instanceof Tanh
        || l instanceof MaxPooling2D || l instanceof AveragePooling2D || l instanceof GlobalAveragePooling2D
        || l instanceof Flatten || l instanceof Reshape || l instanceof BatchNormalization || l instanceof Softmax;
  }

  /** The bytes one run sends for {@code l} on a batch of {@code batch} examples of shape {@code in}. */
  static ByteCount cost(Layer l, OpCosts c, int batch, int[] in) {
    long n = batch * size(in);
    if (l instanceof Dense d) {
      return c.matmul(batch, d.inputSize(), d.outputSize(), true);
    } else if (l instanceof Conv2D k) {
      ConvGeometry g = ConvGeometry.of(batchShape(batch, in), k.kernelH(), k.kernelW(), k.strideH(), k.strideW(),
          PrivateForms.padding(k.padding()));
      return c.matmul(g.patchRows(), g.patchCols(), k.filters(), true);
    } else if (l instanceof ReLU) {
      return c.relu(n);
    } else if (l instanceof Sigmoid) {
      return c.sigmoid(n);
    } else if (l instanceof Tanh) {
      return c.tanh(n);
    } else if (l instanceof MaxPooling2D m) {
      return c.maxPool2d(poolOutputs(m, batch, in), m.poolH() * m.poolW());
    } else if (l instanceof AveragePooling2D a) {
      return c.avgPool2d(poolOutputs(a, batch, in));
    } else if (l instanceof GlobalAveragePooling2D) {
      return c.avgPool2d((long) batch * in[2]);
    }
    return ByteCount.NONE;
  }

  /** The sizes of the private weights the owner shares once (weights, then bias); none for other layers. */
  static long[] weightSizes(Layer l) {
    if (l instanceof Dense d) {
      return new long[] {(long) d.inputSize() * d.outputSize(), d.outputSize()};
    } else if (l instanceof Conv2D c) {
      return new long[] {(long) c.kernelH() * c.kernelW() * c.inChannels() * c.filters(), c.filters()};
    }
    return new long[0];
  }

  private static long poolOutputs(Pooling2D p, int batch, int[] in) {
    ConvGeometry g = ConvGeometry.of(batchShape(batch, in), p.poolH(), p.poolW(), p.strideH(), p.strideW(),
        PrivateForms.padding(p.padding()));
    return (long) g.patchRows() * g.channels();
  }

  private static long size(int[] s) {
    long n = 1;
    for (int d : s) {
      n *= d;
    }
    return n;
  }

  private static int[] batchShape(int batch, int[] s) {
    int[] r = new int[s.length + 1];
    r[0] = batch;
    System.arraycopy(s, 0, r, 1, s.length);
    return r;
  }
}
