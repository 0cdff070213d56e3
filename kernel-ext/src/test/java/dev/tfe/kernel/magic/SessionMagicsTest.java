package dev.tfe.kernel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import dev.tfe.api.Tfe;
import dev.tfe.kernel.jshell.CellEvaluator;
import dev.tfe.kernel.jshell.EvaluationException;
import dev.tfe.launcher.ProcessRuntime;
import dev.tfe.runtime.InProcessRuntime;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class SessionMagicsTest {

    @Test
    void partiesListsEveryPartyAsAThreadOfThisJvm() throws Exception {
        try (Tfe tfe = Tfe.local()) {
            tfe.party("model-owner");
            String out = new SessionMagics(() -> Optional.of(tfe)).parties(List.of());
            long pid = ProcessHandle.current().pid();
            assertTrue(out.startsWith("runtime: in-process (kernel JVM pid " + pid + ")"), out);
            for (String p : List.of("server0", "server1", "server2", "model-owner")) {
                assertTrue(out.contains(p), out);
            }
            assertTrue(out.contains("crypto producer"), out);
            assertTrue(out.contains("input/output party"), out);
            assertEquals(5, out.lines().count(), out);
        }
    }

    @Test
    void withoutASessionTheMagicsSaySoAndChangeNothing() throws Exception {
        SessionMagics m = new SessionMagics(Optional::empty);
        assertEquals(SessionMagics.NO_SESSION + "\n", m.parties(List.of()));
        assertEquals(SessionMagics.NO_SESSION + "\n", m.launch(List.of("local")));
        assertTrue(SessionMagics.NO_SESSION.contains("Tfe.local()"));
    }

    @Test
    void badArgumentsGetTheUsage() {
        SessionMagics m = new SessionMagics(Optional::empty);
        for (List<String> args : List.of(List.<String>of(), List.of("remote"), List.of("local", "now"))) {
            EvaluationException e = assertThrows(EvaluationException.class, () -> m.launch(args));
            assertTrue(e.getMessage().contains("%launch local") && e.getMessage().contains("%launch stop"),
                    e.getMessage());
        }
        EvaluationException e = assertThrows(EvaluationException.class, () -> m.parties(List.of("x")));
        assertTrue(e.getMessage().startsWith("usage: %parties"), e.getMessage());
    }

    @Test
    void stopWhenInProcessKeepsTheRuntime() throws Exception {
        try (Tfe tfe = Tfe.local()) {
            var before = tfe.runtime();
            String out = new SessionMagics(() -> Optional.of(tfe)).launch(List.of("stop"));
            assertTrue(out.startsWith("already in-process"), out);
            assertSame(before, tfe.runtime());
        }
    }

    @Test
    void theMagicsActOnTheLastTfeVariableOfTheCells() throws Exception {
        try (CellEvaluator cells = CellEvaluator.create()) {
            assertTrue(SessionMagics.lastSession(cells).isEmpty());
            Tfe a = (Tfe) cells.eval("var a = Tfe.local(); a").orElseThrow();
            assertSame(a, SessionMagics.lastSession(cells).orElseThrow());
            Tfe b = (Tfe) cells.eval("Tfe b = Tfe.local(); b").orElseThrow();
            cells.eval("int n = 3;");
            assertSame(b, SessionMagics.lastSession(cells).orElseThrow());
            cells.eval("/* a new definition of a */ var a = Tfe.local();");
            Tfe a2 = SessionMagics.lastSession(cells).orElseThrow();
            assertTrue(a2 != a && a2 != b, "the variable declared last wins");
            cells.eval("a.close(); b.close();");
            a.close();
        }
    }

    @Test
    void theMagicsAreRegistered() {
        String listing = new KernelMagics(null).listing();
        assertTrue(listing.contains("%parties") && listing.contains("%launch"), listing);
    }

    @Tag("processes")
    @Test
    void launchLocalStartsProcessesAndStopGoesBackToThreads() throws Exception {
        try (Tfe tfe = Tfe.local()) {
            SessionMagics m = new SessionMagics(() -> Optional.of(tfe));
            String out = m.launch(List.of("local"));
            assertInstanceOf(ProcessRuntime.class, tfe.runtime());
            assertTrue(out.contains("server0") && out.contains("pid ") && out.contains("127.0.0.1:"), out);
            assertTrue(m.parties(List.of()).startsWith("runtime: party processes"));
            out = m.launch(List.of("stop"));
            assertTrue(out.startsWith("stopped the party processes"), out);
            assertInstanceOf(InProcessRuntime.class, tfe.runtime());
        }
    }
}
