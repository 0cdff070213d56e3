/**
 * Per-run measurements: time, bytes and rounds per op identity ({@link dev.tfe.graph.OpIdentity}:
 * layers, protocol op, sub-protocols) and party, selected by {@link dev.tfe.graph.OpQuery}.
 */
package dev.tfe.profile;
