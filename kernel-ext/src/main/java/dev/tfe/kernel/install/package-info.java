/**
 * The kernelspec installer behind {@code ./tfe kernel install}: writes {@code kernel.json}
 * ({@link dev.tfe.kernel.install.KernelSpec}) and installs it with {@code jupyter kernelspec}
 * or straight into Jupyter's standard directories ({@link dev.tfe.kernel.install.KernelInstaller}).
 */
package dev.tfe.kernel.install;
