/**
 * Per-run measurements: compute time and waiting time (apart), bytes and rounds per op identity
 * ({@link dev.tfe.graph.OpIdentity}: layers, protocol op, sub-protocols) and party, selected by
 * {@link dev.tfe.graph.OpQuery}; the critical path of a call ({@link dev.tfe.profile.CriticalPath});
 * for in-process runs, each party's timeline of waits, computations and sends
 * ({@link dev.tfe.profile.Span}), whose sends match the waits that received them; and what each
 * party saw ({@link dev.tfe.profile.PartyViews}): the values it received, by the
 * {@link dev.tfe.graph.ValueKind} their sends declare.
 */
package dev.tfe.profile;
