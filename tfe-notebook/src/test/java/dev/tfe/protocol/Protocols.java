package dev.tfe.protocol;

import dev.tfe.protocol.share.TruncationMode;
import java.util.stream.Stream;

/** The protocols every conformance test runs against. Add a protocol here and it is covered. */
public final class Protocols {
  private Protocols() {}

  public static Stream<ProtocolCase> all() {
    return Stream.of(
        new ProtocolCase("plain", tfe -> tfe.plain()),
        new ProtocolCase("pond", tfe -> tfe.pond()),
        new ProtocolCase("pond-local-truncation", tfe -> tfe.pond(TruncationMode.LOCAL)),
        new ProtocolCase("securenn", tfe -> tfe.secureNn()));
  }

  /** The secure protocols only. */
  public static Stream<ProtocolCase> secure() {
    return all().filter(p -> !p.name().equals("plain"));
  }
}
