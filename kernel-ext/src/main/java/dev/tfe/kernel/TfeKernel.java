package dev.tfe.kernel;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.tfe.kernel.display.DisplaySink;
import dev.tfe.kernel.display.TfeRenderers;
import dev.tfe.kernel.jshell.CellEvaluator;
import dev.tfe.kernel.jshell.CodeAnalysis;
import dev.tfe.kernel.jshell.ErrorFormatter;
import dev.tfe.kernel.magic.MagicLines;
import dev.tfe.launcher.cli.Cli;
import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import io.github.spencerpark.jupyter.messages.Header;
import io.github.spencerpark.jupyter.messages.MessageType;

/**
 * The tfe-java Jupyter kernel: Java cells run by JShell in this JVM, on jupyter-jvm-basekernel.
 *
 * <p>While a cell runs, {@code System.out} and {@code System.err} stream to the notebook; the
 * value of its last expression is shown through the {@link Renderer} (with the library's
 * renderers from {@link TfeRenderers}); {@code display(x)} shows values at once; long work
 * (private prediction, training) shows its progress and loss curve in the cell, updated in place
 * ({@link dev.tfe.kernel.display.NotebookProgress}). Completion,
 * inspection (shift-tab), completeness checks and interrupts (the kernelspec's
 * {@code interrupt_mode} is {@code message}) are answered from JShell.
 *
 * <p>Started by Jupyter through the kernelspec that {@code ./tfe kernel install} writes:
 * {@code java ... dev.tfe.kernel.TfeKernel <connection_file>}.
 */
public final class TfeKernel extends BaseKernel {
    private final CellRunner runner;
    private final LanguageInfo languageInfo;

    /** Creates a kernel whose cells compile against this JVM's class path. */
    public TfeKernel() {
        this(new CellRunner(CellEvaluator.create()));
    }

    /**
     * Creates a kernel around a cell runner, and makes it the target of {@code display(x)}.
     *
     * @param runner runs the cells
     */
    public TfeKernel(CellRunner runner) {
        super(StandardCharsets.UTF_8);
        this.runner = runner;
        TfeRenderers.register(getRenderer());
        this.languageInfo = new LanguageInfo.Builder("java")
                .version(Runtime.version().toString())
                .mimetype("text/x-java-source")
                .fileExtension(".jshell")
                .pygments("java")
                .codemirror("text/x-java")
                .build();
        DisplaySink.install(new KernelSink());
        dev.tfe.progress.Progress.install(new dev.tfe.kernel.display.NotebookProgress());
    }

    /**
     * The cell runner, to register magics or reach the evaluator.
     *
     * @return the runner
     */
    public CellRunner runner() {
        return runner;
    }

