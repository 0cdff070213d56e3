package dev.tfe.launcher.cli;

import picocli.CommandLine.Option;

/** The {@code -h, --help} option every {@code tfe} command has (a picocli mixin). */
public final class HelpOption {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;
}
