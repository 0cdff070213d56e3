package dev.tfe.api;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.fixedpoint.FixedPoint;
import dev.tfe.graph.Ops;
import dev.tfe.protocol.Parties;
import dev.tfe.protocol.ProtocolModule;
import dev.tfe.protocol.plain.PlainModule;
import dev.tfe.protocol.plain.PlainProtocol;
import org.junit.jupiter.api.Test;

/**
 * {@code tfe.use(module)} per module id (issue 12, item 5): the same module again gives the same
 * protocol object; a new definition (a class of the same simple name, as a notebook cell run again
 * makes) gives a new one that replaces it; another module with the id is refused.
 */
class ProtocolRegistryTest {

  static final class FirstCell {
    record Mine() implements ProtocolModule<PlainProtocol> {
      @Override
      public String id() {
        return "mine";
      }

      @Override
      public PlainProtocol create(Ops ops, FixedPoint fp, Parties parties) {
        return PlainModule.INSTANCE.create(ops, fp, parties);
      }
    }
  }

  static final class SecondCell {
    record Mine() implements ProtocolModule<PlainProtocol> {
      @Override
      public String id() {
        return "mine";
      }

      @Override
      public PlainProtocol create(Ops ops, FixedPoint fp, Parties parties) {
        return PlainModule.INSTANCE.create(ops, fp, parties);
      }
    }
  }

  record Other() implements ProtocolModule<PlainProtocol> {
    @Override
    public String id() {
      return "mine";
    }

    @Override
    public PlainProtocol create(Ops ops, FixedPoint fp, Parties parties) {
      return PlainModule.INSTANCE.create(ops, fp, parties);
    }
  }

  @Test
  void oneProtocolPerIdANewDefinitionReplacesItAnotherModuleIsRefused() {
    try (Tfe tfe = Tfe.local()) {
      PlainProtocol first = tfe.use(new FirstCell.Mine());
      assertSame(first, tfe.use(new FirstCell.Mine()));
      PlainProtocol second = tfe.use(new SecondCell.Mine());
      assertNotSame(first, second);
      assertSame(second, tfe.use(new SecondCell.Mine()));
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> tfe.use(new Other()));
      assertTrue(e.getMessage().contains("'mine' is taken by") && e.getMessage().contains("Other"), e.getMessage());
    }
  }
}
