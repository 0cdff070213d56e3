package dev.tfe.kernel.magic;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds magics in a cell. A line magic is a line that starts with {@code %} followed by a name
 * ({@code %classpath add lib/*.jar}); a cell magic is a first line that starts with {@code %%}
 * and applies to the rest of the cell. Arguments are separated by blanks; double quotes group.
 */
public final class MagicLines {
    private static final Pattern LINE_MAGIC = Pattern.compile("^%(\\w[\\w.-]*)(?:[ \\t]+(.*))?$");
    private static final Pattern CELL_MAGIC = Pattern.compile("^%%(\\w[\\w.-]*)(?:[ \\t]+(.*))?$");

    private MagicLines() {
    }

    /** What a segment of a cell is. */
    public enum Kind {
        /** Java source for JShell. */
        CODE,
        /** One line magic. */
        LINE_MAGIC
    }

    /**
     * A run of code lines, or one magic line.
     *
     * @param kind      code or magic
     * @param text      the code, or the magic's line
     * @param firstLine the cell line the segment starts on, counting from 1
     * @param name      the magic's name (empty for code)
     * @param args      the magic's arguments (empty for code)
     */
    public record Segment(Kind kind, String text, int firstLine, String name, List<String> args) {
    }

    /**
     * A cell magic: the first line names it, the rest of the cell is its body.
     *
     * @param name the magic's name
     * @param args the arguments on the first line
     * @param body the rest of the cell
     */
    public record CellMagic(String name, List<String> args, String body) {
    }

    /**
     * Reads a cell magic.
     *
     * @param cell the cell
     * @return the cell magic, or null if the cell does not start with one
     */
    public static CellMagic cellMagic(String cell) {
        String stripped = cell.stripLeading();
        int nl = stripped.indexOf('\n');
        String first = (nl < 0 ? stripped : stripped.substring(0, nl)).stripTrailing();
        Matcher m = CELL_MAGIC.matcher(first);
        if (!m.matches()) {
            return null;
        }
        return new CellMagic(m.group(1), splitArgs(m.group(2)), nl < 0 ? "" : stripped.substring(nl + 1));
    }

    /**
     * Cuts a cell into code and line magics, in order.
     *
     * @param cell the cell
     * @return the segments; code segments keep their line breaks
     */
    public static List<Segment> segments(String cell) {
        List<Segment> segments = new ArrayList<>();
        String[] lines = cell.split("\n", -1);
        StringBuilder code = new StringBuilder();
        int codeStart = 1;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = LINE_MAGIC.matcher(lines[i].stripTrailing());
            if (m.matches()) {
                if (!code.toString().isBlank()) {
                    segments.add(new Segment(Kind.CODE, code.toString(), codeStart, "", List.of()));
                }
                segments.add(new Segment(Kind.LINE_MAGIC, lines[i], i + 1, m.group(1), splitArgs(m.group(2))));
                code.setLength(0);
                codeStart = i + 2;
            } else {
                code.append(lines[i]);
                if (i < lines.length - 1) {
                    code.append('\n');
                }
            }
        }
        if (!code.toString().isBlank()) {
            segments.add(new Segment(Kind.CODE, code.toString(), codeStart, "", List.of()));
        }
        return segments;
    }

    /**
     * Replaces magic lines with blanks of the same length, so that Java analysis of a cell
     * (completion, inspection) keeps every position.
     *
     * @param cell the cell
     * @return the cell with magic lines blanked
     */
    public static String blankOut(String cell) {
        String[] lines = cell.split("\n", -1);
        boolean cellMagic = cellMagic(cell) != null;
        StringBuilder out = new StringBuilder(cell.length());
        boolean seenContent = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean firstContent = !seenContent && !line.isBlank();
            seenContent |= !line.isBlank();
            boolean magic = LINE_MAGIC.matcher(line.stripTrailing()).matches() || (cellMagic && firstContent);
            out.append(magic ? " ".repeat(line.length()) : line);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /**
     * Splits magic arguments at blanks; double quotes group, a backslash escapes a quote.
     *
     * @param args the text after the magic's name, or null
     * @return the arguments
     */
    public static List<String> splitArgs(String args) {
        List<String> out = new ArrayList<>();
        if (args == null) {
            return out;
        }
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean inToken = false;
        for (int i = 0; i < args.length(); i++) {
            char c = args.charAt(i);
            if (c == '\\' && i + 1 < args.length() && args.charAt(i + 1) == '"') {
                current.append('"');
                inToken = true;
                i++;
            } else if (c == '"') {
                quoted = !quoted;
                inToken = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (inToken) {
                    out.add(current.toString());
                    current.setLength(0);
                    inToken = false;
                }
            } else {
                current.append(c);
                inToken = true;
            }
        }
        if (inToken) {
            out.add(current.toString());
        }
        return out;
    }
}
