/**
 * The tfe-java Jupyter kernel: {@link dev.tfe.kernel.TfeKernel} (on jupyter-jvm-basekernel) runs
 * cells through {@link dev.tfe.kernel.CellRunner}, which dispatches magics and hands Java code to
 * JShell ({@link dev.tfe.kernel.jshell}). Rendering lives in {@link dev.tfe.kernel.display},
 * magics in {@link dev.tfe.kernel.magic}, and the kernelspec installer in
 * {@link dev.tfe.kernel.install}.
 */
package dev.tfe.kernel;
