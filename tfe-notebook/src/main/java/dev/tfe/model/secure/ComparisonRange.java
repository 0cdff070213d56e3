package dev.tfe.model.secure;

import dev.tfe.fixedpoint.FixedPointConfig;
import dev.tfe.fixedpoint.FixedPointOverflowException;
import dev.tfe.model.Sequential;
import dev.tfe.model.layers.AveragePooling2D;
import dev.tfe.model.layers.BatchNormalization;
import dev.tfe.model.layers.Conv2D;
import dev.tfe.model.layers.Dense;
import dev.tfe.model.layers.GlobalAveragePooling2D;
import dev.tfe.model.layers.Layer;
import dev.tfe.model.layers.Sigmoid;
import dev.tfe.model.layers.Tanh;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The largest input magnitude for which every value a private model compares stays where its
 * protocol compares exactly ({@code Protocol.exactComparisonLimit()}: {@code 2^(k-2)} ring units
 * for FSS on {@code k} bits); inputs beyond it are refused before anything runs ("exact or
 * refused").
 *
 * <p><b>Why a bound and not a check on the values.</b> Testing whether a private value is in range
 * would reveal one bit of it to whoever learns the outcome. Instead the bound is interval
 * arithmetic over public data and the owner's plaintext weights, in the fixed-point setting that
 * Pond and SecureNN use (the papers state their bounds the same way): with {@code |x| <= X} at the
 * input, a Dense or Conv2D layer (a following BatchNormalization folded in, weights as encoded)
 * yields {@code |y| <= G X' + B}, {@code G} the largest sum of absolute weights of one output
 * (each weight enlarged by its rounding, {@code 2^-(f+1)}), {@code B} the largest bias plus its
 * rounding and one unit of truncation; ReLU, max and average pooling, flatten and reshape do not
 * enlarge the largest magnitude (average pooling adds one unit of rounding); sigmoid and tanh
 * output at most 2 in magnitude. Every bound is affine, {@code a X + c}; a comparing layer with
 * bound {@code a X + c} (plus 16 for the constants that sigmoid's breakpoints subtract) must stay
 * below the limit, so {@code X < (limit - c - 16) / a}. The smallest of these is {@link #maxInput}.
 *
 * <p><b>What is revealed.</b> The owner publishes this one number with its model (like the input
 * shape); the client compares its own plaintext input with it before encoding. Nothing about the
 * client's values reaches the servers, and nothing about the weights beyond this number.
 *
 * @param maxInput the largest magnitude of an input value for which the model is exact
 *     ({@code Double.POSITIVE_INFINITY} when the protocol compares every ring value exactly)
 * @param limit the protocol's exact comparison range, as a real number
 * @param layer the comparing layer that sets {@code maxInput} (for messages), or null
 */
record ComparisonRange(double maxInput, double limit, String layer) {
  /** Room for the public constants subtracted before a comparison (sigmoid's breakpoints). */
  static final double CONSTANTS = 16;

  /** The range of {@code model} under a protocol exact below {@code limitRing} ring units, with fixed point {@code fp}. */
  static ComparisonRange of(Sequential model, long limitRing, FixedPointConfig fp) {
    if (limitRing == Long.MAX_VALUE) {
      return new ComparisonRange(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, null);
    }
    double limit = limitRing / fp.scale();
    double half = 0.5 / fp.scale();
    double unit = 1 / fp.scale();
    // |value| <= a X + c, X the input magnitude; the input itself is encoded with rounding
    double a = 1;
    double c = half;
    double best = Double.POSITIVE_INFINITY;
    String at = null;
    List<Layer> layers = model.layers();
    for (int i = 0; i < layers.size(); i++) {
      Layer l = layers.get(i);
      PrivateForm<Layer> form = PrivateForms.of(l);
      if (form == null || form.role() != PrivateForm.Role.COMPUTED) {
        continue;
      }
      String name = l.type().toLowerCase() + "_" + (i + 1);
      if (form.compares()) {
        double x = (limit - c - CONSTANTS) / a;
        if (x < best) {
          best = x;
          at = name;
        }
      }
      BatchNormalization bn = form.foldsBatchNorm() && i + 1 < layers.size()
          && layers.get(i + 1) instanceof BatchNormalization b ? b : null;
      if (l instanceof Dense d) {
        double[] gb = gainAndBias(FoldedWeights.of(d.weights(), d.bias(), bn), half);
        a *= gb[0];
        c = gb[0] * c + gb[1] + unit;
      } else if (l instanceof Conv2D cv) {
        double[] gb = gainAndBias(FoldedWeights.of(cv.kernel(), cv.bias(), bn), half);
        a *= gb[0];
        c = gb[0] * c + gb[1] + unit;
      } else if (l instanceof AveragePooling2D || l instanceof GlobalAveragePooling2D) {
        c += unit;
      } else if (l instanceof Sigmoid || l instanceof Tanh) {
        a = 0;
        c = 2;
      }
    }
    return new ComparisonRange(best, limit, at);
  }

  /** {@code {G, B}}: the largest absolute row sum over one output (last axis), and the largest bias, both with rounding. */
  private static double[] gainAndBias(FoldedWeights f, double half) {
    INDArray w = f.weights();
    long outputs = w.size(w.rank() - 1);
    INDArray abs = Transforms.abs(w.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).dup('c').reshape('c', -1, outputs));
    long fanIn = abs.size(0);
    double gain = abs.sum(0).maxNumber().doubleValue() + fanIn * half;
    double bias = f.bias().length() == 0 ? 0 : Transforms.abs(f.bias().castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE))
        .maxNumber().doubleValue();
    return new double[] {gain, bias + half};
  }

  /** Refuses at wrap time a model whose biases alone already leave the exact range. */
  void requirePositive(String protocol) {
    if (!(maxInput > 0)) {
      throw new FixedPointOverflowException("under " + protocol + ", " + layer + " compares values that this model's "
          + "weights and biases carry beyond " + limit + ", where its comparisons are exact, for any input; "
          + "compare on more bits (e.g. tfe.use(new FssModule(64))) or use SecureNN");
    }
  }

  /** Refuses an input whose largest magnitude {@code max} exceeds {@link #maxInput}, saying what to do. */
  void check(double max, String what, String protocol) {
    if (max > maxInput) {
      throw new FixedPointOverflowException(what + " has a value of magnitude " + max + ", above " + maxInput
          + ", the largest input for which this model's comparisons under " + protocol + " are exact (at " + layer
          + ", values could reach " + limit + "); refused rather than answered wrongly: scale the inputs down, "
          + "or compare on more bits (e.g. tfe.use(new FssModule(64))), or use SecureNN");
    }
  }
}
