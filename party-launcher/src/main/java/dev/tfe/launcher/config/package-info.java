/**
 * The hostmap (party name to {@code host:port} and CurveZMQ public key, as tf-encrypted's
 * {@code config.json}) and the key files kept beside it.
 */
package dev.tfe.launcher.config;
