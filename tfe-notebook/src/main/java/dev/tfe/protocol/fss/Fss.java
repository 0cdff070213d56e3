package dev.tfe.protocol.fss;

import dev.tfe.fixedpoint.FixedPoint;
import dev.tfe.fixedpoint.FixedPointConfig;
import dev.tfe.graph.Ops;
import dev.tfe.protocol.Parties;
import dev.tfe.protocol.Tensor;
import dev.tfe.ring.ConvGeometry.Padding;
import dev.tfe.protocol.fss.kernels.SignKeys;
import dev.tfe.protocol.share.ComparingProtocol;
import dev.tfe.protocol.share.SeededDealer;
import dev.tfe.protocol.share.TruncationMode;

/**
 * Function secret sharing with a dealer (Boyle, Chandran, Gilboa, Gupta, Ishai, Kumaresan and
 * Kolobov, "Function Secret Sharing for Mixed-Mode and Fixed-Point Secure Computation",
 * Eurocrypt 2021; LLAMA and SIGMA, Gupta et al., PoPETs 2022 and 2024): server0 and server1 hold
 * additive shares over Z_2^64, server2 deals. Linear layers are those of two-server additive
 * sharing (Beaver products from a dealer that seeds both servers, masked weights reused,
 * interactive truncation, off by at most one unit in the last place for {@code |x| < 2^62}, as
 * Pond's and SecureNN's). Every comparison is one DReLU on FSS keys ({@link DRelu}): the servers
 * open {@code x + r} in one round and evaluate locally a distributed comparison key that the
 * dealer made for {@code r}; ReLU is one such gate too ({@link ReluGate}); the generic functions of {@link ComparingProtocol} (ReLU, less,
 * greater, maximum, select, reduceMax, argmax, max pooling; sigmoid and tanh through them) run on
 * it unchanged.
 *
 * <p><b>Compared bit width.</b> Keys compare on {@code k} bits, {@code k - 1} tree levels, so
 * their size ({@code 24k + 8} bytes per server and element) and cost shrink with {@code k}. By
 * default {@code k = integralBits + fractionalBits + 2} (33 for the default fixed point): every
 * fixed-point value {@code v} satisfies {@code |v| < 2^(i+f)}, so a value, and the difference of
 * two values, which is what less, maximum, the max tree and max pooling compare, lies in
 * {@code (-2^(k-1), 2^(k-1))}, where DReLU is exact ({@link dev.tfe.protocol.fss.kernels.SignKeys}).
 * Max pooling with padding raises cells by {@code 2^(i+f)} instead of 2^61, which keeps the
 * differences in that range. A value beyond {@code 2^(k-2)} ring units ({@link
 * #exactComparisonLimit}) would be compared wrongly, so it must never reach a comparison: a
 * private model proves from its weights, by interval arithmetic, the largest input for which every
 * compared value stays inside, and refuses larger inputs before anything runs
 * ({@code PrivateModel.maxExactInput()}); no range test runs on private values, since its outcome
 * would reveal a bit of them. On the low-level API the caller keeps compared values in the
 * fixed-point range (inputs are, by encoding), or passes {@code k = 64} to compare every signed
 * 64-bit value exactly, at twice the key size.
 *
 * <p><b>Offline and online.</b> The dealer's keys, masks and triples do not depend on the inputs;
 * everything server2 sends is offline material (keys in the profile scope {@code fss.keys}).
 * Made during a run they cost time and bytes there; {@code PrivateModel.preprocess} (over
 * {@code Session.preprocess}, {@code dev.tfe.graph.Preprocessing}) makes them ahead of the input,
 * and the run then sends only its online part: the input's sharing, the
 * openings of gates, Beaver products and truncations, and the output. Per element, DReLU costs {@code 16} online bytes
 * in one round and {@code 2(24k + 8)} offline; ReLU is one gate ({@link ReluGate}) of the same
 * {@code 16} online bytes and one round, with keys of {@code 2(32k + 16)} offline bytes; a
 * select or maximum after a DReLU adds one product with the bit ({@code 16} online bytes, one
 * round, {@code 8} offline), whose other operand reuses DReLU's mask.
 *
 * <p>Security: semi-honest, non-colluding servers; each server sees uniform openings and its own
 * keys, which are pseudorandom and independent of the inputs (DCF security, Boyle et al.,
 * Theorem 3.1); server2 receives nothing. See {@code PrivacyTest} and {@code FssPrivacyTest}.
 */
public class Fss extends ComparingProtocol {
  public static final String NAME = "fss";
  private final int bits;

  /** FSS comparing on the default width for {@code fp} ({@link #defaultBits}). */
  public Fss(Ops ops, FixedPoint fp, Parties parties) {
    this(ops, fp, parties, defaultBits(fp.config()));
  }

  /** FSS comparing on {@code bits} bits (2 to 64). */
  public Fss(Ops ops, FixedPoint fp, Parties parties, int bits) {
    this(ops, fp, parties, SignKeys.checkBits(bits), SeededDealer.seedBothServers(ops, parties));
  }

  private Fss(Ops ops, FixedPoint fp, Parties parties, int bits, SeededDealer dealer) {
    super(ops, fp, parties, TruncationMode.INTERACTIVE, SeededDealer::seedBothServers,
        new FssComparison(ops, parties, dealer, bits));
    this.bits = bits;
  }

  /** {@code integralBits + fractionalBits + 2}: values and their differences compare exactly. */
  public static int defaultBits(FixedPointConfig c) {
    return Math.min(64, c.integralBits() + c.fractionalBits() + 2);
  }

  /** The compared bit width {@code k}. */
  public int compareBits() {
    return bits;
  }

  /**
   * {@code 2^(k-2)} ring units: values below it in magnitude, and differences of two of them, lie in
   * {@code (-2^(k-1), 2^(k-1))}, where DReLU and the ReLU gate are exact, also after max pooling's
   * padding shift ({@link #poolShift}).
   */
  @Override
  public long exactComparisonLimit() {
    return 1L << (bits - 2);
  }

  /** {@code 2^(k-2)}, at least every fixed-point magnitude, so that padded zeros lose and differences stay in range. */
  @Override
  protected long poolShift() {
    return bits >= 64 ? super.poolShift() : 1L << (bits - 2);
  }

  /**
   * A convolution whose private input is masked and opened once, as an image, before im2col:
   * im2col is linear, so the patches of the masked image are the masked patches, and the
   * opening costs {@code 2 * 8} bytes per input cell instead of per patch cell (25 times fewer for
   * a 5x5 kernel at stride 1). The product is then Beaver's with that mask, exactly as before.
   */
  @Override
  public Tensor conv2d(Tensor x, Tensor kernel, int strideH, int strideW, Padding padding) {
    Tensor in = x.kind() == Tensor.Kind.PRIVATE && kernel.kind() != Tensor.Kind.PUBLIC ? mask(x) : x;
    return super.conv2d(in, kernel, strideH, strideW, padding);
  }

  @Override
  public String name() {
    return NAME;
  }
}
