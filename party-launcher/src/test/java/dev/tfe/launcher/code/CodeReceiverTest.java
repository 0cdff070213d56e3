package dev.tfe.launcher.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.ring.RingTensor;
import dev.tfe.runtime.Kernels;
import dev.tfe.runtime.OpModule;
import org.junit.jupiter.api.Test;

/**
 * Code a launcher sends its parties (issue 12, item 5), without processes: a module's classes are
 * read from its loader and made anew on the party side; a party without the launcher's key, a
 * seal made with another key, for another party or session, or a bundle altered after sealing,
 * is refused with the module's id; built-in ids and lambdas are refused too.
 */
class CodeReceiverTest {

  /** A module of this test's code base: op {@code celltest.triple} triples its input. */
  static final class Triple implements OpModule {
    @Override
    public String id() {
      return "celltest";
    }

    @Override
    public void registerInto(Kernels k) {
      k.register("celltest.triple", (n, in, p) -> in[0].add(in[0]).add(in[0]));
    }
  }

  private static final String COORDINATOR = "coordinator@abc";

  @Test
  void aSealedModuleIsMadeAnewOnThePartyThatHasTheKey() {
    CodeKey key = CodeKey.random();
    byte[] bundle = ModuleCode.capture(new Triple()).encode();
    CodeBundle decoded = CodeBundle.decode(bundle);
    assertEquals("celltest", decoded.moduleId());
    assertTrue(decoded.classes().containsKey(Triple.class.getName()), decoded.classes().keySet().toString());
    assertFalse(decoded.classes().keySet().stream().anyMatch(c -> c.startsWith("dev.tfe.runtime.")),
        "library classes are not sent: " + decoded.classes().keySet());

    OpModule m = new CodeReceiver("server0", key).accept(COORDINATOR, 7, key.sealed(COORDINATOR, "server0", 7, bundle));
    assertEquals("celltest", m.id());
    assertNotSame(Triple.class, m.getClass(), "made from the received bytes, in a loader of its own");
    assertEquals(Triple.class.getName(), m.getClass().getName());
    Kernels k = Kernels.of(m);
    long[] out = k.get("celltest.triple").apply(null, new RingTensor[] {RingTensor.of(new long[] {5, -2}, 2)}, null).data();
    assertEquals(15, out[0]);
    assertEquals(-6, out[1]);
  }

  @Test
  void everythingElseIsRefusedWithTheModulesId() {
    CodeKey key = CodeKey.random();
    byte[] bundle = ModuleCode.capture(new Triple()).encode();
    byte[] good = key.sealed(COORDINATOR, "server0", 7, bundle);

    String untrusted = refusal(new CodeReceiver("server0", null), COORDINATOR, 7, good);
    assertTrue(untrusted.contains("'celltest'") && untrusted.contains("loads no code from the network")
        && untrusted.contains("start it with a build that contains"), untrusted);

    CodeReceiver party = new CodeReceiver("server0", key);
    assertTrue(refusal(party, COORDINATOR, 7, CodeKey.random().sealed(COORDINATOR, "server0", 7, bundle))
        .contains("seal does not verify"));
    assertTrue(refusal(party, COORDINATOR, 8, good).contains("seal does not verify"), "another session");
    assertTrue(refusal(party, "coordinator@other", 7, good).contains("seal does not verify"), "another coordinator");
    assertTrue(refusal(new CodeReceiver("server1", key), COORDINATOR, 7, good).contains("seal does not verify"),
        "another party");
    byte[] tampered = good.clone();
    tampered[tampered.length - 5] ^= 1;
    String t = refusal(party, COORDINATOR, 7, tampered);
    assertTrue(t.contains("'celltest'") && t.contains("seal does not verify"), t);
    assertTrue(refusal(party, COORDINATOR, 7, new byte[3]).contains("seal does not verify"));

    OpModule lambdaLike = new OpModule() {
      @Override
      public String id() {
        return "anon";
      }

      @Override
      public void registerInto(Kernels k) {}
    };
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModuleCode.capture(lambdaLike));
    assertTrue(e.getMessage().contains("'anon'") && e.getMessage().contains("named class"), e.getMessage());
  }

  @Test
  void aBuiltInModuleIsNeverReplacedByReceivedCode() {
    CodeKey key = CodeKey.random();
    byte[] bundle = new CodeBundle("securenn", Triple.class.getName(),
        CodeBundle.decode(ModuleCode.capture(new Triple()).encode()).classes()).encode();
    String m = refusal(new CodeReceiver("server0", key), COORDINATOR, 1, key.sealed(COORDINATOR, "server0", 1, bundle));
    assertTrue(m.contains("built-in"), m);
  }

  private static String refusal(CodeReceiver r, String coordinator, long session, byte[] payload) {
    return assertThrows(IllegalStateException.class, () -> r.accept(coordinator, session, payload)).getMessage();
  }
}
