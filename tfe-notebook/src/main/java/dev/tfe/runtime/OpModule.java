package dev.tfe.runtime;

/**
 * A named group of op kernels that a protocol brings, installed into a session's
 * {@link Kernels} by one call. The id travels in every plan, so a party process can install
 * the same modules as its coordinator (it knows the built-in ones by id).
 */
public interface OpModule {
  /** A stable id, e.g. {@code "ring"} or {@code "securenn"}. */
  String id();

  /** Registers this module's kernels into {@code kernels}. */
  void registerInto(Kernels kernels);
}
