package dev.tfe.model.secure;

import dev.tfe.protocol.OddActivation;
import dev.tfe.protocol.Parties;
import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.pond.Pond;
import dev.tfe.protocol.share.AdditiveProtocol;
import dev.tfe.protocol.share.TruncationMode;
import dev.tfe.protocol.securenn.SecureNn;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bytes each party sends for one protocol op of Pond or SecureNN, as this implementation
 * sends them: the formulas that {@code PondCommunicationTest} and {@code SecureNnCommunicationTest}
 * check against the profile. Units: a ring element of Z_2^64 (or of the odd ring) is a word of
 * 8 bytes, a Z_67 element of PrivateCompare 1 byte, a PRG seed 32 bytes. {@code n} counts
 * elements.
 *
 * <p><b>Pond</b> (Beaver triples, as in tf-encrypted; see {@code Beaver}, {@code Dealer},
 * {@code Truncation}). Each product or interactive truncation has its own dealer, which sends
 * server0 one seed; server1 receives its parts of every dealt value, uniform or not.
 * <ul>
 *   <li>private input of n: the owner sends a seed to server0 and {@code 8n} to server1;
 *   <li>output of n: server0 and server1 send {@code 8n} each to the receiver;
 *   <li>masking a fresh operand of n: the dealer sends {@code 8n} (server1's part of {@code a}),
 *       each server opens its {@code 8n} share of {@code alpha};
 *   <li>matmul m x k by a masked k x n: seed + mask of mk + {@code 8mn} (server1's part of c):
 *       {@code 8(3mk + mn) + 32}; with a fresh right operand {@code 8(3mk + 3kn + mn) + 32};
 *   <li>mul of n: {@code 8 * 7n + 32}; square: {@code 8 * 4n + 32} (one mask for both operands);
 *   <li>interactive truncation of n: seed, {@code 3 * 8n} dealt (r, r >> f, msb r), {@code 2 * 8n}
 *       opened: {@code 40n + 32}; local truncation, or no fractional bits: nothing.
 * </ul>
 *
 * <p><b>SecureNN</b> (Wagh, Gupta and Chandran, PoPETs 2019, Tables 1 and 2) keeps Pond's ops but
 * deals as its Algorithm 1 counts: the dealer seeds both servers (two seeds, 64 bytes, per op), so
 * uniform dealt values cost nothing. So a masked operand costs {@code 16n}, matmul by a masked
 * weight {@code 16mk + 8mn + 64} (the paper's {@code (2mk + 2kn + mn) l} bits less the weight's
 * reused {@code 2kn}), square {@code 24n + 64}, mul {@code 40n + 64}, interactive truncation
 * {@code 32n + 64}. Per run, the comparisons need three 32-byte keys (server0 sends one, server2
 * two). Per element: ShareConvert 224 (server0 72, server1 72, server2 80), ComputeMSB 264 (88
 * each), DReLU 488, a product by a bit 40 (16, 16, 8), ReLU 528 (176 each); the paper counts
 * 664 and 704 for DReLU and ReLU, because there server2 also sends server0's parts, which come
 * from a key here. Max pooling over windows of w cells: {@code w - 1} comparisons (DReLU and
 * select, 528 bytes) per output element.
 */
public final class OpCosts {
  /** Bytes of a ring word. */
  public static final long WORD = 8;
  /** Bytes of a PRG seed. */
  public static final long SEED = 32;
  /** Bytes of the Z_67 shares of one value's 64 bits (one byte each). */
  public static final long BITS = 64;

  private final boolean secureNn;
  private final boolean truncatesInteractively;
  private final String s0;
  private final String s1;
  private final String s2;

  private OpCosts(boolean secureNn, TruncationMode truncation, int fractionalBits, Parties parties) {
    this.secureNn = secureNn;
    this.truncatesInteractively = truncation == TruncationMode.INTERACTIVE && fractionalBits > 0;
    this.s0 = parties.server0();
    this.s1 = parties.server1();
    this.s2 = parties.cryptoProducer();
  }

  /**
   * The costs of protocol {@code "pond"} or {@code "securenn"} with this truncation and number of
   * fractional bits, between {@code parties}.
   */
  public static OpCosts of(String protocol, TruncationMode truncation, int fractionalBits, Parties parties) {
    return switch (protocol) {
      case "pond" -> new OpCosts(false, truncation, fractionalBits, parties);
      case SecureNn.NAME -> new OpCosts(true, truncation, fractionalBits, parties);
      default -> throw new IllegalArgumentException("no communication formulas for protocol '" + protocol
          + "'; there are formulas for pond and securenn");
    };
  }

  /** The costs of {@code p}, a Pond or SecureNN instance (its truncation, fixed point and servers). */
  public static OpCosts of(Protocol p) {
    if (!(p instanceof Pond || p instanceof SecureNn)) {
      throw new IllegalArgumentException("no communication formulas for protocol '" + p.name()
          + "'; there are formulas for pond and securenn");
    }
    AdditiveProtocol additive = (AdditiveProtocol) p;
    return of(p instanceof SecureNn ? SecureNn.NAME : "pond", additive.truncationMode(),
        p.fixedPoint().config().fractionalBits(), p.parties());
  }

  /** Whether these are SecureNN's costs (else Pond's). */
  public boolean isSecureNn() {
    return secureNn;
  }

  private ByteCount servers(long on0, long on1, long on2) {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put(s0, on0);
    m.put(s1, on1);
    m.put(s2, on2);
    return new ByteCount(m);
  }

  /** The dealer's seeds of one op: one to server0 (Pond), or one to each server (SecureNN). */
  private ByteCount seeds() {
    return servers(0, 0, secureNn ? 2 * SEED : SEED);
  }

  /** A uniform dealt value: server1's part travels under Pond, comes from a seed under SecureNN. */
  private ByteCount dealRandom(long n) {
    return servers(0, 0, secureNn ? 0 : WORD * n);
  }

  /** A dealt value that depends on others: server1's part travels. */
  private ByteCount dealShare(long n) {
    return servers(0, 0, WORD * n);
  }

  /** Server0 and server1 open a value to each other (or send their shares to a third party). */
  private ByteCount open(long n) {
    return servers(WORD * n, WORD * n, 0);
  }

  /** A private input of n elements shared by {@code owner}: a seed and {@code 8n}. */
  public ByteCount privateInput(String owner, long n) {
    return ByteCount.of(owner, SEED + WORD * n);
  }

  /** An output of n elements: both shares to the receiver. */
  public ByteCount output(long n) {
    return open(n);
  }

  /** Masking n elements, as an op of its own (a weight's, once): seeds, {@code a}, {@code alpha}. */
  public ByteCount mask(long n) {
    return seeds().plus(maskInProduct(n));
  }

  private ByteCount maskInProduct(long n) {
    return dealRandom(n).plus(open(n));
  }

  /** The Beaver matmul of a fresh m x k by a k x n (masked, or fresh), untruncated. */
  public ByteCount matmulProduct(long m, long k, long n, boolean rightMasked) {
    ByteCount b = seeds().plus(maskInProduct(m * k)).plus(dealShare(m * n));
    return rightMasked ? b : b.plus(maskInProduct(k * n));
  }

  /** The matmul and its truncation. */
  public ByteCount matmul(long m, long k, long n, boolean rightMasked) {
    return matmulProduct(m, k, n, rightMasked).plus(truncate(m * n));
  }

  /** The Beaver element-wise product of n fresh elements by n others (or by themselves), untruncated. */
  public ByteCount mulProduct(long n, boolean square) {
    ByteCount b = seeds().plus(maskInProduct(n)).plus(dealShare(n));
    return square ? b : b.plus(maskInProduct(n));
  }

  /** Element-wise product and truncation. */
  public ByteCount mul(long n) {
    return mulProduct(n, false).plus(truncate(n));
  }

  /** Square and truncation. */
  public ByteCount square(long n) {
    return mulProduct(n, true).plus(truncate(n));
  }

  /** Truncation of n products: dealt r, r >> f and msb(r), then c opened; nothing if local. */
  public ByteCount truncate(long n) {
    if (!truncatesInteractively) {
      return ByteCount.NONE;
    }
    return seeds().plus(dealRandom(n)).plus(dealShare(2 * n)).plus(open(n));
  }

  /** The cubic {@code polynomialSigmoid} of n: a square, a product, two public scalings, each truncated. */
  public ByteCount polynomialSigmoid(long n) {
    return square(n).plus(mul(n)).plus(truncate(n).times(2));
  }

  /** SecureNN's sigmoid of n ({@link OddActivation}): see {@link #activation}. */
  public ByteCount sigmoid(long n) {
    return activation(OddActivation.SIGMOID, n);
  }

  /** SecureNN's tanh of n ({@link OddActivation}): see {@link #activation}. */
  public ByteCount tanh(long n) {
    return activation(OddActivation.TANH, n);
  }

  /**
   * An {@link OddActivation} of n with k pieces of degree d: {@code k + 1} DReLUs, three products
   * by a truth value (|x|, the clamp, the sign), {@code d + 2} truncations (v and the
   * coefficients) and {@code d} products with truncation (Horner). Sigmoid (k = 3, d = 5):
   * {@code 2072n + 7 (32n + 64) + 5 (72n + 128) = 2656n + 1088} under SecureNN; tanh (k = 3, d =
   * 7): {@code 2072n + 9 (32n + 64) + 7 (72n + 128) = 2864n + 1472}.
   */
  public ByteCount activation(OddActivation f, long n) {
    requireSecureNn(f.name() + " (no exact comparisons to select its pieces)");
    long k = f.pieces().pieces();
    int d = f.pieces().degree();
    return drelu((k + 1) * n).plus(bitProduct(n).times(3)).plus(truncate(n).times(d + 2)).plus(mul(n).times(d));
  }

  /** Average pooling to n outputs: local sums, one truncation of the scaled sums. */
  public ByteCount avgPool2d(long outputs) {
    return truncate(outputs);
  }

  /** SecureNN's run keys: server0 sends server1 one, server2 sends one to each. */
  public ByteCount keys() {
    requireSecureNn("comparisons");
    return servers(SEED, 0, 2 * SEED);
  }

  /** PrivateCompare of n values: 64 Z_67 elements from each server to server2. */
  private ByteCount privateCompare(long n) {
    return servers(BITS * n, BITS * n, 0);
  }

  private ByteCount dealBits(long n) {
    return servers(0, 0, BITS * n);
  }

  /** SecureNN's ShareConvert of n: {@code 224n}. */
  public ByteCount shareConvert(long n) {
    requireSecureNn("ShareConvert");
    return open(n).plus(dealBits(n)).plus(dealShare(n)).plus(privateCompare(n)).plus(dealShare(n));
  }

  /** SecureNN's ComputeMSB of n: {@code 264n}. */
  public ByteCount computeMsb(long n) {
    requireSecureNn("ComputeMSB");
    return dealBits(n).plus(dealShare(n)).plus(open(n)).plus(privateCompare(n)).plus(dealShare(n)).plus(bitProduct(n));
  }

  /** SecureNN's product of n values by n bits (no truncation): {@code 40n}. */
  public ByteCount bitProduct(long n) {
    requireSecureNn("products by a bit");
    return dealShare(n).plus(open(2 * n));
  }

  /** DReLU of n: {@code 488n}. */
  public ByteCount drelu(long n) {
    return shareConvert(n).plus(computeMsb(n));
  }

  /** Exact ReLU of n, {@code x * DReLU(x)}: {@code 528n}. */
  public ByteCount relu(long n) {
    return drelu(n).plus(bitProduct(n));
  }

  /** Max pooling to n outputs over windows of {@code window} cells: {@code (window - 1) n} comparisons. */
  public ByteCount maxPool2d(long outputs, int window) {
    long comparisons = outputs * (window - 1L);
    return drelu(comparisons).plus(bitProduct(comparisons));
  }

  private void requireSecureNn(String what) {
    if (!secureNn) {
      throw new IllegalArgumentException("pond has no " + what + " (no exact ReLU or max pooling); "
          + "use SecureNN (tfe.secureNn()), which adds exact comparisons to Pond's arithmetic");
    }
  }

  @Override
  public String toString() {
    return "OpCosts[" + (secureNn ? SecureNn.NAME : "pond") + ", truncation "
        + (truncatesInteractively ? "interactive" : "free") + "]";
  }
}
