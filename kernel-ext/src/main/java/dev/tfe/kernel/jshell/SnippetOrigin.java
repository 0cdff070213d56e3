package dev.tfe.kernel.jshell;

/**
 * Where a JShell snippet came from, so that stack traces can name cell lines instead of
 * JShell's snippet ids.
 *
 * @param cellName  the cell's name, such as {@code In [3]}
 * @param firstLine the cell line (counting from 1) on which the snippet starts
 */
public record SnippetOrigin(String cellName, int firstLine) {

    /**
     * Names a line of the snippet as a line of its cell.
     *
     * @param snippetLine a line within the snippet, counting from 1, as JShell's traces give it
     * @return for example {@code In [3], line 4}
     */
    public String describe(int snippetLine) {
        return snippetLine > 0 ? cellName + ", line " + (firstLine + snippetLine - 1) : cellName;
    }
}
