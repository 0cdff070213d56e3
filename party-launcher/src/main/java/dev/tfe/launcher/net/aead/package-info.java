/**
 * The party transport's encryption between hosts: an authenticated key exchange on static X25519
 * keys (the parties' key files) with ephemeral keys for forward secrecy, then AES-GCM on every
 * ZeroMQ frame with one key and one frame counter per direction. Everything is the JDK's
 * ({@code javax.crypto}: XDH, AES-GCM, HMAC-SHA256); see {@link dev.tfe.launcher.net.aead.Handshake}
 * for the protocol and why it replaced CURVE as the default.
 */
package dev.tfe.launcher.net.aead;
