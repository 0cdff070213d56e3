package dev.tfe.api;

import dev.tfe.protocol.Parties;
import dev.tfe.runtime.Runtime;

/**
 * The hook through which a module that can start party processes (the {@code party-launcher}
 * module) offers {@link Tfe#launchLocal()} without the core depending on it.
 *
 * <p>Registration is explicit: {@code dev.tfe.launcher.LocalLauncher.register()} installs it (a
 * notebook kernel or a program may call it at start-up). If nothing is registered when
 * {@code launchLocal} is first called, this class loads that one well-known class by name, whose
 * static initialiser registers it; no classpath is scanned.
 */
public final class Launchers {
  /** The name of the class that registers the local launcher of {@code party-launcher}. */
  public static final String DEFAULT_LOCAL = "dev.tfe.launcher.LocalLauncher";

  /** Starts one process per server party on this machine and returns a runtime over them. */
  @FunctionalInterface
  public interface LocalLauncher {
    Runtime launchLocal(Parties servers);
  }

  private static volatile LocalLauncher local;

  private Launchers() {}

  /** Installs the launcher used by {@link Tfe#launchLocal()}. */
  public static void registerLocal(LocalLauncher launcher) {
    local = launcher;
  }

  /** The registered local launcher; explains how to get one if there is none. */
  public static LocalLauncher local() {
    LocalLauncher l = local;
    if (l == null) {
      try {
        Class.forName(DEFAULT_LOCAL, true, Launchers.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("launchLocal needs the party-launcher module (dev.tfe:party-launcher) on the"
            + " classpath; add it, or keep the in-process runtime of Tfe.local()", e);
      }
      l = local;
      if (l == null) {
        throw new IllegalStateException(DEFAULT_LOCAL + " was loaded but registered no launcher");
      }
    }
    return l;
  }
}
