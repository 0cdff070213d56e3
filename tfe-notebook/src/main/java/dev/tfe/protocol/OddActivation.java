package dev.tfe.protocol;

import dev.tfe.fixedpoint.FixedPoint;
import dev.tfe.fixedpoint.FixedPointConfig;
import dev.tfe.ring.RingTensor;
import java.util.function.DoubleUnaryOperator;

/**
 * Sigmoid and tanh accurate over every fixed-point input, written once over the protocol
 * interface and its exact comparisons: {@code drelu} and {@code select}, which an additive
 * protocol gets from {@code ComparingProtocol} over its {@code Comparison} capability (SecureNN's
 * DReLU), and the plaintext protocol computes in the clear. Both are {@code f(x) = c + sign(x) g(|x|)}, with {@code g} a {@link
 * PiecewisePolynomial}: polynomial pieces on {@code [0, T]}, the limit beyond. Step by step, for
 * a private {@code x}:
 * <ol>
 *   <li>{@code b = [x >= 0]} (one DReLU) and {@code a = |x| = select(b, x, -x)} (exact);</li>
 *   <li>{@code t_i = [a >= i w]} for {@code i = 1 .. k} (k DReLUs, side by side), so
 *       {@code t_k} says "beyond T";</li>
 *   <li>{@code a' = select(t_k, T, a)} clamps, and {@code v = a'/h - (1 + 2 t_1 + ... + 2
 *       t_(k-1) + t_k)} lies in {@code [-1, 1]} on every piece and is 0 beyond {@code T} (one
 *       truncation; the centre is an integer sum of truth values, exact);</li>
 *   <li>each coefficient of the selected piece is {@code E_0j + sum_i t_i (E_ij - E_(i-1)j)},
 *       with {@code E_ij} the encoded coefficients of piece {@code i} (the tail is piece
 *       {@code k}): one truncation per coefficient, no product;</li>
 *   <li>Horner's rule in {@code v} ({@code d} products), then {@code c + select(b, p, -p)}.</li>
 * </ol>
 * Cost per element: {@code k + 1} DReLUs, three products by a truth value, {@code d} products and
 * {@code d + 2} truncations. Every value stays within a few units of the fixed-point range, so it
 * holds for any input whose ring value lies in {@code [-2^62, 2^62)}, which every fixed-point
 * value does: no input can overflow it.
 *
 * <p>Error: {@link #errorBound} adds to the pieces' own error ({@link PiecewisePolynomial#maxError})
 * the fixed-point rounding, counted in units of {@code 2^-f}: 1.5 per coefficient (encoding and
 * truncation), 1 per Horner product (|v| &lt;= 1, so earlier errors do not grow), and the error of
 * {@code v} (1 for its truncation and {@code T/2} for the encoding of {@code 1/h}) times the
 * steepest slope of {@code g} in {@code v}. With 16 fractional bits: sigmoid at most
 * {@value #SIGMOID_BOUND}, tanh at most {@value #TANH_BOUND}, for every input.
 */
public final class OddActivation {
  /** The bound on sigmoid's error stated for the default 16 fractional bits ({@code OddActivationTest} checks it). */
  public static final double SIGMOID_BOUND = 3e-4;
  /** The bound on tanh's error stated for the default 16 fractional bits. */
  public static final double TANH_BOUND = 4e-4;

  /** The logistic function: 3 pieces of degree 5 on [0, 10], then 1 (0.5 + 0.5). */
  public static final OddActivation SIGMOID = new OddActivation(0.5, 0.25,
      PiecewisePolynomial.fit("sigmoid", a -> 1 / (1 + Math.exp(-a)) - 0.5, 10.0 / 3, 3, 5, 0.5));
  /** The hyperbolic tangent: 3 pieces of degree 7 on [0, 6], then 1. */
  public static final OddActivation TANH = new OddActivation(0, 1, PiecewisePolynomial.fit("tanh", Math::tanh, 2, 3, 7, 1));

  private final double offset;
  private final double maxSlope;
  private final PiecewisePolynomial g;

