package dev.tfe.kernel.jshell;

/**
 * A cell failed in a way that is not an ordinary exception of the user's code: a
 * {@link Error} such as {@link StackOverflowError} (its cause), a use of a method or class whose
 * dependencies are not declared yet, or a failure of JShell itself.
 *
 * <p>Exceptions ({@link Exception} subclasses) thrown by the user's code are not wrapped: the
 * kernel reports them as they are.
 */
public final class EvaluationException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, and what to do
     * @param cause   the error thrown by the user's code, or null
     */
    public EvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
