/**
 * What a private program is made of, below the entry point: {@link dev.tfe.program.Party},
 * {@link dev.tfe.program.Output}, {@link dev.tfe.program.RunResult} and the
 * {@link dev.tfe.program.Program} interface that {@code dev.tfe.api.Tfe} implements. Private
 * models ({@code model.secure}) and private training ({@code model.privatetrain}) depend on this
 * package, never on {@code api}, so that {@code api} can create them without a package cycle.
 */
package dev.tfe.program;
