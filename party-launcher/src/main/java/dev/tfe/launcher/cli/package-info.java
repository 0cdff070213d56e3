/** Command-line entry points: {@code ./tfe launch} and {@code ./tfe keys}. */
package dev.tfe.launcher.cli;
