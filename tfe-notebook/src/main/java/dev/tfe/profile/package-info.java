/**
 * Per-run measurements: time, bytes and rounds per protocol op and party.
 */
package dev.tfe.profile;
