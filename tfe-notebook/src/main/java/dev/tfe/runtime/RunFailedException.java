package dev.tfe.runtime;

/** A run failed on a party; the message names the party and the cause. */
public class RunFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String party;

  public RunFailedException(String party, String message, Throwable cause) {
    super(message, cause);
    this.party = party;
  }

  /** The party whose failure stopped the run. */
  public String party() {
    return party;
  }
}
