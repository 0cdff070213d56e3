/**
 * The root of the {@code tfe} command line ({@link dev.tfe.launcher.command.TfeCommand}): it
 * gathers the commands of the other packages, and nothing here depends on it but kernel-ext's
 * entry point.
 */
package dev.tfe.launcher.command;