  private OddActivation(double offset, double maxSlope, PiecewisePolynomial g) {
    this.offset = offset;
    this.maxSlope = maxSlope;
    this.g = g;
  }

  /** {@code "sigmoid"} or {@code "tanh"}. */
  public String name() {
    return g.name();
  }

  /** The pieces of {@code g}, on {@code [0, inf)}. */
  public PiecewisePolynomial pieces() {
    return g;
  }

  /** The function itself, in double precision. */
  public double exact(double x) {
    return offset == 0 ? Math.tanh(x) : 1 / (1 + Math.exp(-x));
  }

  /** What the protocols compute, without the fixed-point rounding: {@code c + sign(x) g(|x|)}. */
  public DoubleUnaryOperator approximation() {
    return x -> offset + (x >= 0 ? 1 : -1) * g.value(Math.abs(x));
  }

  /** The largest error against {@link #exact} over every input, with {@code config}'s rounding. */
  public double errorBound(FixedPointConfig config) {
    int d = g.degree();
    double vError = 1 + g.end() / 2;
    double units = 1.5 * (d + 1) + d + vError * maxSlope * g.halfWidth();
    return g.maxError() + units * config.resolution();
  }

  /** {@code f(x)} under {@code p}, which must have exact comparisons. */
  Tensor apply(AbstractProtocol p, Tensor x) {
    FixedPoint fp = p.fixedPoint();
    int k = g.pieces();
    double w = 2 * g.halfWidth();
    if (g.end() >= fp.config().maxValue()) {
      throw new IllegalArgumentException(name() + " needs " + g.end() + " to be encodable, but " + fp.config().integralBits()
          + " integral bits reach only " + fp.config().maxValue() + "; use at least "
          + (int) Math.ceil(Math.log(g.end() + 1) / Math.log(2)) + " integral bits");
    }
    Tensor b = p.drelu(x);
    Tensor a = p.select(b, x, p.neg(x));
    Tensor[] t = new Tensor[k];
    for (int i = 0; i < k; i++) {
      t[i] = p.drelu(p.addRingConstant(a, -fp.encode((i + 1) * w, name() + " breakpoint")));
    }
    Tensor end = p.defineConstant(RingTensor.fill(fp.encode(g.end(), name() + " end"), x.shape()));
    Tensor clamped = p.select(t[k - 1], end, a);
    Tensor centre = p.scaleByRingConstant(t[k - 1], 1);
    for (int i = 0; i < k - 1; i++) {
      centre = p.add(centre, p.scaleByRingConstant(t[i], 2));
    }
    Tensor v = p.sub(p.mulConstant(clamped, 1 / g.halfWidth()), p.addRingConstant(centre, fp.config().scale()));
    int d = g.degree();
    long[][] e = encodedPieces(fp);
    Tensor acc = null;
    for (int j = d; j >= 0; j--) {
      Tensor sum = null;
      for (int i = 0; i < k; i++) {
        long delta = e[i + 1][j] - e[i][j];
        Tensor term = p.scaleByRingConstant(t[i], delta);
        sum = sum == null ? term : p.add(sum, term);
      }
      Tensor coefficient = p.addRingConstant(p.truncate(sum), e[0][j]);
      acc = acc == null ? coefficient : p.add(p.mul(acc, v), coefficient);
    }
    Tensor signed = p.select(b, acc, p.neg(acc));
    return offset == 0 ? signed : p.addConstant(signed, offset);
  }

  /** The encoded coefficients of pieces 0 .. k-1 and of the tail (its constant, then zeros). */
  private long[][] encodedPieces(FixedPoint fp) {
    int k = g.pieces();
    int d = g.degree();
    long[][] e = new long[k + 1][d + 1];
    for (int i = 0; i < k; i++) {
      double[] c = g.coefficients(i);
      for (int j = 0; j <= d; j++) {
        e[i][j] = fp.encode(c[j], name() + " coefficient");
      }
    }
    e[k][0] = fp.encode(g.tail(), name() + " limit");
    return e;
  }
}
