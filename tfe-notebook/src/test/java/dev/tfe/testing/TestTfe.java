package dev.tfe.testing;

import dev.tfe.api.Tfe;
import java.util.function.Supplier;

/**
 * Where test suites get their {@link Tfe}: {@link Tfe#local()} by default. A module with another
 * runtime (party processes) runs the same suites over it by installing a factory around them,
 * so test logic is written once and runs on every runtime.
 */
public final class TestTfe {
  private static volatile Supplier<Tfe> factory = Tfe::local;

  private TestTfe() {}

  /** A new {@code Tfe} on the runtime under test. */
  public static Tfe create() {
    return factory.get();
  }

  /** Installs {@code f} for the suites that run next; {@link #reset()} restores the default. */
  public static void use(Supplier<Tfe> f) {
    factory = f;
  }

  public static void reset() {
    factory = Tfe::local;
  }
}
