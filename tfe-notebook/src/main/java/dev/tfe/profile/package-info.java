/**
 * Per-run measurements: compute time and waiting time (apart), bytes and rounds per op identity
 * ({@link dev.tfe.graph.OpIdentity}: layers, protocol op, sub-protocols) and party, selected by
 * {@link dev.tfe.graph.OpQuery}; and the critical path of a call ({@link dev.tfe.profile.CriticalPath}).
 */
package dev.tfe.profile;
