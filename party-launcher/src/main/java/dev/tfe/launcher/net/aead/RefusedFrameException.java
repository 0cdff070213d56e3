package dev.tfe.launcher.net.aead;

/**
 * A frame or handshake message that fails authentication or arrives out of order: tampered,
 * replayed, reordered, truncated, or from a key the hostmap does not list. The message names the
 * peer and what was wrong; the frame's content is never used.
 */
public final class RefusedFrameException extends Exception {
  private static final long serialVersionUID = 1L;

  public RefusedFrameException(String message) {
    super(message);
  }
}
