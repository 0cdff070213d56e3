package dev.tfe.kernel.jshell;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Documentation;
import jdk.jshell.SourceCodeAnalysis.Suggestion;

/**
 * What a notebook asks about code without running it: completions, documentation of the symbol
 * at the cursor, and whether a cell is complete. All of it comes from JShell's
 * {@link SourceCodeAnalysis}, applied to the snippet of the cell that holds the cursor.
 */
public final class CodeAnalysis {
    private static final String INDENT = "    ";

    private final SourceCodeAnalysis analysis;

    /**
     * Creates the analysis over a JShell's state (its variables, methods and imports).
     *
     * @param analysis the JShell's source analysis
     */
    public CodeAnalysis(SourceCodeAnalysis analysis) {
        this.analysis = analysis;
    }

    /**
     * Completions at a cursor.
     *
     * @param matches     the texts that may replace {@code [start, end)} of the cell
     * @param cursorStart where the replaced text starts
     * @param cursorEnd   where it ends
     */
    public record Completions(List<String> matches, int cursorStart, int cursorEnd) {
    }

    /** A cell's state for a console deciding whether Enter runs it. */
    public enum Status {
        /** Ready to run. */
        COMPLETE,
        /** Needs more lines. */
        INCOMPLETE,
        /** Will not compile whatever follows. */
        INVALID
    }

    /**
     * Whether a cell is complete, and how to indent its next line if not.
     *
     * @param status the verdict
     * @param indent the indentation for the next line (empty unless incomplete)
     */
    public record IsComplete(Status status, String indent) {
    }

    /**
     * Completes the identifier before the cursor: members after a dot, names in scope otherwise.
     * Suggestions that fit the expected type come first; duplicates (overloads) appear once.
     *
     * @param code   the cell
     * @param cursor the cursor's position in the cell
     * @return the completions, possibly none
     */
    public Completions complete(String code, int cursor) {
        SourceChunk chunk = chunkAt(code, cursor);
        if (chunk == null) {
            return new Completions(List.of(), cursor, cursor);
        }
        String text = code.substring(chunk.rawStart(), Math.max(chunk.rawEnd(), cursor));
        int[] anchor = new int[1];
        List<Suggestion> suggestions = analysis.completionSuggestions(text, cursor - chunk.rawStart(), anchor);
        Set<String> matches = new LinkedHashSet<>();
        suggestions.stream().filter(Suggestion::matchesType).forEach(s -> matches.add(s.continuation()));
        suggestions.forEach(s -> matches.add(s.continuation()));
        return new Completions(new ArrayList<>(matches), chunk.rawStart() + anchor[0], cursor);
    }

    /**
     * Documentation of the symbol at the cursor: the signatures of a method (all overloads) or the
     * name of a type, with their javadoc where the JDK's sources are installed.
     *
     * @param code   the cell
     * @param cursor the cursor's position in the cell
     * @return plain text, or empty if nothing is known at the cursor
     */
    public Optional<String> inspect(String code, int cursor) {
        SourceChunk chunk = chunkAt(code, cursor);
        if (chunk == null) {
            return Optional.empty();
        }
        String text = code.substring(chunk.rawStart(), Math.max(chunk.rawEnd(), cursor));
        int at = cursor - chunk.rawStart();
        List<Documentation> docs = analysis.documentation(text, at, true);
        if (docs.isEmpty()) {
            // on or just after a name: ask about the name as a call, then as it is
            int end = at;
            while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
                end++;
            }
            if (end < text.length() && text.charAt(end) == '(') {
                docs = analysis.documentation(text, end + 1, true);
            } else {
                docs = analysis.documentation(text.substring(0, end) + "(", end + 1, true);
            }
            if (docs.isEmpty()) {
                docs = analysis.documentation(text, end, true);
            }
        }
        if (docs.isEmpty()) {
            return Optional.empty();
        }
        Set<String> entries = new LinkedHashSet<>();
        for (Documentation doc : docs) {
            String javadoc = doc.javadoc();
            entries.add(javadoc == null || javadoc.isBlank()
                    ? doc.signature()
                    : doc.signature() + "\n" + javadoc.strip().indent(2).stripTrailing());
        }
        return Optional.of(String.join("\n", entries));
    }

    /**
     * Tells whether a cell can run as it is.
     *
     * @param code the cell
     * @return complete, incomplete (with the next line's indentation) or invalid
     */
    public IsComplete isComplete(String code) {
        List<SourceChunk> chunks = SourceChunk.split(analysis, code);
        if (chunks.isEmpty()) {
            return new IsComplete(Status.COMPLETE, "");
        }
        SourceChunk last = chunks.get(chunks.size() - 1);
        for (SourceChunk chunk : chunks) {
            if (chunk.completeness() == SourceCodeAnalysis.Completeness.UNKNOWN) {
                return new IsComplete(Status.INVALID, "");
            }
        }
        if (last.isComplete()) {
            return new IsComplete(Status.COMPLETE, "");
        }
        return new IsComplete(Status.INCOMPLETE, nextIndent(code));
    }

    private static String nextIndent(String code) {
        String trimmed = code.stripTrailing();
        int lineStart = trimmed.lastIndexOf('\n') + 1;
        String line = trimmed.substring(lineStart);
        String indent = line.substring(0, line.length() - line.stripLeading().length());
        return trimmed.endsWith("{") || trimmed.endsWith("(") ? indent + INDENT : indent;
    }

    private SourceChunk chunkAt(String code, int cursor) {
        SourceChunk found = null;
        for (SourceChunk chunk : SourceChunk.split(analysis, code)) {
            if (chunk.rawStart() <= cursor) {
                found = chunk;
            }
        }
        return found;
    }
}
