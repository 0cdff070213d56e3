package dev.tfe.launcher.code;

import dev.tfe.api.BuiltInModules;
import dev.tfe.runtime.OpModule;
import java.lang.reflect.Constructor;
import java.util.Arrays;

/**
 * A party process's side: accepts an op module's classes only if this process was started with
 * its launcher's {@link CodeKey} and the seal verifies for this party, this session and the
 * coordinator in charge; then defines them in a loader of their own and makes the module with its
 * no-argument constructor. Anything else is refused with a message naming the module: a party
 * started by hand ({@code ./tfe party}) has no key and runs only the modules of its own build.
 */
public final class CodeReceiver {
  private final String party;
  private final CodeKey key;

  /**
   * @param party this party's name
   * @param key the launcher's key, or null for a party that accepts no code
   */
  public CodeReceiver(String party, CodeKey key) {
    this.party = party;
    this.key = key;
  }

  /** Whether this party was started to accept code from its launcher. */
  public boolean acceptsCode() {
    return key != null;
  }

  /**
   * Reads, checks and loads one CODE payload.
   *
   * @return the op module it defines
   * @throws IllegalStateException naming the module and why it is refused
   */
  public OpModule accept(String coordinator, long session, byte[] payload) {
    byte[] bundle = payload.length < CodeKey.SEAL_BYTES ? new byte[0]
        : Arrays.copyOfRange(payload, CodeKey.SEAL_BYTES, payload.length);
    String id = CodeBundle.idOf(bundle);
    if (key == null) {
      throw refused(id, "this party process was not started by its coordinator's launcher, so it loads no code from"
          + " the network; start it with a build that contains the op module '" + id + "'");
    }
    byte[] seal = Arrays.copyOf(payload, Math.min(payload.length, CodeKey.SEAL_BYTES));
    if (payload.length < CodeKey.SEAL_BYTES || !key.verifies(seal, coordinator, party, session, bundle)) {
      throw refused(id, "its seal does not verify: it was not sealed for this party by the launcher that started it"
          + " (or it was altered on the way)");
    }
    CodeBundle b;
    try {
      b = CodeBundle.decode(bundle);
    } catch (IllegalArgumentException e) {
      throw refused(id, e.getMessage());
    }
    if (BuiltInModules.has(b.moduleId())) {
      throw refused(id, "'" + id + "' is a built-in module of this party, which no code from a coordinator replaces");
    }
    OpModule m = instantiate(b);
    if (!m.id().equals(b.moduleId())) {
      throw refused(id, "its class " + b.moduleClass() + " says its id is '" + m.id() + "'");
    }
    return m;
  }

  private OpModule instantiate(CodeBundle b) {
    ClassLoader loader = new ReceivedClassLoader("tfe-module-" + b.moduleId(), b.classes(), CodeReceiver.class.getClassLoader());
    try {
      Class<?> c = Class.forName(b.moduleClass(), true, loader);
      if (!OpModule.class.isAssignableFrom(c)) {
        throw refused(b.moduleId(), c.getName() + " is not an OpModule");
      }
      Constructor<?> k = c.getDeclaredConstructor();
      k.setAccessible(true);
      return (OpModule) k.newInstance();
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      if (e instanceof IllegalStateException ise && ise.getMessage().startsWith(party + " refused")) {
        throw ise;
      }
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw refused(b.moduleId(), "its class " + b.moduleClass() + " cannot be made here: " + cause);
    }
  }

  private IllegalStateException refused(String id, String why) {
    return new IllegalStateException(party + " refused the code of op module '" + id + "' sent by its coordinator: " + why);
  }
}
