/**
 * How values show themselves in a notebook, on jupyter-jvm-basekernel's renderer API (shared
 * with IJava).
 *
 * <p>{@link dev.tfe.kernel.display.TfeRenderers} holds the explicit list of the library's
 * {@link dev.tfe.kernel.display.RendererRegistrar}s and registers them into a kernel's renderer;
 * {@link dev.tfe.kernel.display.Display} holds the functions cells call ({@code display(x)}), which
 * send rendered data to the installed {@link dev.tfe.kernel.display.DisplaySink}.
 */
package dev.tfe.kernel.display;