    /**
     * Serves a connection with basekernel's handlers, except that {@code kernel_info} and
     * {@code interrupt} replies carry the status field that current front ends expect, and that
     * history requests get an (empty) answer rather than none, which would leave a console waiting.
     */
    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
        connection.setHandler(MessageType.KERNEL_INFO_REQUEST, (env, request) -> {
            env.setBusyDeferIdle();
            env.reply(new StatusReplies.KernelInfo(Header.PROTOCOL_VERISON, KERNEL_META.get("project"),
                    KERNEL_META.get("version"), getLanguageInfo(), getBanner(), getHelpLinks()));
        });
        connection.setHandler(MessageType.HISTORY_REQUEST, (env, request) -> {
            env.setBusyDeferIdle();
            env.reply(new StatusReplies.EmptyHistory());
        });
        connection.setHandler(MessageType.INTERRUPT_REQUEST, (env, request) -> {
            env.setBusyDeferIdle();
            env.defer().reply(new StatusReplies.Interrupt());
            interrupt();
        });
    }

    @Override
    public DisplayData eval(String code) throws Exception {
        String cellName = "In [" + (executionCount.get() - 1) + "]";
        Optional<Object> value = runner.run(code, cellName);
        return value.map(this::render).orElse(null);
    }

    /**
     * Renders a cell's value; the plain text of classes declared in cells loses JShell's wrapper
     * name ({@code Point@1b6d3586}, not {@code REPL.$JShell$12$Point@1b6d3586}).
     */
    private DisplayData render(Object value) {
        DisplayData data = TfeRenderers.render(getRenderer(), value);
        Object text = data.getData(MIMEType.TEXT_PLAIN);
        if (text instanceof String) {
            data.putText(ErrorFormatter.cleanName((String) text));
        }
        return data;
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        return runner.evaluator().analysis().inspect(MagicLines.blankOut(code), at).map(DisplayData::new).orElse(null);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        CodeAnalysis.Completions c = runner.evaluator().analysis().complete(MagicLines.blankOut(code), at);
        return new ReplacementOptions(c.matches(), c.cursorStart(), c.cursorEnd());
    }

    @Override
    public String isComplete(String code) {
        if (MagicLines.cellMagic(code) != null) {
            return IS_COMPLETE_YES;
        }
        CodeAnalysis.IsComplete result = runner.evaluator().analysis().isComplete(MagicLines.blankOut(code));
        switch (result.status()) {
            case COMPLETE:
                return IS_COMPLETE_YES;
            case INVALID:
                return IS_COMPLETE_BAD;
            default:
                return result.indent();
        }
    }

    @Override
    public void interrupt() {
        runner.evaluator().stop();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        runner.close();
    }

    @Override
    public List<String> formatError(Exception e) {
        return runner.evaluator().formatError(e);
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return languageInfo;
    }

    @Override
    public String getBanner() {
        return "Java " + Runtime.version() + " (tfe-java kernel on JShell)";
    }

    @Override
    public List<LanguageInfo.Help> getHelpLinks() {
        return List.of(new LanguageInfo.Help("Java " + Runtime.version().feature() + " API",
                "https://docs.oracle.com/en/java/javase/" + Runtime.version().feature() + "/docs/api/"));
    }

    /** Sends what cells display to the notebook, through the execute request being served. */
    private final class KernelSink implements DisplaySink {
        @Override
        public Renderer renderer() {
            return getRenderer();
        }

        @Override
        public void publish(DisplayData data) {
            display(data);
        }

        @Override
        public void update(DisplayData data) {
            getIO().display.updateDisplay(data);
        }
    }

    /**
     * Runs the kernel on a Jupyter connection file until the front end shuts it down (what
     * kernel.json runs; the same as {@code ./tfe kernel run FILE}).
     *
     * @param args the connection file's path
     */
    public static void main(String[] args) {
        Cli.main("tfe kernel run", new KernelRunCommand(), args);
    }

    /**
     * Runs the kernel on a Jupyter connection file until the front end shuts it down.
     *
     * @param connectionFile the connection file
     * @throws Exception if the connection file cannot be read or the sockets cannot be bound
     */
    static void run(Path connectionFile) throws Exception {
        configureLogging();
        KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(connectionFile));
        TfeKernel kernel = new TfeKernel();
        JupyterConnection connection = new JupyterConnection(props);
        kernel.becomeHandlerForConnection(connection);
        exitWithParent();
        connection.connect();
        connection.waitUntilClose();
    }

    /**
     * Basekernel logs every socket event at INFO through java.util.logging: keep warnings only
     * unless {@code TFE_KERNEL_LOG} says otherwise. (The level of the libraries that log through
     * SLF4J, {@code TFE_LOG}, was set by the entry point: {@link Cli#logLevelFromEnvironment}.)
     */
    private static void configureLogging() {
        String level = System.getenv().getOrDefault("TFE_KERNEL_LOG", "WARNING");
        Level parsed;
        try {
            parsed = Level.parse(level.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            parsed = Level.WARNING;
        }
        Logger root = Logger.getLogger("");
        root.setLevel(parsed);
        for (var handler : root.getHandlers()) {
            handler.setLevel(parsed);
        }
    }

    /**
     * Started by Jupyter (which sets {@code JPY_PARENT_PID}), exits when the process that started
     * it is gone, so that no kernel outlives a crashed front end.
     */
    private static void exitWithParent() {
        if (System.getenv("JPY_PARENT_PID") == null) {
            return;
        }
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            System.err.println("tfe kernel: the process that started this kernel is gone; exiting");
            System.exit(0);
        }));
    }
}
