package dev.tfe.protocol;

import dev.tfe.api.Tfe;
import java.util.function.Function;

/** A protocol under test: its display name and how to make it for a {@link Tfe}. */
public record ProtocolCase(String name, Function<Tfe, Protocol> factory) {
  @Override
  public String toString() {
    return name;
  }
}
