package dev.tfe.profile;

import dev.tfe.graph.OpIdentity;
import dev.tfe.graph.OpKind;
import java.util.BitSet;

/**
 * What one party spent on the nodes of one {@link OpIdentity} in one run: time computing them,
 * time waiting for their messages (and handing its own to the transport), bytes sent and
 * received (tensor payload), and rounds (the steps in which it sent messages for them). Compute
 * and waiting are kept apart: a party that waits for a peer's comparison is not charged for it. A value sent is charged to the identity of the node
 * that reads it on the peer; a value received, to that of its first reader here.
 *
 * @param identity the layers, protocol op and sub-protocols the nodes belong to
 * @param party the party
 * @param nanos time computing (kernels only, no waiting)
 * @param bytesSent payload bytes sent
 * @param bytesReceived payload bytes received
 * @param rounds steps with sends
 * @param nodes nodes computed
 * @param sendSteps the steps in which this party sent for these nodes
 * @param waitNanos time waiting to receive messages for these nodes or to send them
 */
public record OpStats(OpIdentity identity, String party, long nanos, long bytesSent, long bytesReceived, int rounds,
    int nodes, BitSet sendSteps, long waitNanos) {

  /** A record without waiting time. */
  public OpStats(OpIdentity identity, String party, long nanos, long bytesSent, long bytesReceived, int rounds, int nodes,
      BitSet sendSteps) {
    this(identity, party, nanos, bytesSent, bytesReceived, rounds, nodes, sendSteps, 0);
  }

  public OpStats {
    java.util.Objects.requireNonNull(identity, "identity");
    sendSteps = (BitSet) sendSteps.clone();
  }

  /** The steps in which this party sent messages for this op. */
  @Override
  public BitSet sendSteps() {
    return (BitSet) sendSteps.clone();
  }

  /** Compute time in milliseconds. */
  public double millis() {
    return nanos / 1e6;
  }

  /** Waiting time in milliseconds. */
  public double waitMillis() {
    return waitNanos / 1e6;
  }

  /** The innermost op's kind, e.g. {@code pond.truncate} for a truncation within a matmul. */
  public OpKind kind() {
    return identity.kind();
  }

  /** Display text of the identity, e.g. {@code model1/dense_1/pond.matmul#3}. */
  public String label() {
    return identity.toString();
  }

  /** The sum of two records of the same party: times, bytes and nodes add, send steps unite. */
  OpStats plus(OpStats o, OpIdentity as) {
    BitSet steps = sendSteps();
    steps.or(o.sendSteps);
    return new OpStats(as, party, nanos + o.nanos, bytesSent + o.bytesSent, bytesReceived + o.bytesReceived,
        steps.cardinality(), nodes + o.nodes, steps, waitNanos + o.waitNanos);
  }
}
