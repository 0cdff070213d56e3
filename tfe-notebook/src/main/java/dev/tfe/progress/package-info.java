/**
 * Progress of long work, shown while it runs: a private prediction over many batches, private
 * or plaintext training (with its loss curve). Work reports through a {@link dev.tfe.progress.ProgressTask};
 * the installed {@link dev.tfe.progress.ProgressReporter} shows its {@link dev.tfe.progress.ProgressState}:
 * by default as throttled plain lines on standard error, in a notebook (the kernel installs its
 * own reporter) as a bar and a chart updated in place in the cell. Nothing here knows Jupyter.
 */
package dev.tfe.progress;
