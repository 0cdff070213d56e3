package dev.tfe.protocol;

import dev.tfe.api.BuiltInModules;
import dev.tfe.protocol.plain.PlainModule;
import java.util.stream.Stream;

/**
 * The protocols every conformance test runs against: every built-in protocol module
 * ({@link BuiltInModules#protocols()}), by its id, registered with {@code tfe.use}. A module
 * added there is covered without naming it here.
 */
public final class Protocols {
  private Protocols() {}

  public static Stream<ProtocolCase> all() {
    return BuiltInModules.protocols().stream().map(m -> new ProtocolCase(m.id(), tfe -> tfe.use(m)));
  }

  /** The secure protocols only (all but the plaintext oracle). */
  public static Stream<ProtocolCase> secure() {
    return all().filter(p -> !p.name().equals(PlainModule.ID));
  }
}
