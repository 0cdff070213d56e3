/**
 * Cryptographically secure randomness: an AES-CTR generator from the JDK, seeded from
 * {@link java.security.SecureRandom}, and 32-byte seeds that travel instead of tensors.
 */
package dev.tfe.random;
