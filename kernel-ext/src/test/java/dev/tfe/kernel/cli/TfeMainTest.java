package dev.tfe.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The entry point the {@code tfe} script runs: party-launcher's commands and the kernel's in one
 * tree, the kernel's with generated help and usage errors like the others'. (party-launcher's
 * {@code TfeCommandTest} checks its own commands.)
 */
class TfeMainTest {
    record Outcome(int code, String out, String err) {
        String describe() {
            return "exit " + code + "\n--- out:\n" + out + "\n--- err:\n" + err;
        }
    }

    static Outcome tfe(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TfeMain.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void theRootListsEveryModulesCommands() {
        Outcome o = tfe("--help");
        assertEquals(0, o.code(), o.describe());
        for (String c : List.of("demo", "bench", "launch", "party", "keys", "kernel", "help")) {
            assertTrue(o.out().contains("\n  " + c + " "), c + "\n" + o.describe());
        }
    }

    @Test
    void theKernelsCommandsHaveHelp() {
        for (List<String> c : List.of(List.of("kernel"), List.of("kernel", "install"), List.of("kernel", "run"))) {
            String[] args = java.util.stream.Stream.concat(c.stream(), java.util.stream.Stream.of("--help")).toArray(String[]::new);
            Outcome o = tfe(args);
            assertEquals(0, o.code(), o.describe());
            assertTrue(o.out().contains("Usage: tfe " + String.join(" ", c) + " [-h]"), o.describe());
        }
        assertTrue(tfe("kernel", "install", "--help").out().contains("--prefix=DIR"));
    }

    @Test
    void aKernelCommandMissingSomethingSaysWhat() {
        Outcome none = tfe("kernel");
        assertEquals(2, none.code(), none.describe());
        assertTrue(none.err().contains("tfe kernel: Missing required subcommand"), none.describe());
        assertTrue(none.err().contains("  install ") && none.err().contains("  run "), "lists them\n" + none.describe());
        Outcome run = tfe("kernel", "run");
        assertEquals(2, run.code(), run.describe());
        assertTrue(run.err().contains("Missing required parameter: 'CONNECTION_FILE'"), run.describe());
        Outcome prefix = tfe("kernel", "install", "--prefix");
        assertEquals(2, prefix.code(), prefix.describe());
        assertTrue(prefix.err().contains("tfe kernel install: Missing required parameter for option '--prefix' (DIR)"),
                prefix.describe());
        assertTrue(prefix.err().contains("./tfe kernel install --help explains every option."), prefix.describe());
        Outcome file = tfe("kernel", "run", "/nonexistent/kernel-1.json");
        assertEquals(2, file.code(), file.describe());
        assertTrue(file.err().contains("no such connection file: /nonexistent/kernel-1.json"), file.describe());
        for (Outcome o : List.of(none, run, prefix, file)) {
            assertFalse(o.err().contains("\tat "), o.describe());
        }
    }
}
