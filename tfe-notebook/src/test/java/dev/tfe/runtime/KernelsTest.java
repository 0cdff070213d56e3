package dev.tfe.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.ring.RingTensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A session's op set (issue 12, item 5): a module installed twice is installed once; a new
 * definition of a module (a class of the same simple name, as a notebook cell run again makes)
 * replaces the old one's kernels; another module claiming an id or an op is refused with both
 * names, and the op set is left as it was.
 */
class KernelsTest {

  /** The first definition of a module "demo": op demo.f adds one. */
  static final class First {
    static final class Demo implements OpModule {
      @Override
      public String id() {
        return "demo";
      }

      @Override
      public void registerInto(Kernels k) {
        k.register("demo.f", (n, in, p) -> RingTensor.of(new long[] {1}, 1));
        k.register("demo.g", (n, in, p) -> RingTensor.of(new long[] {1}, 1));
      }
    }
  }

  /** A new definition of the same module: op demo.f returns two, demo.g is gone. */
  static final class Second {
    static final class Demo implements OpModule {
      @Override
      public String id() {
        return "demo";
      }

      @Override
      public void registerInto(Kernels k) {
        k.register("demo.f", (n, in, p) -> RingTensor.of(new long[] {2}, 1));
      }
    }
  }

  /** Another module that claims op demo.f. */
  static final class Thief implements OpModule {
    @Override
    public String id() {
      return "thief";
    }

    @Override
    public void registerInto(Kernels k) {
      k.register("thief.h", (n, in, p) -> RingTensor.of(new long[] {3}, 1));
      k.register("demo.f", (n, in, p) -> RingTensor.of(new long[] {3}, 1));
    }
  }

  /** Another module with the id "demo" and another class name. */
  static final class Impostor implements OpModule {
    @Override
    public String id() {
      return "demo";
    }

    @Override
    public void registerInto(Kernels k) {}
  }

  private static long value(Kernels k, String op) {
    return k.get(op).apply(null, new RingTensor[0], null).data()[0];
  }

  @Test
  void aNewDefinitionReplacesTheOldOneAndAnotherClaimantIsRefused() {
    Kernels k = Kernels.of(new First.Demo());
    Kernel f = k.get("demo.f");
    k.install(new First.Demo());
    assertSame(f, k.get("demo.f"), "the same module again changes nothing");
    assertEquals(1, value(k, "demo.f"));

    k.install(new Second.Demo());
    assertEquals(2, value(k, "demo.f"), "the new definition's kernel runs");
    assertFalse(k.has("demo.g"), "the old definition's other ops are gone");
    assertEquals(List.of("ring", "demo"), k.moduleIds());
    assertTrue(k.module("demo").orElseThrow() instanceof Second.Demo);

    IllegalStateException e = assertThrows(IllegalStateException.class, () -> k.install(new Thief()));
    assertTrue(e.getMessage().contains("'demo.f'") && e.getMessage().contains("'demo'")
        && e.getMessage().contains("'thief'"), e.getMessage());
    assertFalse(k.has("thief.h"), "a refused module leaves nothing behind");
    assertEquals(2, value(k, "demo.f"));
    assertEquals(List.of("ring", "demo"), k.moduleIds());

    e = assertThrows(IllegalStateException.class, () -> k.install(new Impostor()));
    assertTrue(e.getMessage().contains("is taken by") && e.getMessage().contains("Impostor"), e.getMessage());
  }
}
