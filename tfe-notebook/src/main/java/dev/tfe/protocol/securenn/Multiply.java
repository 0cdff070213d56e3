package dev.tfe.protocol.securenn;

import dev.tfe.graph.NodeRef;
import dev.tfe.graph.ValueKind;
import dev.tfe.graph.Ops;
import dev.tfe.protocol.share.Dealt;
import dev.tfe.protocol.share.Pair;

/**
 * Element-wise product of two values shared over Z_2^64, with a Beaver triple the third server
 * deals from the run keys (SecureNN's MatMul, Wagh, Gupta and Chandran, PoPETs 2019,
 * Algorithm 1, specialised to element-wise products). No truncation: SecureNN multiplies bits,
 * or a value by a bit, so the scale stays that of the non-bit operand.
 *
 * <ol>
 *   <li>Dealing (input-independent, sent in the first step): uniform {@code a, b} from the keys
 *       (no traffic), {@code c = ab} shared: {@code 8n} bytes to server1.</li>
 *   <li>One round: each server sends the other its shares of {@code e = x - a} and
 *       {@code f = y - b}: {@code 2 * 16n} bytes. The round of {@code e} goes as soon as {@code x}
 *       is known, so a product with a value known early waits only for the other operand.</li>
 *   <li>Locally: {@code z_j = c_j + e b_j + f a_j + [j = 0] e f}.</li>
 * </ol>
 * Total {@code 40n} bytes ({@code 5l} bits per element, as the paper's MatMul for 1x1x1), one
 * round after both operands are known.
 */
final class Multiply {
  private Multiply() {}

  static Pair product(Keys k, Pair x, Pair y) {
    Ops ops = k.ops();
    String s0 = k.parties().server0();
    String s1 = k.parties().server1();
    try (var s = ops.graph().opScope(SecureNn.NAME, "mul")) {
      int[] shape = x.shape();
      Dealt a = k.random(shape);
      Dealt b = k.random(shape);
      Pair c = k.share(ops.mul(a.value(), b.value()));
      NodeRef e0 = ops.sub(x.on0(), a.shares().on0());
      NodeRef e1 = ops.sub(x.on1(), a.shares().on1());
      NodeRef f0 = ops.sub(y.on0(), b.shares().on0());
      NodeRef f1 = ops.sub(y.on1(), b.shares().on1());
      NodeRef eOn0 = ops.add(e0, ops.move(e1, s0, ValueKind.MASKED));
      NodeRef fOn0 = ops.add(f0, ops.move(f1, s0, ValueKind.MASKED));
      NodeRef eOn1 = ops.add(ops.move(e0, s1, ValueKind.MASKED), e1);
      NodeRef fOn1 = ops.add(ops.move(f0, s1, ValueKind.MASKED), f1);
      NodeRef z0 = ops.add(ops.add(c.on0(), ops.mul(eOn0, b.shares().on0())), ops.mul(fOn0, a.shares().on0()));
      z0 = ops.add(z0, ops.mul(eOn0, fOn0));
      NodeRef z1 = ops.add(ops.add(c.on1(), ops.mul(eOn1, b.shares().on1())), ops.mul(fOn1, a.shares().on1()));
      return new Pair(z0, z1);
    }
  }
}
