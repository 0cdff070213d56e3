package dev.tfe.kernel.install;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.tfe.launcher.cli.HelpOption;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./tfe kernel install [--user | --sys-prefix | --prefix DIR] [--name NAME]
 * [--display-name TEXT] [--jvm-arg ARG]... [--dry-run]}: installs the kernelspec with
 * {@link KernelInstaller}, or with {@code --dry-run} prints it and where it would go.
 */
@Command(name = "install",
        header = "install the Java Jupyter kernel (its kernelspec) for Jupyter",
        sortOptions = false,
        description = {"Installs the Java Jupyter kernel's kernelspec, so that Jupyter lists \"Java (tfe-java)\": it runs "
                + "the java and the class path of this command (this checkout's jars; after moving the checkout, install "
                + "again). Uses 'jupyter kernelspec install' when Jupyter is there, else writes kernel.json straight into "
                + "the standard directory."})
public final class KernelInstallCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true)
    Where where = new Where();

    @Option(names = "--name", paramLabel = "NAME", defaultValue = KernelInstaller.DEFAULT_NAME,
            description = "kernelspec name: letters, digits, '.', '_' and '-' (default: ${DEFAULT-VALUE})")
    String name;

    @Option(names = "--display-name", paramLabel = "TEXT", defaultValue = KernelSpec.DEFAULT_DISPLAY_NAME,
            description = "name in Jupyter's menus (default: \"${DEFAULT-VALUE}\")")
    String displayName;

    @Option(names = "--jvm-arg", paramLabel = "ARG",
            description = "extra JVM option for the kernel, such as -Xmx4g (repeatable)")
    List<String> jvmArgs = new ArrayList<>();

    @Option(names = "--dry-run", description = "print kernel.json and where it would go; install nothing")
    boolean dryRun;

    /** Where to install: one of three. */
    static final class Where {
        @Option(names = "--user", description = "install for this user (default): ~/.local/share/jupyter/kernels/NAME")
        boolean user;

        @Option(names = "--sys-prefix", description = "install into Python's sys.prefix/share/jupyter/kernels")
        boolean sysPrefix;

        @Option(names = "--prefix", paramLabel = "DIR", description = "install into DIR/share/jupyter/kernels")
        Path prefix;
    }

    /**
     * The options that {@code args} give, as {@code ./tfe kernel install} reads them.
     *
     * @param args the arguments after {@code install}
     * @return the options
     * @throws ParameterException saying what is wrong, if the arguments are
     */
    public static KernelInstaller.Options parse(String... args) {
        KernelInstallCommand c = new KernelInstallCommand();
        new CommandLine(c).parseArgs(args);
        return c.options();
    }

    private KernelInstaller.Options options() {
        if (!KernelInstaller.validName(name)) {
            throw new ParameterException(spec.commandLine(),
                    "kernel name '" + name + "' may use only letters, digits, '.', '_' and '-'");
        }
        KernelInstaller.Scope scope = where.prefix != null ? KernelInstaller.Scope.PREFIX
                : where.sysPrefix ? KernelInstaller.Scope.SYS_PREFIX : KernelInstaller.Scope.USER;
        Path prefix = where.prefix == null ? null : where.prefix.toAbsolutePath().normalize();
        return new KernelInstaller.Options(scope, prefix, name, displayName, List.copyOf(jvmArgs), dryRun);
    }

    @Override
    public Integer call() throws IOException {
        KernelInstaller.Options options = options();
        KernelSpec spec = KernelSpec.forThisJvm(options.jvmArgs(), options.displayName());
        if (options.dryRun()) {
            System.out.println("would install into " + KernelInstaller.kernelDir(options, Optional.empty()));
            System.out.print(spec.toJson());
            return 0;
        }
        Path dir = KernelInstaller.install(options, spec);
        System.out.println("Installed kernelspec " + options.name() + " in " + dir);
        System.out.println("Pick \"" + options.displayName() + "\" in Jupyter, or run: jupyter console --kernel "
                + options.name());
        return 0;
    }
}
