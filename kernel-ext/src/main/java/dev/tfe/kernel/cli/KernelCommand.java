package dev.tfe.kernel.cli;

import dev.tfe.kernel.KernelRunCommand;
import dev.tfe.kernel.install.KernelInstallCommand;
import dev.tfe.launcher.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ./tfe kernel install|run}: the Java Jupyter kernel's commands. */
@Command(name = "kernel",
        header = "the Java Jupyter kernel: install its kernelspec, or run it",
        subcommands = {KernelInstallCommand.class, KernelRunCommand.class})
public final class KernelCommand {
    @Mixin
    HelpOption help;
}
