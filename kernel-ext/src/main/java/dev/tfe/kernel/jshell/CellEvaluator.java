package dev.tfe.kernel.jshell;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * Runs notebook cells with JShell, in this JVM.
 *
 * <p>A cell is cut into snippets ({@link SourceChunk}) and they run in order; the first one that
 * fails to compile or throws ends the cell with an exception ({@link CompilationException}, the
 * user's own exception, {@link EvaluationException} or {@link CellInterruptedException}). The
 * value of the last snippet, if it is an expression, is the cell's value, as an object.
 *
 * <p>The JVM's class path is JShell's class path, and snippets see the very classes the kernel
 * loaded (the same statics, the same renderers). {@link DefaultImports} are imported at start.
 * Not thread-safe, except {@link #stop()}, which may be called from any thread.
 */
public final class CellEvaluator implements AutoCloseable {
    private final KernelExecutionControl control = new KernelExecutionControl();
    private final JShell shell;
    private final CodeAnalysis analysis;
    private final ErrorFormatter errors;
    private final Map<String, SnippetOrigin> origins = new ConcurrentHashMap<>();
    private final List<String> imports = new ArrayList<>();
    private final List<String> skippedImports = new ArrayList<>();
    private final List<String> addedClasspath = new ArrayList<>();

    /**
     * Creates an evaluator with this JVM's class path and the {@link DefaultImports}.
     *
     * @return the evaluator
     */
    public static CellEvaluator create() {
        return new CellEvaluator(jvmClasspath(), DefaultImports.ALL);
    }

    /**
     * Creates an evaluator.
     *
     * @param classpath class path entries the cells compile against
     * @param imports   imports to try at start, as in {@link DefaultImports}; missing packages are skipped
     */
    public CellEvaluator(List<String> classpath, List<String> imports) {
        this.shell = JShell.builder().executionEngine(control.provider(), Map.of()).build();
        if (!classpath.isEmpty()) {
            shell.addToClasspath(String.join(File.pathSeparator, classpath));
        }
        this.analysis = new CodeAnalysis(shell.sourceCodeAnalysis());
        this.errors = new ErrorFormatter(origins::get);
        for (String imp : imports) {
            boolean ok = shell.eval("import " + imp + ";").stream()
                    .anyMatch(e -> e.causeSnippet() == null && e.status().isActive());
            (ok ? this.imports : this.skippedImports).add(imp);
        }
    }

    /**
     * This JVM's class path entries.
     *
     * @return the entries of {@code java.class.path}
     */
    public static List<String> jvmClasspath() {
        String cp = System.getProperty("java.class.path", "");
        List<String> entries = new ArrayList<>();
        for (String entry : cp.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(entry);
            }
        }
        return entries;
    }

    /**
     * Runs a cell named {@code cell} that starts on line 1.
     *
     * @param code the cell's Java source
     * @return the value of the cell's last expression, or empty (no expression, or null)
     * @throws Exception see {@link #eval(String, String, int)}
     */
    public Optional<Object> eval(String code) throws Exception {
        return eval(code, "cell", 1);
    }

    /**
     * Runs the snippets of a cell in order.
     *
     * @param code      the Java source
     * @param cellName  the cell's name in error messages, such as {@code In [3]}
     * @param firstLine the cell line the code starts on (code may follow a magic line)
     * @return the value of the last snippet if it is an expression, or empty (none, or null)
     * @throws CompilationException     if a snippet does not compile
     * @throws CellInterruptedException if {@link #stop()} interrupted the cell
     * @throws EvaluationException      if a snippet threw an {@link Error}, or used an undeclared name
     * @throws Exception                the exception that the user's code threw, as thrown
     */
    public Optional<Object> eval(String code, String cellName, int firstLine) throws Exception {
        control.reset();
        Optional<Object> last = Optional.empty();
        for (SourceChunk chunk : SourceChunk.split(shell.sourceCodeAnalysis(), code)) {
            if (control.wasStopped()) {
                throw new CellInterruptedException();
            }
            last = evalChunk(code, chunk, cellName, firstLine);
        }
        return last;
    }

    private Optional<Object> evalChunk(String code, SourceChunk chunk, String cellName, int firstLine)
            throws Exception {
        List<SnippetEvent> events = shell.eval(chunk.source());
        int chunkLine = firstLine + lineIndex(code, chunk.sourceStart());
        Optional<Object> value = Optional.empty();
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue; // a dependent snippet updated by this one
            }
            Snippet snippet = event.snippet();
            if (event.status() == Snippet.Status.REJECTED) {
                throw compilationError(snippet, code, chunk, cellName, firstLine);
            }
            origins.put(snippet.id(), new SnippetOrigin(cellName, chunkLine));
            if (control.wasStopped()) {
                throw new CellInterruptedException();
            }
            if (event.exception() != null) {
                throw runtimeError(event.exception());
            }
            warnIfUnresolved(event);
            Object v = control.takeValue(event.value());
            value = isExpression(snippet) && v != null ? Optional.of(v) : Optional.empty();
        }
        return value;
    }

    /**
     * The values of the cells' active variables declared with type {@code type} (by its simple or
     * full name, as {@code var tfe = Tfe.local()} declares it), oldest first, as objects; the
     * kernel's magics find the notebook's sessions this way, with no static holding them.
     *
     * @param type the declared type
     * @param <T>  the type
     * @return the non-null values of such variables, in order of declaration
     * @throws Exception if reading a variable fails
     */
    public <T> List<T> variables(Class<T> type) throws Exception {
        List<String> names = shell.variables()
                .filter(v -> shell.status(v).isActive())
                .filter(v -> v.typeName().equals(type.getSimpleName()) || v.typeName().equals(type.getName()))
                .map(VarSnippet::name)
                .collect(Collectors.toList());
        List<T> values = new ArrayList<>();
        for (String name : names) {
            Optional<Object> v = eval(name, "variable " + name, 1);
            if (v.isPresent() && type.isInstance(v.get())) {
                values.add(type.cast(v.get()));
            }
        }
        return values;
    }

    private static boolean isExpression(Snippet snippet) {
        return snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                || snippet.subKind() == Snippet.SubKind.VAR_VALUE_SUBKIND;
    }

    private CompilationException compilationError(Snippet snippet, String code, SourceChunk chunk,
                                                  String cellName, int firstLine) {
        List<CompilationException.Problem> problems = new ArrayList<>();
        int span = Math.max(0, chunk.rawEnd() - chunk.sourceStart());
        List<Diag> diags = shell.diagnostics(snippet).filter(Diag::isError).collect(Collectors.toList());
        for (Diag d : diags) {
            long start = d.getStartPosition() >= 0 ? d.getStartPosition() : Math.max(0, d.getPosition());
            long end = Math.max(start + 1, d.getEndPosition());
            int pos = Math.min(code.length(), chunk.sourceStart() + (int) Math.min(start, span));
            problems.add(problem(code, pos, (int) (end - start), d.getMessage(Locale.getDefault()), firstLine));
        }
        if (problems.isEmpty()) {
            problems.add(problem(code, chunk.sourceStart(), 1, "JShell cannot run this snippet", firstLine));
        }
        return new CompilationException(cellName, problems);
    }

    private static CompilationException.Problem problem(String code, int pos, int length, String message,
                                                        int firstLine) {
        int lineStart = code.lastIndexOf('\n', pos - 1) + 1;
        int lineEnd = code.indexOf('\n', lineStart);
        String lineText = code.substring(lineStart, lineEnd < 0 ? code.length() : lineEnd);
        int column = pos - lineStart;
        int len = Math.max(1, Math.min(length, lineText.length() - column));
        return new CompilationException.Problem(firstLine + lineIndex(code, pos), column + 1, len, message, lineText);
    }

    private static int lineIndex(String code, int pos) {
        int lines = 0;
        for (int i = 0; i < pos && i < code.length(); i++) {
            if (code.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private Exception runtimeError(JShellException ex) {
        if (ex instanceof UnresolvedReferenceException) {
            DeclarationSnippet decl = ((UnresolvedReferenceException) ex).getSnippet();
            return new EvaluationException(describe(decl) + " cannot be used until "
                    + String.join(", ", shell.unresolvedDependencies(decl).collect(Collectors.toList()))
                    + " is declared", null);
        }
        Throwable original = control.takeThrown();
        if (original != null && ex instanceof EvalException) {
            useTranslatedFrames(original, (EvalException) ex);
        }
        if (original instanceof Exception) {
            return (Exception) original;
        }
        if (original != null) {
            return new EvaluationException(original.toString(), original);
        }
        return ex;
    }

    /**
     * Gives the exception (and its causes) the stack traces JShell translated, in which frames of
     * cell code read {@code #snippetId:line} rather than lines of generated classes.
     */
    private static void useTranslatedFrames(Throwable original, EvalException translated) {
        Throwable t = original;
        Throwable e = translated;
        for (int depth = 0; t != null && e instanceof EvalException && depth < 20; depth++) {
            if (!((EvalException) e).getExceptionClassName().equals(t.getClass().getName())) {
                return;
            }
            t.setStackTrace(e.getStackTrace());
            t = t.getCause();
            e = e.getCause();
        }
    }

    private void warnIfUnresolved(SnippetEvent event) {
        if (!(event.snippet() instanceof DeclarationSnippet)) {
            return;
        }
        DeclarationSnippet decl = (DeclarationSnippet) event.snippet();
        List<String> missing = shell.unresolvedDependencies(decl).collect(Collectors.toList());
        if (!missing.isEmpty()) {
            System.err.println("note: " + describe(decl) + " is declared, but cannot be used until "
                    + String.join(", ", missing) + " is declared");
        }
    }

    private static String describe(DeclarationSnippet decl) {
        switch (decl.kind()) {
            case METHOD:
                return "method " + decl.name() + "(" + ((MethodSnippet) decl).parameterTypes() + ")";
            case TYPE_DECL:
                return "type " + decl.name();
            case VAR:
                return "variable " + decl.name();
            default:
                return decl.name();
        }
    }

    /**
     * Formats a failure of {@link #eval} as traceback lines, naming cell lines in stack traces.
     *
     * @param error what eval threw
     * @return the lines
     */
    public List<String> formatError(Throwable error) {
        return errors.format(error);
    }

    /**
     * Adds entries to the cells' class path. An entry ending in {@code *} stands for the jars in
     * that directory.
     *
     * @param path one or more entries, separated by the platform's path separator
     * @return the entries added
     * @throws IOException if an entry does not exist or a directory cannot be listed
     */
    public List<String> addToClasspath(String path) throws IOException {
        List<String> added = new ArrayList<>();
        for (String entry : path.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            if (entry.endsWith("*")) {
                Path dir = Path.of(entry.substring(0, entry.length() - 1).replaceAll("[/\\\\]$", "")).toAbsolutePath();
                try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir.normalize(), "*.jar")) {
                    jars.forEach(j -> added.add(j.toString()));
                }
            } else {
                Path p = Path.of(entry).toAbsolutePath().normalize();
                if (!Files.exists(p)) {
                    throw new IOException("no such file or directory: " + p);
                }
                added.add(p.toString());
            }
        }
        for (String entry : added) {
            shell.addToClasspath(entry);
            addedClasspath.add(entry);
        }
        return added;
    }

    /**
     * The class path entries added with {@link #addToClasspath(String)}.
     *
     * @return the entries, in order
     */
    public List<String> addedClasspath() {
        return List.copyOf(addedClasspath);
    }

    /**
     * The imports in effect from the start.
     *
     * @return the default imports that were found
     */
    public List<String> imports() {
        return List.copyOf(imports);
    }

    /**
     * The default imports skipped because their package does not exist.
     *
     * @return the skipped imports
     */
    public List<String> skippedImports() {
        return List.copyOf(skippedImports);
    }

    /**
     * Completion, inspection and completeness of code, in this evaluator's state.
     *
     * @return the analysis
     */
    public CodeAnalysis analysis() {
        return analysis;
    }

    /** Interrupts the running cell; safe to call from any thread, and when nothing runs. */
    public void stop() {
        shell.stop();
    }

    /** Closes JShell. Cells cannot run afterwards. */
    @Override
    public void close() {
        shell.close();
    }
}
