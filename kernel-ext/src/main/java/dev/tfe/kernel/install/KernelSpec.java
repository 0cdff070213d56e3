package dev.tfe.kernel.install;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.GsonBuilder;

/**
 * The content of a kernelspec's {@code kernel.json} for this kernel: how Jupyter starts it
 * ({@code java --add-modules jdk.incubator.vector -cp ... dev.tfe.kernel.TfeKernel {connection_file}}),
 * its name in menus, its language, and message-based interrupts.
 *
 * @param javaExecutable the {@code java} to run
 * @param jvmArgs        JVM options placed before the class path
 * @param classpath      the class path entries, absolute
 * @param displayName    the name shown in Jupyter's menus
 */
public record KernelSpec(Path javaExecutable, List<String> jvmArgs, List<Path> classpath, String displayName) {

    /** The kernel's main class. */
    public static final String MAIN_CLASS = "dev.tfe.kernel.TfeKernel";
    /** The name shown in Jupyter's menus unless told otherwise. */
    public static final String DEFAULT_DISPLAY_NAME = "Java (tfe-java)";
    /** JVM options every kernel gets: the Vector API for the ring kernels, as in the project's other JVMs. */
    public static final List<String> DEFAULT_JVM_ARGS = List.of("--add-modules", "jdk.incubator.vector", "-Xss4m");

    /**
     * The spec for a kernel that runs on this JVM's {@code java} with this JVM's class path.
     *
     * @param extraJvmArgs options added after the defaults (such as {@code -Xmx4g})
     * @param displayName  the menu name
     * @return the spec
     */
    public static KernelSpec forThisJvm(List<String> extraJvmArgs, String displayName) {
        List<Path> cp = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                cp.add(Path.of(entry).toAbsolutePath().normalize());
            }
        }
        List<String> args = new ArrayList<>(DEFAULT_JVM_ARGS);
        args.addAll(extraJvmArgs);
        return new KernelSpec(Path.of(System.getProperty("java.home"), "bin", "java"), args, cp, displayName);
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
        json.put("env", Map.of());
        json.put("metadata", Map.of("debugger", false));
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json) + "\n";
    }
}
