package dev.tfe.protocol.share;

import dev.tfe.graph.NodeRef;
import dev.tfe.graph.ValueKind;
import dev.tfe.graph.Ops;
import dev.tfe.protocol.Parties;

/**
 * A {@link Dealer}: the crypto producer's side of one protocol op. It draws one seed per op and sends it to
 * server0, which expands its parts of every dealt value from that seed; server1 receives its
 * parts as tensors. Dealing a shared value {@code v} costs {@code |v|} words to server1 and
 * nothing to server0 beyond the 32-byte seed (seeded dealing, as in tf-encrypted's Pond).
 *
 * <p>With {@code seedBoth} (as SecureNN's MatMul, Wagh et al., PoPETs 2019, Algorithm 1, counts
 * it: the shares of the masks come from keys the producer shares with each server), server1 gets a seed too,
 * so that uniformly random dealt values ({@link #random}) cost no traffic at all; only values
 * that depend on others ({@link #share}, e.g. a Beaver product) still travel to server1.
 */
public final class SeededDealer implements Dealer {
  private final Ops ops;
  private final Parties parties;
  private final NodeRef seedCp;
  private final NodeRef seed0;
  private final NodeRef seedCp1;
  private final NodeRef seed1;
  private int stream;

  /** Pond's dealer: server0 gets a seed, server1 its parts as tensors (tf-encrypted's seeded dealing). */
  public static SeededDealer seedOneServer(Ops ops, Parties parties) {
    return new SeededDealer(ops, parties, false);
  }

  /** SecureNN's dealer for products: both servers get a seed, so dealt uniform values cost nothing. */
  public static SeededDealer seedBothServers(Ops ops, Parties parties) {
    return new SeededDealer(ops, parties, true);
  }

  private SeededDealer(Ops ops, Parties parties, boolean seedBoth) {
    this.ops = ops;
    this.parties = parties;
    this.seedCp = ops.seed(parties.cryptoProducer());
    this.seed0 = ops.move(seedCp, parties.server0(), ValueKind.DEALT);
    this.seedCp1 = seedBoth ? ops.seed(parties.cryptoProducer()) : null;
    this.seed1 = seedBoth ? ops.move(seedCp1, parties.server1(), ValueKind.DEALT) : null;
  }

  @Override
  public String party() {
    return parties.cryptoProducer();
  }

  /** Shares of a value {@code v} the crypto producer holds: {@code v0} on server0, {@code v1} on server1. */
  @Override
  public Pair share(NodeRef v) {
    int s = stream++;
    NodeRef v0 = ops.expand(seed0, s, v.shape());
    NodeRef v0AtCp = ops.expand(seedCp, s, v.shape());
    NodeRef v1 = ops.move(ops.sub(v, v0AtCp), parties.server1(), ValueKind.DEALT);
    return new Pair(v0, v1);
  }

  /** Shares of a fresh uniform value, with the value itself on the crypto producer. */
  @Override
  public Dealt random(int[] shape) {
    int s = stream++;
    NodeRef v0 = ops.expand(seed0, s, shape);
    NodeRef v0AtCp = ops.expand(seedCp, s, shape);
    if (seed1 != null) {
      NodeRef v = ops.add(v0AtCp, ops.expand(seedCp1, s, shape));
      return new Dealt(v, new Pair(v0, ops.expand(seed1, s, shape)));
    }
    NodeRef v1AtCp = ops.random(parties.cryptoProducer(), shape);
    NodeRef v = ops.add(v0AtCp, v1AtCp);
    return new Dealt(v, new Pair(v0, ops.move(v1AtCp, parties.server1(), ValueKind.DEALT)));
  }
}
