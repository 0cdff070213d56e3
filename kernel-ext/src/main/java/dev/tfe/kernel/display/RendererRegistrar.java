package dev.tfe.kernel.display;

import io.github.spencerpark.jupyter.kernel.display.Renderer;

/**
 * Registers render functions for some types into a jupyter-jvm-basekernel {@link Renderer}
 * (the renderer API of this kernel and of IJava). One registrar per family of library types,
 * listed in {@link TfeRenderers}.
 */
@FunctionalInterface
public interface RendererRegistrar {

    /**
     * Registers this registrar's render functions.
     *
     * @param renderer the kernel's renderer
     */
    void registerInto(Renderer renderer);
}
