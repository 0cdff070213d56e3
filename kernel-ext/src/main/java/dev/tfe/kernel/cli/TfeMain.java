package dev.tfe.kernel.cli;

import dev.tfe.launcher.cli.Cli;
import dev.tfe.launcher.command.TfeCommand;
import picocli.CommandLine;

/**
 * The {@code tfe} command line's entry point, which the {@code tfe} script runs: party-launcher's
 * commands ({@link TfeCommand}) and this module's {@code kernel}, in one tree. It lives here
 * because kernel-ext is the module that sees them all (it depends on party-launcher).
 */
public final class TfeMain {
    private TfeMain() {
    }

    /**
     * The whole command line.
     *
     * @return the root command with every subcommand
     */
    public static CommandLine commandLine() {
        return TfeCommand.commandLine(new CommandLine(KernelCommand.class));
    }

    /**
     * Runs {@code ./tfe COMMAND ...} and exits with its code (2 for bad usage).
     *
     * @param args the command and its arguments
     */
    public static void main(String[] args) {
        Cli.logLevelFromEnvironment();
        System.exit(commandLine().execute(args));
    }
}
