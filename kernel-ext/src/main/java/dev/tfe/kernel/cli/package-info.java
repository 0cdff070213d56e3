/**
 * The {@code tfe} command line's entry point ({@link dev.tfe.kernel.cli.TfeMain}): party-launcher's
 * commands with the kernel's ({@link dev.tfe.kernel.cli.KernelCommand}).
 */
package dev.tfe.kernel.cli;
