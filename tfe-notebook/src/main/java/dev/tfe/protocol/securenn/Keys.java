package dev.tfe.protocol.securenn;

import dev.tfe.graph.Graph;
import dev.tfe.graph.ValueKind;
import dev.tfe.graph.NodeRef;
import dev.tfe.graph.Ops;
import dev.tfe.protocol.Parties;
import dev.tfe.protocol.securenn.kernels.SecureNnOps;
import dev.tfe.protocol.share.Dealer;
import dev.tfe.protocol.share.Dealt;
import dev.tfe.protocol.share.Pair;

/**
 * A {@link Dealer}: the keys of SecureNN's common randomness, drawn afresh in every run, and what the servers
 * derive from them. SecureNN (Wagh, Gupta and Chandran, PoPETs 2019) assumes such pairwise
 * "common randomness": server0 and server1 share one for the randomness the third server must not know
 * ({@code r}, {@code beta}, PrivateCompare's masks), and the third server shares one with each of
 * them, so that whatever it deals that is uniformly random costs no traffic, and a dealt value
 * that depends on others travels to server1 only.
 *
 * <p>Cost: three 32-byte seeds per run, in the profile scope {@code securenn.keys}, sent in the
 * first step alongside the inputs. Every derived value uses its own stream number.
 */
final class Keys implements Dealer {
  private final Ops ops;
  private final SecureNnOps snn;
  private final Parties parties;
  /** server0 and server1's key, on each. */
  final NodeRef k01on0;
  final NodeRef k01on1;
  /** server2 and server0's key, on each. */
  final NodeRef k20on2;
  final NodeRef k20on0;
  /** server2 and server1's key, on each. */
  final NodeRef k21on2;
  final NodeRef k21on1;
  private int stream;

  Keys(Ops ops, Parties parties) {
    this.ops = ops;
    this.snn = new SecureNnOps(ops);
    this.parties = parties;
    Graph g = ops.graph();
    try (var s = g.unnumberedOpScope(SecureNn.NAME, "keys")) {
      k01on0 = ops.seed(parties.server0());
      k01on1 = ops.move(k01on0, parties.server1(), ValueKind.DEALT);
      k20on2 = ops.seed(parties.cryptoProducer());
      k20on0 = ops.move(k20on2, parties.server0(), ValueKind.DEALT);
      k21on2 = ops.seed(parties.cryptoProducer());
      k21on1 = ops.move(k21on2, parties.server1(), ValueKind.DEALT);
    }
  }

  /** A fresh stream number. */
  synchronized int next() {
    return stream++;
  }

  Ops ops() {
    return ops;
  }

  SecureNnOps snn() {
    return snn;
  }

  Parties parties() {
    return parties;
  }

  // ---- common randomness of server0 and server1 -------------------------------------------

  /** The same uniform ring elements on server0 and server1. */
  Pair commonRing(int[] shape) {
    int s = next();
    return new Pair(ops.expand(k01on0, s, shape), ops.expand(k01on1, s, shape));
  }

  /** The same uniform bits on server0 and server1. */
  Pair commonBits(int[] shape) {
    int s = next();
    return new Pair(ops.expandBounded(k01on0, s, shape, 2, 1), ops.expandBounded(k01on1, s, shape, 2, 1));
  }

  // ---- the third server's dealing ----------------------------------------------------------

  @Override
  public String party() {
    return parties.cryptoProducer();
  }

  /** A uniform ring value on server2, shared from the keys: no traffic. */
  @Override
  public Dealt random(int[] shape) {
    int s0 = next();
    int s1 = next();
    NodeRef v = ops.add(ops.expand(k20on2, s0, shape), ops.expand(k21on2, s1, shape));
    return new Dealt(v, new Pair(ops.expand(k20on0, s0, shape), ops.expand(k21on1, s1, shape)));
  }

  /** A uniform value of Z_(2^64-1) on server2, shared over that ring from the keys: no traffic. */
  Dealt randomOdd(int[] shape) {
    int s0 = next();
    int s1 = next();
    NodeRef v = snn.oddAdd(ops.expandBounded(k20on2, s0, shape, -1, 8), ops.expandBounded(k21on2, s1, shape, -1, 8));
    return new Dealt(v, new Pair(ops.expandBounded(k20on0, s0, shape, -1, 8), ops.expandBounded(k21on1, s1, shape, -1, 8)));
  }

  /**
   * Shares over Z_2^64 of a value server2 holds: server0's from a key, server1's sent ({@code 8n}
   * bytes) as dealer material (the value is the dealer's correlated randomness, e.g. a triple's product).
   */
  @Override
  public Pair share(NodeRef v) {
    return share(v, ValueKind.DEALT);
  }

  /** As {@link #share}, for a result server2 computed from what the servers sent it (e.g. PrivateCompare's bit). */
  Pair shareResult(NodeRef v) {
    return share(v, ValueKind.SHARE);
  }

  private Pair share(NodeRef v, ValueKind kind) {
    int s = next();
    NodeRef on1 = ops.move(ops.sub(v, ops.expand(k20on2, s, v.shape())), parties.server1(), kind);
    return new Pair(ops.expand(k20on0, s, v.shape()), on1);
  }

  /** Shares over Z_(2^64-1) of a value server2 holds ({@code 8n} bytes to server1). */
  Pair shareOdd(NodeRef v, ValueKind kind) {
    int s = next();
    NodeRef on1 = ops.move(snn.oddSub(v, ops.expandBounded(k20on2, s, v.shape(), -1, 8)), parties.server1(), kind);
    return new Pair(ops.expandBounded(k20on0, s, v.shape(), -1, 8), on1);
  }

  /** Packed Z_67 shares of the 64 bits of each value server2 holds ({@code 64n} bytes to server1). */
  Pair shareBits(NodeRef x, ValueKind kind) {
    int s = next();
    NodeRef on1 = ops.move(snn.zpBitShares(x, k20on2, s), parties.server1(), kind);
    return new Pair(snn.zpUniform(k20on0, s, x.shape()), on1);
  }
}
