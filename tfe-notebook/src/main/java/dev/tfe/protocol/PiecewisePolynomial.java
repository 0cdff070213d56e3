package dev.tfe.protocol;

import java.util.function.DoubleUnaryOperator;

/**
 * A function on {@code [0, inf)} as {@code k} polynomial pieces of equal width {@code w = 2h} on
 * {@code [0, T = k w]} and a constant, the function's limit, beyond {@code T}. Piece {@code i}
 * (on {@code [i w, (i+1) w]}) is a polynomial in {@code v = a / h - (2i + 1)}, which runs over
 * {@code [-1, 1]} on the piece: every coefficient is then of the order of the function's values,
 * so rounding a coefficient, or a product, to the fixed-point grid moves the value by no more than
 * that rounding.
 *
 * <p>The coefficients are fitted here, in code, each time the class is loaded (nothing is copied
 * from elsewhere, and a test refits them): a near-minimax fit of each piece on a grid of
 * {@value #GRID} points by Lawson's algorithm (iteratively reweighted least squares, which
 * converges to the minimax polynomial on the grid). {@link #maxError} is the largest error of the
 * pieces and of the constant tail, in exact arithmetic, measured on a grid 64 times finer than
 * the fitting one and at {@code T} and raised by 1% (a margin for extrema between grid points), where the tail starts (beyond it the error only shrinks, for
 * the monotone functions fitted here).
 */
public final class PiecewisePolynomial {
  /** Points per piece of the fitting grid. */
  static final int GRID = 1001;
  private static final int LAWSON_ITERATIONS = 200;
  /** {@link #maxError} is raised by this fraction, for the extrema between the measuring grid's points. */
  static final double MARGIN = 0.01;

  private final String name;
  private final double halfWidth;
  private final double[][] coefficients;
  private final double tail;
  private final double maxError;

  private PiecewisePolynomial(String name, double halfWidth, double[][] coefficients, double tail, double maxError) {
    this.name = name;
    this.halfWidth = halfWidth;
    this.coefficients = coefficients;
    this.tail = tail;
    this.maxError = maxError;
  }

  /**
   * Fits {@code f} on {@code [0, pieces * width]} by {@code pieces} polynomials of {@code degree},
   * with {@code tail}, {@code f}'s limit, beyond.
   */
  public static PiecewisePolynomial fit(String name, DoubleUnaryOperator f, double width, int pieces, int degree,
      double tail) {
    if (!(width > 0) || pieces < 1 || degree < 0) {
      throw new IllegalArgumentException("need a positive width, at least one piece and a degree >= 0, got width "
          + width + ", " + pieces + " pieces, degree " + degree);
    }
    double h = width / 2;
    double[][] coefficients = new double[pieces][];
    for (int i = 0; i < pieces; i++) {
      coefficients[i] = lawson(f, h * (2 * i + 1), h, degree);
    }
    PiecewisePolynomial p = new PiecewisePolynomial(name, h, coefficients, tail, 0);
    double err = Math.abs(f.applyAsDouble(width * pieces) - tail);
    int n = 64 * GRID * pieces;
    for (int j = 0; j <= n; j++) {
      double a = width * pieces * j / n;
      err = Math.max(err, Math.abs(f.applyAsDouble(a) - p.value(a)));
    }
    return new PiecewisePolynomial(name, h, coefficients, tail, err * (1 + MARGIN));
  }

  /** Near-minimax coefficients (in {@code v = (a - centre) / half}) of one piece, by Lawson's algorithm. */
  private static double[] lawson(DoubleUnaryOperator f, double centre, double half, int degree) {
    double[] v = new double[GRID];
    double[] y = new double[GRID];
    double[] w = new double[GRID];
    for (int j = 0; j < GRID; j++) {
      v[j] = -1 + 2.0 * j / (GRID - 1);
      y[j] = f.applyAsDouble(centre + half * v[j]);
      w[j] = 1.0 / GRID;
    }
    double[] c = null;
    for (int it = 0; it < LAWSON_ITERATIONS; it++) {
      c = weightedLeastSquares(v, y, w, degree);
      double sum = 0;
      for (int j = 0; j < GRID; j++) {
        w[j] *= Math.abs(y[j] - horner(c, v[j]));
        sum += w[j];
      }
      if (sum == 0) {
        break;
      }
      for (int j = 0; j < GRID; j++) {
        w[j] /= sum;
      }
    }
    return c;
  }

  /** Minimises {@code sum w_j (y_j - p(v_j))^2} through the normal equations (well conditioned on [-1, 1] for low degrees). */
  private static double[] weightedLeastSquares(double[] v, double[] y, double[] w, int degree) {
    int m = degree + 1;
    double[][] a = new double[m][m + 1];
    for (int j = 0; j < v.length; j++) {
      double[] pw = new double[2 * m];
      pw[0] = 1;
      for (int d = 1; d < 2 * m; d++) {
        pw[d] = pw[d - 1] * v[j];
      }
      for (int r = 0; r < m; r++) {
        for (int s = 0; s < m; s++) {
          a[r][s] += w[j] * pw[r + s];
        }
        a[r][m] += w[j] * pw[r] * y[j];
      }
    }
    for (int col = 0; col < m; col++) {
      int piv = col;
      for (int r = col + 1; r < m; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
          piv = r;
        }
      }
      double[] t = a[col];
      a[col] = a[piv];
      a[piv] = t;
      for (int r = 0; r < m; r++) {
        if (r != col) {
          double q = a[r][col] / a[col][col];
          for (int s = col; s <= m; s++) {
            a[r][s] -= q * a[col][s];
          }
        }
      }
    }
    double[] c = new double[m];
    for (int r = 0; r < m; r++) {
      c[r] = a[r][m] / a[r][r];
    }
    return c;
  }

  private static double horner(double[] c, double u) {
    double p = 0;
    for (int d = c.length - 1; d >= 0; d--) {
      p = p * u + c[d];
    }
    return p;
  }

  /** The approximation at {@code a >= 0}, in exact arithmetic. */
  public double value(double a) {
    int i = (int) Math.floor(a / (2 * halfWidth));
    if (i >= coefficients.length) {
      return tail;
    }
    return horner(coefficients[i], a / halfWidth - (2 * i + 1));
  }

  /** The function's name, e.g. {@code "sigmoid"}. */
  public String name() {
    return name;
  }

  /** Half a piece's width, {@code h}. */
  public double halfWidth() {
    return halfWidth;
  }

  /** Where the constant tail starts, {@code T = 2h k}. */
  public double end() {
    return 2 * halfWidth * coefficients.length;
  }

  /** Number of polynomial pieces, {@code k}. */
  public int pieces() {
    return coefficients.length;
  }

  /** The coefficients of piece {@code i} in {@code v}, of {@code v^0} first. */
  public double[] coefficients(int i) {
    return coefficients[i].clone();
  }

  /** The polynomials' degree. */
  public int degree() {
    return coefficients[0].length - 1;
  }

  /** The constant beyond {@link #end}. */
  public double tail() {
    return tail;
  }

  /** The largest error of the pieces and the tail against the fitted function, in exact arithmetic. */
  public double maxError() {
    return maxError;
  }
}
