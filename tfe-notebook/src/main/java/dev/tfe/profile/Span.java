package dev.tfe.profile;

import java.util.Objects;

/**
 * A stretch of one party's run on its clock ({@link System#nanoTime()}, shared by the parties of
 * one JVM): waiting to receive a peer's message, computing a step's nodes, or handing a message
 * to the transport. The executor's steps make messages matchable: what {@code A} sends
 * {@code B} in step {@code s} of run {@code r} is what {@code B} waits for from {@code A} with
 * the same {@code (r, s)} ({@link #matches}).
 *
 * @param party the party whose run this is
 * @param phase what it did
 * @param peer the party it waited for or sent to, or {@code ""} for compute
 * @param run the run (one graph execution)
 * @param step the step of the message (the sender's step), or the computing step
 * @param startNanos start on the party's clock
 * @param endNanos end on the party's clock
 * @param bytes the message's encoded size, or 0 for compute
 */
public record Span(String party, Phase phase, String peer, long run, int step, long startNanos, long endNanos, long bytes) {

  /** What a party does in a span. */
  public enum Phase {
    /** Computing a step's nodes. */
    COMPUTE,
    /** Handing a message to the transport. */
    SEND,
    /** Waiting for a peer's message. */
    WAIT
  }

  public Span {
    Objects.requireNonNull(party, "party");
    Objects.requireNonNull(phase, "phase");
    peer = peer == null ? "" : peer;
    if (endNanos < startNanos) {
      throw new IllegalArgumentException("a span ends before it starts: " + startNanos + " > " + endNanos);
    }
  }

  /** Its length in nanoseconds. */
  public long nanos() {
    return endNanos - startNanos;
  }

  /** Whether this is a send whose message {@code receive} waited for. */
  public boolean matches(Span receive) {
    return phase == Phase.SEND && receive.phase == Phase.WAIT && run == receive.run && step == receive.step
        && party.equals(receive.peer) && peer.equals(receive.party);
  }
}
