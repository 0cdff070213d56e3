package dev.tfe.kernel.jshell;

import java.util.ArrayList;
import java.util.List;

import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * One snippet of a cell, as JShell's {@link SourceCodeAnalysis#analyzeCompletion(String)} cuts it.
 *
 * <p>The chunks of a cell tile it: each starts where the previous one ended, so a position in the
 * cell falls in exactly one chunk.
 *
 * @param source       the snippet's source as JShell will compile it: leading blanks removed, a
 *                     missing semicolon added
 * @param rawStart     where the chunk starts in the cell, leading white space included
 * @param rawEnd       where it ends (exclusive)
 * @param sourceStart  where its first non-blank character is in the cell
 * @param completeness JShell's verdict on the chunk
 */
public record SourceChunk(String source, int rawStart, int rawEnd, int sourceStart, Completeness completeness) {

    /**
     * Cuts a cell into snippets. Blank cells give no chunk; an incomplete tail is one last chunk
     * whose completeness says so.
     *
     * @param analysis JShell's source analysis
     * @param code     the cell's Java source
     * @return the chunks, in order
     */
    public static List<SourceChunk> split(SourceCodeAnalysis analysis, String code) {
        List<SourceChunk> chunks = new ArrayList<>();
        int offset = 0;
        while (offset < code.length()) {
            String rest = code.substring(offset);
            int lead = leadingBlanks(rest);
            if (lead == rest.length()) {
                break;
            }
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness completeness = info.completeness();
            if (completeness == Completeness.EMPTY) {
                break;
            }
            boolean complete = completeness == Completeness.COMPLETE
                    || completeness == Completeness.COMPLETE_WITH_SEMI
                    || completeness == Completeness.UNKNOWN;
            int consumed = rest.length();
            String source = rest.strip();
            if (complete && info.source() != null) {
                // JShell keeps leading blank lines in a snippet, and then miscounts lines in stack traces
                source = info.source().stripLeading();
                consumed = Math.max(0, rest.length() - info.remaining().length());
            }
            if (consumed <= lead) {
                consumed = rest.length();
            }
            chunks.add(new SourceChunk(source, offset, offset + consumed, offset + lead, completeness));
            offset += consumed;
        }
        return chunks;
    }

    /**
     * Tells whether JShell considers the chunk complete enough to run.
     *
     * @return true for complete chunks, false for a chunk that needs more input
     */
    public boolean isComplete() {
        return completeness != Completeness.DEFINITELY_INCOMPLETE
                && completeness != Completeness.CONSIDERED_INCOMPLETE;
    }

    private static int leadingBlanks(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
