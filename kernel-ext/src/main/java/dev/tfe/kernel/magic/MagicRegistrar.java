package dev.tfe.kernel.magic;

import dev.tfe.kernel.jshell.CellEvaluator;

/** Registers one family of magics, such as {@code %classpath}; listed in {@link KernelMagics#BUILT_IN}. */
@FunctionalInterface
public interface MagicRegistrar {

    /**
     * Registers this family's magics.
     *
     * @param magics    the kernel's magics
     * @param evaluator the kernel's evaluator, for magics that act on JShell
     */
    void registerInto(KernelMagics magics, CellEvaluator evaluator);
}
