package dev.tfe.launcher.code;

import dev.tfe.api.BuiltInModules;
import dev.tfe.runtime.Kernels;
import dev.tfe.runtime.OpModule;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The coordinator's side: before a run, the sealed bundles of the op modules a party's plan names
 * that are not built in, each sent once per party and session, and again when the session's
 * module was defined anew (a cell run again). Sends nothing without a key: the coordinator of
 * parties it did not launch never offers them code.
 */
public final class CodeShipper {
  private record Captured(OpModule module, byte[] bundle, String digest) {}

  private volatile CodeKey key;
  private final Map<String, Captured> captured = new ConcurrentHashMap<>();
  /** Session, party, then module id to the digest sent. */
  private final Map<Long, Map<String, Map<String, String>>> sent = new ConcurrentHashMap<>();

  /** Seals code with {@code key} from now on (null: send none). */
  public void useKey(CodeKey key) {
    this.key = key;
  }

  /**
   * The CODE payloads to send to {@code party} before a run of a plan that names {@code modules}.
   *
   * @param kernels the session's op set, where the modules are found (null: none to send)
   * @throws IllegalArgumentException if a module cannot be sent (see {@link ModuleCode#capture})
   */
  public List<byte[]> payloads(String coordinator, long session, String party, List<String> modules, Kernels kernels) {
    CodeKey k = key;
    if (k == null || kernels == null) {
      return List.of();
    }
    List<byte[]> out = new ArrayList<>();
    Map<String, String> done = sent.computeIfAbsent(session, s -> new ConcurrentHashMap<>())
        .computeIfAbsent(party, p -> new ConcurrentHashMap<>());
    for (String id : modules) {
      if (BuiltInModules.has(id)) {
        continue;
      }
      OpModule m = kernels.module(id).orElse(null);
      if (m == null) {
        continue;
      }
      Captured c = captured.compute(id, (i, old) -> old != null && old.module() == m ? old : capture(m));
      if (!c.digest().equals(done.get(id))) {
        out.add(k.sealed(coordinator, party, session, c.bundle()));
        done.put(id, c.digest());
      }
    }
    return out;
  }

  /** Forgets what was sent in {@code session}. */
  public void endSession(long session) {
    sent.remove(session);
  }

  private static Captured capture(OpModule m) {
    byte[] bundle = ModuleCode.capture(m).encode();
    try {
      return new Captured(m, bundle, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bundle)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
