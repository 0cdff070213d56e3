package dev.tfe.kernel.jshell;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns a cell's failure into the lines of a Jupyter traceback.
 *
 * <p>Compile errors show each message with the cell line and the error's span underlined.
 * Runtime failures show the exception's class and message, then a stack trace cut where JShell's
 * machinery starts, with frames of cell code named by cell and line, and then the causes.
 * Lines carry ANSI colours, which Jupyter front ends render.
 */
public final class ErrorFormatter {
    static final String RED = "\u001b[0;31m";
    static final String BOLD_RED = "\u001b[1;31m";
    static final String CYAN = "\u001b[0;36m";
    static final String RESET = "\u001b[0m";

    /** At most this many frames of one exception are shown. */
    public static final int MAX_FRAMES = 30;
    private static final int MAX_CAUSES = 10;

    private static final Pattern WRAPPER_NESTED = Pattern.compile("REPL\\.\\$JShell\\$\\d+[A-Z]?\\$");
    private static final Pattern WRAPPER_TOP = Pattern.compile("REPL\\.\\$JShell\\$\\d+[A-Z]?\\.?");
    /** Where the kernel's machinery starts in a trace without cell code (such as a magic's). */
    private static final List<String> INTERNAL_PREFIXES = List.of(
            "jdk.internal.reflect.", "java.lang.reflect.", "jdk.jshell.", KernelExecutionControl.class.getName(),
            "dev.tfe.kernel.magic.KernelMagics", "dev.tfe.kernel.CellRunner", "io.github.spencerpark.");

    private final Function<String, SnippetOrigin> origins;

    /**
     * Creates a formatter.
     *
     * @param origins finds where a snippet came from by its JShell id; may return null
     */
    public ErrorFormatter(Function<String, SnippetOrigin> origins) {
        this.origins = origins;
    }

    /**
     * Formats a failure of a cell.
     *
     * @param error what the cell threw
     * @return traceback lines, without line breaks
     */
    public List<String> format(Throwable error) {
        List<String> lines = new ArrayList<>();
        if (error instanceof CompilationException) {
            formatCompilation((CompilationException) error, lines);
        } else if (error instanceof CellInterruptedException
                || (error instanceof EvaluationException && error.getCause() == null)) {
            lines.add(BOLD_RED + error.getClass().getSimpleName() + RESET + ": " + error.getMessage());
        } else if (error instanceof EvaluationException) {
            formatThrowable(error.getCause(), lines);
        } else {
            formatThrowable(error, lines);
        }
        return lines;
    }

    private static void formatCompilation(CompilationException e, List<String> lines) {
        int n = e.problems().size();
        lines.add(BOLD_RED + "CompilationException" + RESET + ": "
                + (n == 1 ? "1 error" : n + " errors") + " in " + e.cellName());
        for (CompilationException.Problem p : e.problems()) {
            List<String> message = new ArrayList<>(List.of(p.message().split("\\R")));
            message.removeIf(l -> l.isBlank() || l.strip().equals("location: class"));
            String first = message.isEmpty() ? "error" : message.remove(0);
            lines.add(CYAN + "line " + p.line() + ", column " + p.column() + RESET + ": " + first);
            for (String more : message) {
                lines.add("  " + more.strip());
            }
            String src = p.sourceLine().stripTrailing();
            lines.add("    " + src);
            int start = Math.max(0, Math.min(p.column() - 1, src.length()));
            int len = Math.max(1, Math.min(p.length(), Math.max(1, src.length() - start)));
            lines.add("    " + " ".repeat(start) + RED + "^".repeat(len) + RESET);
        }
    }

    private void formatThrowable(Throwable top, List<String> lines) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable t = top;
        for (int depth = 0; t != null && depth < MAX_CAUSES && seen.add(t); depth++) {
            String header = BOLD_RED + cleanName(t.getClass().getName()) + RESET
                    + (t.getMessage() == null ? "" : ": " + cleanName(t.getMessage()));
            lines.add(depth == 0 ? header : "Caused by: " + header);
            formatFrames(userFrames(t.getStackTrace()), lines);
            t = t.getCause();
        }
    }

    private void formatFrames(List<StackTraceElement> frames, List<String> lines) {
        int shown = 0;
        int i = 0;
        while (i < frames.size() && shown < MAX_FRAMES) {
            StackTraceElement frame = frames.get(i);
            int repeats = 0;
            while (i + repeats + 1 < frames.size() && frames.get(i + repeats + 1).equals(frame)) {
                repeats++;
            }
            lines.add("    at " + describe(frame));
            if (repeats > 0) {
                lines.add("    ... the frame above repeats " + repeats + " more times");
            }
            i += repeats + 1;
            shown++;
        }
        if (i < frames.size()) {
            lines.add("    ... " + (frames.size() - i) + " more");
        }
    }

    /**
     * The frames of a stack trace that belong to the user: everything up to the outermost frame
     * of cell code, or, without cell code, up to the first frame of JShell's machinery.
     *
     * @param trace a stack trace
     * @return the frames to show
     */
    public static List<StackTraceElement> userFrames(StackTraceElement[] trace) {
        int end = -1;
        for (int i = 0; i < trace.length; i++) {
            if (isCellFrame(trace[i])) {
                end = i + 1;
            }
        }
        if (end < 0) {
            end = trace.length;
            for (int i = 0; i < trace.length && end == trace.length; i++) {
                for (String prefix : INTERNAL_PREFIXES) {
                    if (trace[i].getClassName().startsWith(prefix)) {
                        end = i;
                        break;
                    }
                }
            }
        }
        return List.of(trace).subList(0, end);
    }

    private String describe(StackTraceElement frame) {
        String file = frame.getFileName();
        if (file == null || !file.startsWith("#")) {
            return cleanName(frame.toString());
        }
        SnippetOrigin origin = origins.apply(file.substring(1));
        String where = origin == null
                ? "snippet " + file + ", line " + frame.getLineNumber()
                : origin.describe(frame.getLineNumber());
        String method = frame.getMethodName();
        if (method.isEmpty() || method.equals("do_it$")) {
            return where;
        }
        String owner = cleanName(frame.getClassName());
        return (owner.isEmpty() ? method : owner + "." + method) + "(" + where + ")";
    }

    /** A frame of cell code: as JShell translates it ({@code #12:3}), or as compiled ({@code REPL.$JShell$12}). */
    private static boolean isCellFrame(StackTraceElement frame) {
        return frame.getClassName().startsWith("REPL.")
                || (frame.getFileName() != null && frame.getFileName().startsWith("#"));
    }

    /**
     * Removes JShell's wrapper class names: {@code REPL.$JShell$12$Point} becomes {@code Point}.
     *
     * @param text a class name or a message that may contain class names
     * @return the text without wrapper names
     */
    public static String cleanName(String text) {
        String s = WRAPPER_NESTED.matcher(text).replaceAll("");
        return WRAPPER_TOP.matcher(s).replaceAll("");
    }
}
