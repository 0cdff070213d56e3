package dev.tfe.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.fixedpoint.FixedPoint;
import dev.tfe.graph.Ops;
import dev.tfe.protocol.Parties;
import dev.tfe.protocol.ProtocolModule;
import dev.tfe.protocol.plain.PlainModule;
import dev.tfe.protocol.plain.PlainProtocol;
import dev.tfe.protocol.securenn.SecureNn;
import dev.tfe.protocol.securenn.SecureNnModule;
import dev.tfe.runtime.Kernels;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Registering protocol modules with a session, and op sets built from module ids (issue 12). */
class ProtocolModulesTest {

  @Test
  void registeringAModuleInstallsItsKernelsOnceAndReturnsTheSameProtocol() {
    try (Tfe tfe = Tfe.local()) {
      assertEquals(List.of("ring"), tfe.session().kernels().moduleIds());
      SecureNn a = tfe.use(SecureNnModule.interactive());
      SecureNn b = tfe.use(SecureNnModule.interactive());
      assertSame(a, b);
      assertSame(a, tfe.secureNn());
      assertEquals(List.of("ring", "share", "securenn"), tfe.session().kernels().moduleIds());
      assertTrue(tfe.session().kernels().has("snn.pc"));
    }
  }

  @Test
  void twoSessionsHaveTheirOwnOpSets() {
    try (Tfe a = Tfe.local(); Tfe b = Tfe.local()) {
      a.secureNn();
      assertTrue(a.session().kernels().has("snn.pc"));
      assertTrue(!b.session().kernels().has("snn.pc"));
    }
  }

  @Test
  void partyProcessesBuildTheirOpSetFromModuleIds() {
    Kernels k = BuiltInModules.kernelsFor(List.of("ring", "share", "securenn"));
    assertTrue(k.has("snn.zp.bits"));
    assertTrue(k.has("snn.rows"));
    assertTrue(BuiltInModules.kernelsFor(List.of("aby3")).has("aby3.and"), "ABY3's kernels are built in");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> BuiltInModules.kernelsFor(List.of("fancy3pc")));
    assertTrue(e.getMessage().contains("'fancy3pc'"), e.getMessage());
  }

  @Test
  void partiesHaveAnyNumberOfNamedRoles() {
    Parties four = Parties.of(java.util.Map.of("p0", "alice", "p1", "bob", "p2", "carol", "p3", "dave"));
    assertEquals(4, four.roles().size());
    assertEquals("carol", four.party("p2"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, four::server0);
    assertTrue(e.getMessage().contains("no party plays role 'server0'"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Parties.of(java.util.Map.of("a", "x", "b", "x")));
    assertEquals("server2", Parties.DEFAULT.cryptoProducer());
  }

  @Test
  void aModuleWhoseRolesTheSessionLacksIsRefusedByName() {
    ProtocolModule<PlainProtocol> fourParty = new ProtocolModule<>() {
      @Override
      public String id() {
        return "four-party";
      }

      @Override
      public List<String> roles() {
        return List.of("server0", "server3");
      }

      @Override
      public PlainProtocol create(Ops ops, FixedPoint fp, Parties parties) {
        return PlainModule.INSTANCE.create(ops, fp, parties);
      }
    };
    try (Tfe tfe = Tfe.local()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tfe.use(fourParty));
      assertTrue(e.getMessage().contains("'server3'"), e.getMessage());
    }
  }
}
