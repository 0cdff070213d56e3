/**
 * Magics: lines such as {@code %classpath add lib/*} that the kernel runs itself instead of
 * passing them to JShell.
 *
 * <p>{@link dev.tfe.kernel.magic.MagicLines} finds them in a cell;
 * {@link dev.tfe.kernel.magic.KernelMagics} holds the registry (on jupyter-jvm-basekernel's
 * {@code Magics}) and the explicit list of {@link dev.tfe.kernel.magic.MagicRegistrar}s to extend.
 */
package dev.tfe.kernel.magic;
