package dev.tfe.model.layers;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Random initialisation of weight tensors from a seeded, non-cryptographic generator (plaintext
 * training needs reproducibility, not secrecy).
 *
 * <ul>
 *   <li>{@link #HE_UNIFORM}: uniform on {@code [-l, l]} with {@code l = sqrt(6 / fanIn)}
 *       (He, Zhang, Ren and Sun, "Delving Deep into Rectifiers", ICCV 2015), suited to ReLU
 *       networks; the default of {@link Dense} and {@link Conv2D}.</li>
 *   <li>{@link #GLOROT_UNIFORM}: uniform with {@code l = sqrt(6 / (fanIn + fanOut))} (Glorot and
 *       Bengio, "Understanding the difficulty of training deep feedforward neural networks",
 *       AISTATS 2010), Keras's default.</li>
 * </ul>
 */
public enum Initializer {
  HE_UNIFORM,
  GLOROT_UNIFORM;

  /** The half-width of the uniform distribution for these fan-in and fan-out counts. */
  public double limit(long fanIn, long fanOut) {
    return switch (this) {
      case HE_UNIFORM -> Math.sqrt(6.0 / fanIn);
      case GLOROT_UNIFORM -> Math.sqrt(6.0 / (fanIn + fanOut));
    };
  }

  /** A new {@code DOUBLE} tensor of this shape filled from {@code rng}. */
  public INDArray sample(SplittableRandom rng, long fanIn, long fanOut, long... shape) {
    double l = limit(fanIn, fanOut);
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    double[] v = new double[Math.toIntExact(n)];
    for (int i = 0; i < v.length; i++) {
      v[i] = (rng.nextDouble() * 2 - 1) * l;
    }
    return Nd4j.create(v, shape, DataType.DOUBLE);
  }

  /** Parses a name as written by {@link #name()}, case-insensitively. */
  public static Initializer parse(String name) {
    try {
      return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown initializer '" + name + "'; expected one of HE_UNIFORM, GLOROT_UNIFORM", e);
    }
  }
}
