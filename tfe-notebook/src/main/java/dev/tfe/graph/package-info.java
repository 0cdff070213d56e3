/**
 * The computation graph as data: placed {@link dev.tfe.graph.Node}s built through
 * {@link dev.tfe.graph.Ops}, scopes that name protocol ops, and the {@link dev.tfe.graph.Planner}
 * that splits a graph into one {@link dev.tfe.graph.Plan} per party with explicit messages.
 */
package dev.tfe.graph;
