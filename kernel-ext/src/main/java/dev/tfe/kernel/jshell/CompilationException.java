package dev.tfe.kernel.jshell;

import java.util.List;

/**
 * A cell did not compile. Carries every compiler error with its place in the cell, so that the
 * kernel can show the offending line with the error's span underlined.
 */
public final class CompilationException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Where the errors are: a cell's name, such as {@code In [3]}. */
    private final String cellName;
    private final transient List<Problem> problems;

    /**
     * One compiler error.
     *
     * @param line       line in the cell, counting from 1
     * @param column     column in that line, counting from 1
     * @param length     how many characters the error spans on that line (at least 1)
     * @param message    the compiler's message (may span several lines)
     * @param sourceLine the text of the cell's line
     */
    public record Problem(int line, int column, int length, String message, String sourceLine) {
    }

    /**
     * Creates the exception.
     *
     * @param cellName the cell's name
     * @param problems the errors, at least one
     */
    public CompilationException(String cellName, List<Problem> problems) {
        super(problems.isEmpty() ? "the snippet does not compile" : firstLine(problems.get(0).message()));
        this.cellName = cellName;
        this.problems = List.copyOf(problems);
    }

    /**
     * The cell's name, such as {@code In [3]}.
     *
     * @return the name
     */
    public String cellName() {
        return cellName;
    }

    /**
     * The compiler errors, in order.
     *
     * @return the errors
     */
    public List<Problem> problems() {
        return problems;
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
