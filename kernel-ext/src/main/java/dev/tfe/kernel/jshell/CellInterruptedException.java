package dev.tfe.kernel.jshell;

/** The user interrupted a running cell; the snippets after the interrupted one were not run. */
public final class CellInterruptedException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what happened. */
    public CellInterruptedException() {
        super("the cell was interrupted; statements after the interrupted one did not run");
    }
}
