package dev.tfe.launcher.command;

import dev.tfe.launcher.bench.BenchCommand;
import dev.tfe.launcher.cli.Cli;
import dev.tfe.launcher.cli.HelpOption;
import dev.tfe.launcher.cli.KeysMain;
import dev.tfe.launcher.cli.LaunchMain;
import dev.tfe.launcher.demo.DemoMain;
import dev.tfe.launcher.party.PartyMain;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The root of the {@code tfe} command line: {@code ./tfe COMMAND [OPTIONS]}, one subcommand per
 * program of this module (demo, the benchmarks, launch, party, keys) and {@code help}. The Jupyter
 * kernel's commands live in kernel-ext, which depends on this module, so kernel-ext's entry point
 * ({@code dev.tfe.kernel.cli.TfeMain}) adds them through {@link #commandLine(CommandLine...)}.
 * Build, test, classpath and run are the {@code tfe} script's own (they need Maven or the source
 * launcher); the usage lists them in its footer.
 */
@Command(name = "tfe", sortOptions = false,
    description = {"tfe-java's command line: private prediction and training with Pond, SecureNN, FSS and ABY3."},
    footer = {"", "Commands of the tfe script itself:",
        "  build                 (re)build the jars",
        "  test [MVN ARGS]       every test (mvn -B verify)",
        "  classpath             print the library's runtime class path",
        "  run File.java [ARGS]  run a single-file program of yours with the library",
        "",
        "Environment:",
        "  JAVA_HOME      the Java to use (else java on the PATH; 17 or newer)",
        "  TFE_JAVA_OPTS  JVM options replacing the heap setting (default -Xmx8g;",
        "                 launch and party -Xmx2g, keys -Xmx256m)",
        "  TFE_LOG        trace, debug, info, warn, error or off: the level of the",
        "                 libraries' SLF4J logging (default: warnings only)",
        "  TFE_NO_BUILD   set: fail instead of building when the jars are stale",
        "",
        "./tfe COMMAND --help shows a command's options."})
public final class TfeCommand implements Callable<Integer> {
  @Mixin
  HelpOption help;

  @Spec
  CommandSpec spec;

  /**
   * The whole command line: this module's commands, then {@code more} (kernel-ext's), then
   * {@code help}.
   */
  public static CommandLine commandLine(CommandLine... more) {
    CommandLine tfe = new CommandLine(new TfeCommand());
    tfe.addSubcommand(new CommandLine(DemoMain.class));
    tfe.addSubcommand(BenchCommand.commandLine());
    tfe.addSubcommand(new CommandLine(LaunchMain.class));
    tfe.addSubcommand(new CommandLine(PartyMain.class));
    tfe.addSubcommand(new CommandLine(KeysMain.class));
    for (CommandLine c : more) {
      tfe.addSubcommand(c);
    }
    tfe.addSubcommand(new CommandLine(new HelpCommand()));
    return Cli.configure(tfe);
  }

  /** {@code ./tfe} alone: the usage. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
