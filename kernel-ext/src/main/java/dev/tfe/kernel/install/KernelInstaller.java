package dev.tfe.kernel.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Installs this kernel's kernelspec, so that Jupyter lists "Java (tfe-java)"; its command line is
 * {@link KernelInstallCommand}: {@code ./tfe kernel install [--user | --sys-prefix | --prefix DIR] [--name NAME]}.
 *
 * <p>The spec ({@link KernelSpec}) runs the {@code java} and class path of the JVM running the
 * installer, which {@code ./tfe} sets to the project's jars; rebuild-in-place keeps it valid, and
 * moving the checkout needs a new install. It is installed with {@code jupyter kernelspec install}
 * when Jupyter is there, else written straight into the standard place: the user's Jupyter data
 * directory ({@code --user}, the default), Python's {@code sys.prefix/share/jupyter/kernels}
 * ({@code --sys-prefix}) or {@code DIR/share/jupyter/kernels} ({@code --prefix DIR}).
 */
public final class KernelInstaller {
    /** The kernelspec name unless told otherwise. */
    public static final String DEFAULT_NAME = "tfe-java";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final long TOOL_TIMEOUT_SECONDS = 60;

    /** Where to install. */
    public enum Scope {
        /** The user's Jupyter data directory. */
        USER,
        /** Python's {@code sys.prefix}. */
        SYS_PREFIX,
        /** A given prefix. */
        PREFIX
    }

    /**
     * What to install, and where.
     *
     * @param scope       user, sys-prefix or prefix
     * @param prefix      the prefix for {@link Scope#PREFIX}, else null
     * @param name        the kernelspec name
     * @param displayName the menu name
     * @param jvmArgs     extra JVM options
     * @param dryRun      print instead of installing
     */
    public record Options(Scope scope, Path prefix, String name, String displayName, List<String> jvmArgs,
                          boolean dryRun) {

        /**
         * Options for a user install under the default name.
         *
         * @return the options
         */
        public static Options defaults() {
            return new Options(Scope.USER, null, DEFAULT_NAME, KernelSpec.DEFAULT_DISPLAY_NAME, List.of(), false);
        }
    }

    private KernelInstaller() {
    }

    /**
     * Whether {@code name} may name a kernelspec: letters, digits, '.', '_' and '-'.
     *
     * @param name the name
     * @return true if Jupyter accepts it
     */
    public static boolean validName(String name) {
        return NAME.matcher(name).matches();
    }

    /**
     * Installs a kernelspec.
     *
     * @param options where and under which name
     * @param spec    the kernel.json content
     * @return the directory holding the installed kernel.json
     * @throws IOException if it cannot be written
     * @throws IllegalStateException if the spec's class path cannot start the kernel
     */
    public static Path install(Options options, KernelSpec spec) throws IOException {
        spec.checkClasspath();
        Path staging = Files.createTempDirectory("tfe-kernelspec");
        try {
            Path source = staging.resolve(options.name());
            Files.createDirectories(source);
            Files.writeString(source.resolve("kernel.json"), spec.toJson(), StandardCharsets.UTF_8);
            Optional<String> jupyter = JupyterTool.find();
            if (jupyter.isPresent()) {
                Optional<Path> installed = installWithJupyter(jupyter.get(), source, options);
                if (installed.isPresent()) {
                    return installed.get();
                }
            }
            Path target = kernelDir(options, jupyter);
            Files.createDirectories(target);
            Files.writeString(target.resolve("kernel.json"), spec.toJson(), StandardCharsets.UTF_8);
            return target;
        } finally {
            deleteTree(staging);
        }
    }

    private static Optional<Path> installWithJupyter(String jupyter, Path source, Options options) {
        List<String> cmd = new ArrayList<>(List.of(jupyter, "kernelspec", "install", source.toString(),
                "--name", options.name(), "--replace"));
        switch (options.scope()) {
            case USER -> cmd.add("--user");
            case SYS_PREFIX -> cmd.add("--sys-prefix");
            case PREFIX -> {
                cmd.add("--prefix");
                cmd.add(options.prefix().toString());
            }
        }
        Optional<String> out = JupyterTool.run(cmd, TOOL_TIMEOUT_SECONDS);
        if (out.isEmpty()) {
            System.err.println("tfe kernel install: 'jupyter kernelspec install' failed; writing the kernelspec directly");
            return Optional.empty();
        }
        // jupyter prints "[InstallKernelSpec] Installed kernelspec NAME in DIR"
        String text = out.get().strip();
        int at = text.lastIndexOf(" in ");
        return at < 0 ? Optional.empty() : Optional.of(Path.of(text.substring(at + 4).strip()));
    }

    /**
     * The standard directory of a kernelspec, as Jupyter computes it.
     *
     * @param options the scope and name
     * @param jupyter a Jupyter command to ask for paths, if there is one
     * @return {@code .../share/jupyter/kernels/NAME} or the user's equivalent
     */
    static Path kernelDir(Options options, Optional<String> jupyter) {
        Map<String, String> env = System.getenv();
        Path kernels = switch (options.scope()) {
            case PREFIX -> options.prefix().resolve("share/jupyter/kernels");
            case SYS_PREFIX -> Path.of(JupyterTool.pythonSysPrefix()).resolve("share/jupyter/kernels");
            case USER -> {
                if (env.get("JUPYTER_DATA_DIR") != null) {
                    yield Path.of(env.get("JUPYTER_DATA_DIR")).resolve("kernels");
                }
                String xdg = env.get("XDG_DATA_HOME");
                Path data = xdg != null && !xdg.isBlank()
                        ? Path.of(xdg)
                        : Path.of(System.getProperty("user.home"), ".local", "share");
                yield data.resolve("jupyter").resolve("kernels");
            }
        };
        return kernels.resolve(options.name()).toAbsolutePath().normalize();
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
