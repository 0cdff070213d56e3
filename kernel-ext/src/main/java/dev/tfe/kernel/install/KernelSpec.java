package dev.tfe.kernel.install;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.GsonBuilder;

/**
 * The content of a kernelspec's {@code kernel.json} for this kernel: how Jupyter starts it
 * ({@code java --add-modules jdk.incubator.vector ... -cp ... dev.tfe.kernel.TfeKernel {connection_file}}),
 * the environment it gets ({@code OMP_NUM_THREADS=1}, as {@code ./tfe} gives the demo), its name in
 * menus, its language, and message-based interrupts.
 *
 * @param javaExecutable the {@code java} to run
 * @param jvmArgs        JVM options placed before the class path
 * @param classpath      the class path entries, absolute
 * @param env            environment variables Jupyter sets for the kernel
 * @param displayName    the name shown in Jupyter's menus
 */
public record KernelSpec(Path javaExecutable, List<String> jvmArgs, List<Path> classpath, Map<String, String> env,
                         String displayName) {

    /** The kernel's main class. */
    public static final String MAIN_CLASS = "dev.tfe.kernel.TfeKernel";
    /** The name shown in Jupyter's menus unless told otherwise. */
    public static final String DEFAULT_DISPLAY_NAME = "Java (tfe-java)";
    /**
     * JVM options every kernel gets: the Vector API for the ring kernels, as in the project's other
     * JVMs, and native access for ND4J's libraries (without it, JDK 24 and later print a warning
     * into the first cell that trains).
     */
    public static final List<String> DEFAULT_JVM_ARGS = List.of("--add-modules", "jdk.incubator.vector", "-Xss4m",
            "--enable-native-access=ALL-UNNAMED");
    /**
     * The kernel's environment: one OpenMP thread, as {@code ./tfe demo} runs with; ND4J training
     * in a notebook was 5 to 10 times slower on a busy 2-core machine without it.
     */
    public static final Map<String, String> DEFAULT_ENV = Map.of("OMP_NUM_THREADS", "1");
    /** Classes the kernel cannot start without, as class-file resources. */
    private static final List<String> REQUIRED = List.of(
            MAIN_CLASS.replace('.', '/') + ".class",
            "io/github/spencerpark/jupyter/kernel/BaseKernel.class",
            "dev/tfe/api/Tfe.class");

    /** Copies the collections, so that a spec cannot change after it is made. */
    public KernelSpec {
        jvmArgs = List.copyOf(jvmArgs);
        classpath = List.copyOf(classpath);
        env = Map.copyOf(env);
    }

    /**
     * The spec for a kernel that runs on this JVM's {@code java} with this JVM's class path
     * (less test jars and test classes, which a kernel has no use for).
     *
     * @param extraJvmArgs options added after the defaults (such as {@code -Xmx4g})
     * @param displayName  the menu name
     * @return the spec
     */
    public static KernelSpec forThisJvm(List<String> extraJvmArgs, String displayName) {
        List<Path> cp = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank() && !isTestEntry(entry)) {
                cp.add(Path.of(entry).toAbsolutePath().normalize());
            }
        }
        List<String> args = new ArrayList<>(jvmArgsFor(Runtime.version().feature()));
        args.addAll(extraJvmArgs);
        return new KernelSpec(Path.of(System.getProperty("java.home"), "bin", "java"), args, cp, DEFAULT_ENV,
                displayName);
    }

    /**
     * The default JVM options for a {@code java} of a given feature version: {@link #DEFAULT_JVM_ARGS},
     * and from Java 23 on {@code --sun-misc-unsafe-memory-access=allow} (ND4J's JavaCPP uses
     * {@code sun.misc.Unsafe}; Java 17 does not know the option and would not start).
     *
     * @param feature the Java feature version, such as 17 or 25
     * @return the options
     */
    public static List<String> jvmArgsFor(int feature) {
        List<String> args = new ArrayList<>(DEFAULT_JVM_ARGS);
        if (feature >= 23) {
            args.add("--sun-misc-unsafe-memory-access=allow");
        }
        return args;
    }

    private static boolean isTestEntry(String entry) {
        String name = Path.of(entry).getFileName() == null ? entry : Path.of(entry).getFileName().toString();
        return name.endsWith("-tests.jar") || name.equals("test-classes");
    }

    /**
     * Checks that the class path holds the kernel and what it needs, so that a kernel.json
     * that cannot start is never installed.
     *
     * @throws IllegalStateException naming the missing classes and what to do
     */
    public void checkClasspath() {
        List<URL> urls = new ArrayList<>();
        for (Path p : classpath) {
            try {
                urls.add(p.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalStateException("class path entry " + p + " is not a valid path", e);
            }
        }
        List<String> missing = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), null)) {
            for (String resource : REQUIRED) {
                if (loader.findResource(resource) == null) {
                    missing.add(resource.replace('/', '.').replaceAll("\\.class$", ""));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the class path: " + e.getMessage(), e);
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the kernel's class path lacks " + String.join(", ", missing)
                    + "; rebuild with ./tfe build (or mvn -B -DskipTests install) and install again."
                    + " Class path: " + classpath);
        }
    }

    /**
     * The command line Jupyter runs, with {@code {connection_file}} for it to fill in.
     *
     * @return the argv
     */
    public List<String> argv() {
        List<String> argv = new ArrayList<>();
        argv.add(javaExecutable.toString());
        argv.addAll(jvmArgs);
        argv.add("-cp");
        argv.add(String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        argv.add(MAIN_CLASS);
        argv.add("{connection_file}");
        return argv;
    }

    /**
     * The {@code kernel.json} text.
     *
     * @return pretty-printed JSON
     */
    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("argv", argv());
        json.put("display_name", displayName);
        json.put("language", "java");
        json.put("interrupt_mode", "message");
        json.put("env", new java.util.TreeMap<>(env));
        json.put("metadata", Map.of("debugger", false));
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json) + "\n";
    }
}
