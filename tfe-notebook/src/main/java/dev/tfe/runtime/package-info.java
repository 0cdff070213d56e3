/**
 * Running plans: the kernel registry, the per-party executor, the transport interface with its
 * in-memory network and metering decorator, the in-process runtime, and the coordinating session.
 */
package dev.tfe.runtime;
