/**
 * Running and analysing notebook cells with JShell ({@code jdk.jshell}) inside the kernel's JVM.
 *
 * <p>{@link dev.tfe.kernel.jshell.CellEvaluator} is the entry point: it cuts a cell into snippets,
 * runs them on {@link dev.tfe.kernel.jshell.KernelExecutionControl} (in-process, one thread per
 * snippet, interruptible), returns the last expression's value as an object, and reports failures
 * as exceptions that {@link dev.tfe.kernel.jshell.ErrorFormatter} turns into readable tracebacks.
 * {@link dev.tfe.kernel.jshell.CodeAnalysis} answers completion, inspection and completeness
 * requests. Nothing here depends on Jupyter, so all of it is unit-tested without a front end.
 */
package dev.tfe.kernel.jshell;
