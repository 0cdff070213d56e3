package dev.tfe.runtime;

/** A peer is unknown, unreachable, dead, or did not answer in time. The message names it. */
public class PeerException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String peer;

  public PeerException(String peer, String message) {
    super(message);
    this.peer = peer;
  }

  public PeerException(String peer, String message, Throwable cause) {
    super(message, cause);
    this.peer = peer;
  }

  /** The party this error is about. */
  public String peer() {
    return peer;
  }
}
