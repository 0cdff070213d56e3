package dev.tfe.protocol.aby3;

import dev.tfe.graph.NodeRef;
import dev.tfe.graph.ValueKind;
import dev.tfe.graph.Ops;
import dev.tfe.protocol.aby3.kernels.Aby3Kernels;
import java.util.List;

/**
 * ABY3's correlated randomness without a dealer (Mohassel and Rindal, CCS 2018, section 5.1):
 * at setup, party {@code i} draws a key {@code k_i} from its CSPRNG ({@code SecureRandom}-seeded
 * AES-CTR, {@link dev.tfe.random.SecurePrg}) and sends it to party {@code i - 1}, so that party
 * {@code i} holds {@code k_i} and {@code k_(i+1)}. Every later value is a PRG stream of those
 * keys, with its own stream number, and costs no traffic:
 * <ul>
 *   <li>a zero sharing {@code a_i = F(k_i) - F(k_(i+1))}, which sums to zero and of which each
 *       party sees only its own part (binary: {@code F(k_i) ^ F(k_(i+1))});</li>
 *   <li>a replicated sharing of a uniform {@code r = F(k_0) + F(k_1) + F(k_2)}: party {@code i}
 *       expands {@code r_i} and {@code r_(i+1)};</li>
 *   <li>a value common to parties {@code i} and {@code i + 1}: {@code F(k_(i+1))}, unknown to the third.</li>
 * </ul>
 * Cost: three 32-byte keys per run (the keys are drawn afresh in every run, in the profile scope
 * {@code aby3.keys}, and travel in the first step, with the inputs).
 */
final class PairwiseSeeds {
  private final Ops ops;
  /** {@code k_i} on party {@code i}. */
  private final NodeRef[] mine = new NodeRef[3];
  /** {@code k_(i+1)} on party {@code i}. */
  private final NodeRef[] nextOn = new NodeRef[3];
  private int stream;

  PairwiseSeeds(Ops ops, List<String> parties) {
    this.ops = ops;
    try (var s = ops.graph().unnumberedOpScope(Aby3.NAME, "keys")) {
      for (int i = 0; i < 3; i++) {
        mine[i] = ops.seed(parties.get(i));
      }
      for (int i = 0; i < 3; i++) {
        nextOn[i] = ops.move(mine[(i + 1) % 3], parties.get(i), ValueKind.DEALT);
      }
    }
  }

  private synchronized int next() {
    return stream++;
  }

  /** Arithmetic zero sharing: {@code a_i} on party {@code i}, with {@code a_0 + a_1 + a_2 = 0}. */
  NodeRef[] zero(int[] shape) {
    int s = next();
    NodeRef[] a = new NodeRef[3];
    for (int i = 0; i < 3; i++) {
      a[i] = ops.sub(ops.expand(mine[i], s, shape), ops.expand(nextOn[i], s, shape));
    }
    return a;
  }

  /** Binary zero sharing: {@code a_i} on party {@code i}, with {@code a_0 ^ a_1 ^ a_2 = 0}. */
  NodeRef[] zeroBinary(int[] shape) {
    int s = next();
    NodeRef[] a = new NodeRef[3];
    for (int i = 0; i < 3; i++) {
      a[i] = Aby3Kernels.xor(ops, ops.expand(mine[i], s, shape), ops.expand(nextOn[i], s, shape));
    }
    return a;
  }

  /** The same uniform words on parties {@code i} ({@code [0]}) and {@code i + 1} ({@code [1]}), unknown to the third. */
  NodeRef[] common(int i, int[] shape) {
    int s = next();
    return new NodeRef[] {ops.expand(nextOn[i], s, shape), ops.expand(mine[(i + 1) % 3], s, shape)};
  }
}
