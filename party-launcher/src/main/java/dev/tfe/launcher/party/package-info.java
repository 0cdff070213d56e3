/** The party process: {@code ./tfe party --config hosts.json --name server0}. */
package dev.tfe.launcher.party;
