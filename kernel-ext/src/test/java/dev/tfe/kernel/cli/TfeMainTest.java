package dev.tfe.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tfe.launcher.cli.CommandRun;

/**
 * The entry point the {@code tfe} script runs: party-launcher's commands and the kernel's in one
 * tree, the kernel's with generated help and usage errors like the others'. (party-launcher's
 * {@code TfeCommandTest} checks its own commands.)
 */
class TfeMainTest {
    static CommandRun tfe(String... args) {
        return CommandRun.of(TfeMain.commandLine(), args);
    }

    @Test
    void theRootListsEveryModulesCommands() {
        CommandRun o = tfe("--help");
        assertEquals(0, o.code(), o.describe());
        for (String c : List.of("demo", "bench", "launch", "party", "keys", "kernel", "help")) {
            assertTrue(o.out().contains("\n  " + c + " "), c + "\n" + o.describe());
        }
    }

    @Test
    void theKernelsCommandsHaveHelp() {
        for (List<String> c : List.of(List.of("kernel"), List.of("kernel", "install"), List.of("kernel", "run"))) {
            String[] args = java.util.stream.Stream.concat(c.stream(), java.util.stream.Stream.of("--help")).toArray(String[]::new);
            CommandRun o = tfe(args);
            assertEquals(0, o.code(), o.describe());
            assertTrue(o.out().contains("Usage: tfe " + String.join(" ", c) + " [-h]"), o.describe());
        }
        assertTrue(tfe("kernel", "install", "--help").out().contains("--prefix=DIR"));
    }

    @Test
    void aKernelCommandMissingSomethingSaysWhat() {
        CommandRun none = tfe("kernel");
        assertEquals(2, none.code(), none.describe());
        assertTrue(none.err().contains("tfe kernel: Missing required subcommand"), none.describe());
        assertTrue(none.err().contains("  install ") && none.err().contains("  run "), "lists them\n" + none.describe());
        CommandRun run = tfe("kernel", "run");
        assertEquals(2, run.code(), run.describe());
        assertTrue(run.err().contains("Missing required parameter: 'CONNECTION_FILE'"), run.describe());
        CommandRun prefix = tfe("kernel", "install", "--prefix");
        assertEquals(2, prefix.code(), prefix.describe());
        assertTrue(prefix.err().contains("tfe kernel install: Missing required parameter for option '--prefix' (DIR)"),
                prefix.describe());
        assertTrue(prefix.err().contains("./tfe kernel install --help explains every option."), prefix.describe());
        CommandRun file = tfe("kernel", "run", "/nonexistent/kernel-1.json");
        assertEquals(2, file.code(), file.describe());
        assertTrue(file.err().contains("no such connection file: /nonexistent/kernel-1.json"), file.describe());
        for (CommandRun o : List.of(none, run, prefix, file)) {
            assertFalse(o.err().contains("\tat "), o.describe());
        }
    }
}
