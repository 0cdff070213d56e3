package dev.tfe.profile;

import java.util.BitSet;

/**
 * What one party spent on one protocol op (a graph scope) in one run: wall time computing its
 * nodes and waiting for their messages, bytes sent and received (tensor payload), and rounds
 * (the steps in which it sent messages for this op).
 */
public record OpStats(String op, String party, long nanos, long bytesSent, long bytesReceived, int rounds, int nodes,
    BitSet sendSteps) {

  public OpStats {
    sendSteps = (BitSet) sendSteps.clone();
  }

  /** The steps in which this party sent messages for this op. */
  @Override
  public BitSet sendSteps() {
    return (BitSet) sendSteps.clone();
  }

  public double millis() {
    return nanos / 1e6;
  }

  /** The op's kind without its instance number and enclosing scopes, e.g. {@code pond.matmul}. */
  public String kind() {
    String last = op.substring(op.lastIndexOf('/') + 1);
    int hash = last.indexOf('#');
    return hash < 0 ? last : last.substring(0, hash);
  }
}
