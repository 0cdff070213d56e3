package dev.tfe.launcher.net.aead;

/**
 * The outcome of a {@link Handshake}: the authenticated peer's name and one {@link FrameCipher}
 * per direction, each with its own key, so that the two directions never share a nonce space.
 *
 * @param peer the peer's name in the hostmap, proven by its static key
 * @param out seals the frames this side sends
 * @param in opens the frames this side receives
 */
public record Session(String peer, FrameCipher out, FrameCipher in) {}
